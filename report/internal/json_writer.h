// A streaming JSON writer for reports: appends to a string with two-space indentation (the
// layout of nlohmann's dump(2)), never builds a tree, and replaces invalid UTF-8 with U+FFFD
// instead of failing, so a strange input string can never abort a report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace edict::report::internal {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    element();
    string_literal(k);
    out_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view s) {
    element();
    string_literal(s);
  }
  void value(const char* s) { value(std::string_view(s)); }
  void value(size_t n) {
    element();
    out_ += std::to_string(n);
  }
  void value(bool b) {
    element();
    out_ += b ? "true" : "false";
  }
  // A pre-rendered JSON value (e.g. from edict::to_json).
  void raw(std::string_view json) {
    element();
    out_ += json;
  }
  void string_array(const std::vector<std::string>& items) {
    begin_array();
    for (const std::string& s : items) value(s);
    end_array();
  }

 private:
  struct Level {
    char close;
    size_t count;
  };

  void newline() {
    out_ += '\n';
    out_.append(levels_.size() * 2, ' ');
  }
  // Separator and indentation before a value or key at the current level.
  void element() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;
    if (levels_.back().count++ > 0) out_ += ',';
    newline();
  }
  void open(char c) {
    element();
    out_ += c;
    levels_.push_back({c == '{' ? '}' : ']', 0});
  }
  void close(char c) {
    size_t count = levels_.back().count;
    levels_.pop_back();
    if (count > 0) newline();
    out_ += c;
  }
  void string_literal(std::string_view s);

  std::string& out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace edict::report::internal
