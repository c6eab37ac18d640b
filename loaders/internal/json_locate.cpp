// The second pass over a document simdjson rejected: simdjson says what kind of error it found but
// not where, so this small iterative validator walks the text again and stops at the first fault.
// It only runs on failure, so it favours clear messages over speed.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "loaders/internal/json_value.h"
#include "loaders/json.h"

namespace edict::loaders::internal {

void line_col(std::string_view text, size_t offset, size_t& line, size_t& column) {
  offset = std::min(offset, text.size());
  line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  column = offset - line_start + 1;
}

namespace {

struct Fault {
  size_t offset;
  std::string message;
};

class Scanner {
 public:
  // With `big_ints`, integers beyond 64 bits are not faults: their end offsets are collected.
  explicit Scanner(std::string_view text, std::vector<size_t>* big_ints = nullptr) : s_(text), big_ints_(big_ints) {}

  // The first fault, or offset npos when the text is valid JSON.
  Fault run();

 private:
  enum class State { Value, Key, After };
  struct Open {
    char bracket;
    size_t offset;
  };

  bool eof() const { return pos_ >= s_.size(); }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  std::string describe(size_t at) const;
  Fault end_of_input() const;
  bool string(Fault& fault);
  bool utf8(Fault& fault);
  bool number(Fault& fault);
  bool literal(Fault& fault);

  std::string_view s_;
  std::vector<size_t>* big_ints_;
  size_t pos_ = 0;
  std::vector<Open> open_;
  // The keys of each open object (raw text between the quotes) with their offsets: a key given
  // twice is an error, because readers disagree on which of the two counts.
  std::vector<std::unordered_map<std::string_view, size_t>> keys_;
};

// Renders the character at `at` for a message: 'x', or a byte value for anything unprintable.
std::string Scanner::describe(size_t at) const {
  if (at >= s_.size()) return "end of input";
  auto c = static_cast<unsigned char>(s_[at]);
  char buf[32];
  if (c >= 0x21 && c < 0x7f) {
    std::snprintf(buf, sizeof buf, "'%c'", c);
  } else {
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
  }
  return buf;
}

Fault Scanner::end_of_input() const {
  if (open_.empty()) return {s_.size(), "unexpected end of input"};
  const Open& o = open_.back();
  size_t line = 0, column = 0;
  line_col(s_, o.offset, line, column);
  return {s_.size(), std::string("unexpected end of input: the ") + (o.bracket == '[' ? "array" : "object") +
                         " opened at line " + std::to_string(line) + ", column " + std::to_string(column) +
                         " is not closed"};
}

bool Scanner::utf8(Fault& fault) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(s_[i]); };
  unsigned char c = at(pos_);
  size_t n = 0;
  uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3;
    cp = c & 0x07;
  } else {
    fault = {pos_, "invalid UTF-8 " + describe(pos_)};
    return false;
  }
  if (pos_ + n >= s_.size()) {
    fault = {pos_, "truncated UTF-8 sequence"};
    return false;
  }
  for (size_t i = 1; i <= n; ++i) {
    if ((at(pos_ + i) & 0xC0) != 0x80) {
      fault = {pos_, "invalid UTF-8 sequence starting with " + describe(pos_)};
      return false;
    }
    cp = (cp << 6) | (at(pos_ + i) & 0x3F);
  }
  bool overlong = (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    fault = {pos_, "invalid UTF-8 sequence starting with " + describe(pos_)};
    return false;
  }
  pos_ += n + 1;
  return true;
}

bool Scanner::string(Fault& fault) {
  size_t open = pos_++;
  auto hex4 = [&](size_t i, uint32_t& v) {
    if (i + 4 > s_.size()) return false;
    v = 0;
    for (size_t k = i; k < i + 4; ++k) {
      char h = s_[k];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= static_cast<uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        v |= static_cast<uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        v |= static_cast<uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  };
  while (pos_ < s_.size()) {
    auto c = static_cast<unsigned char>(s_[pos_]);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c == '\\') {
      if (pos_ + 1 >= s_.size()) break;
      char e = s_[pos_ + 1];
      if (std::strchr("\"\\/bfnrt", e) != nullptr && e != '\0') {
        pos_ += 2;
        continue;
      }
      if (e != 'u') {
        fault = {pos_, "invalid escape '\\" + std::string(1, e) + "' in string"};
        return false;
      }
      uint32_t cp = 0;
      if (!hex4(pos_ + 2, cp)) {
        fault = {pos_, "invalid \\u escape in string (expected four hex digits)"};
        return false;
      }
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fault = {pos_, "invalid \\u escape: lone low surrogate"};
        return false;
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low = 0;
        if (pos_ + 7 >= s_.size() || s_[pos_ + 6] != '\\' || s_[pos_ + 7] != 'u' || !hex4(pos_ + 8, low) ||
            low < 0xDC00 || low > 0xDFFF) {
          fault = {pos_, "invalid \\u escape: high surrogate not followed by a low surrogate"};
          return false;
        }
        pos_ += 12;
        continue;
      }
      pos_ += 6;
      continue;
    }
    if (c < 0x20) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "control character U+%04X in string (must be escaped)", c);
      fault = {pos_, buf};
      return false;
    }
    if (c >= 0x80) {
      if (!utf8(fault)) return false;
      continue;
    }
    ++pos_;
  }
  fault = {open, "string is not terminated"};
  return false;
}

bool Scanner::number(Fault& fault) {
  size_t start = pos_;
  auto digit = [&](size_t i) { return i < s_.size() && s_[i] >= '0' && s_[i] <= '9'; };
  if (s_[pos_] == '-') ++pos_;
  if (!digit(pos_)) {
    fault = {start, "invalid number: expected a digit after '-'"};
    return false;
  }
  size_t int_start = pos_;
  if (s_[pos_] == '0') {
    ++pos_;
    if (digit(pos_)) {
      fault = {start, "invalid number: leading zero"};
      return false;
    }
  } else {
    while (digit(pos_)) ++pos_;
  }
  size_t int_digits = pos_ - int_start;
  bool integer = true;
  if (pos_ < s_.size() && s_[pos_] == '.') {
    integer = false;
    ++pos_;
    if (!digit(pos_)) {
      fault = {start, "invalid number: expected a digit after '.'"};
      return false;
    }
    while (digit(pos_)) ++pos_;
  }
  if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
    integer = false;
    ++pos_;
    if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
    if (!digit(pos_)) {
      fault = {start, "invalid number: expected a digit in the exponent"};
      return false;
    }
    while (digit(pos_)) ++pos_;
  }
  if (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) {
    fault = {start, "invalid number"};
    return false;
  }
  if (!integer) {
    double d = std::strtod(std::string(s_.substr(start, pos_ - start)).c_str(), nullptr);
    if (std::isinf(d)) {
      fault = {start, "number out of range (larger than a double can hold)"};
      return false;
    }
  }
  // simdjson keeps integers exact: one that fits neither int64 nor uint64 is rejected.
  if (integer && int_digits >= 20) {
    std::string_view digits = s_.substr(int_start, int_digits);
    bool negative = s_[start] == '-';
    std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
    if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) {
      if (big_ints_ != nullptr) {
        big_ints_->push_back(pos_);
        return true;
      }
      fault = {start, "integer out of range (integers must fit in 64 bits; write large numbers with an exponent)"};
      return false;
    }
  }
  return true;
}

bool Scanner::literal(Fault& fault) {
  for (std::string_view word : {"true", "false", "null"}) {
    if (s_.substr(pos_, word.size()) == word) {
      size_t end = pos_ + word.size();
      if (end < s_.size() && std::isalnum(static_cast<unsigned char>(s_[end]))) break;
      pos_ = end;
      return true;
    }
  }
  fault = {pos_, "invalid literal (expected true, false or null)"};
  return false;
}

Fault Scanner::run() {
  Fault fault{std::string_view::npos, {}};
  skip_ws();
  if (eof()) return {pos_, "no JSON value (the input is empty)"};
  State state = State::Value;
  for (;;) {
    skip_ws();
    if (state == State::After && open_.empty()) {
      if (!eof()) return {pos_, "unexpected " + describe(pos_) + " after the JSON value"};
      return fault;  // valid
    }
    if (eof()) return end_of_input();
    char c = s_[pos_];
    switch (state) {
      case State::Value:
        if (c == '{' || c == '[') {
          open_.push_back({c, pos_});
          if (c == '{') keys_.emplace_back();
          if (open_.size() > kMaxJsonDepth) {
            return {pos_, "nesting is deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
          }
          ++pos_;
          skip_ws();
          if (!eof() && s_[pos_] == (c == '{' ? '}' : ']')) {
            if (c == '{') keys_.pop_back();
            open_.pop_back();
            ++pos_;
            state = State::After;
          } else {
            state = c == '{' ? State::Key : State::Value;
          }
          continue;
        }
        if (c == '"') {
          if (!string(fault)) return fault;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          if (!number(fault)) return fault;
        } else if (c == 't' || c == 'f' || c == 'n') {
          if (!literal(fault)) return fault;
        } else if ((c == ']' || c == '}') && !open_.empty()) {
          return {pos_, "expected a value, found " + describe(pos_) + " (trailing comma?)"};
        } else {
          return {pos_, "expected a value, found " + describe(pos_)};
        }
        state = State::After;
        continue;
      case State::Key:
        if (c != '"') {
          if (c == '}') return {pos_, "expected a string key, found '}' (trailing comma?)"};
          return {pos_, "expected a string key, found " + describe(pos_)};
        }
        {
          size_t key_at = pos_;
          if (!string(fault)) return fault;
          std::string_view key = s_.substr(key_at + 1, pos_ - key_at - 2);
          auto [it, added] = keys_.back().emplace(key, key_at);
          if (!added) {
            size_t line = 0, column = 0;
            line_col(s_, it->second, line, column);
            return {key_at, "duplicate key \"" + std::string(key) + "\" (first given at line " + std::to_string(line) +
                                ", column " + std::to_string(column) + ")"};
          }
        }
        skip_ws();
        if (eof()) return end_of_input();
        if (s_[pos_] != ':') return {pos_, "expected ':' after an object key, found " + describe(pos_)};
        ++pos_;
        state = State::Value;
        continue;
      case State::After: {
        char bracket = open_.back().bracket;
        char close = bracket == '[' ? ']' : '}';
        if (c == ',') {
          ++pos_;
          state = bracket == '[' ? State::Value : State::Key;
        } else if (c == close) {
          ++pos_;
          if (bracket == '{') keys_.pop_back();
          open_.pop_back();
        } else if (bracket == '[') {
          return {pos_, "expected ',' or ']' after an array element, found " + describe(pos_)};
        } else {
          return {pos_, "expected ',' or '}' after an object member, found " + describe(pos_)};
        }
        continue;
      }
    }
  }
}

bool located(std::string_view text, Fault fault, JsonError& error) {
  if (fault.offset == std::string_view::npos) return false;
  line_col(text, fault.offset, error.line, error.column);
  error.message = std::move(fault.message);
  return true;
}

}  // namespace

bool widen_big_integers(std::string_view text, std::string& out) {
  std::vector<size_t> ends;
  Fault fault = Scanner(text, &ends).run();
  if (fault.offset != std::string_view::npos || ends.empty()) return false;
  out.clear();
  out.reserve(text.size() + 2 * ends.size());
  size_t from = 0;
  for (size_t end : ends) {
    out.append(text.substr(from, end - from));
    out += ".0";
    from = end;
  }
  out.append(text.substr(from));
  return true;
}

bool find_json_error(std::string_view text, JsonError& error) {
  std::vector<size_t> big_ints;  // read as doubles: not errors
  return located(text, Scanner(text, &big_ints).run(), error);
}

JsonError locate_json_error(std::string_view text, simdjson::error_code code) {
  // Big integers are read (widen_big_integers): report the first other error, if there is one.
  JsonError error;
  if (!find_json_error(text, error) && !located(text, Scanner(text).run(), error)) {
    error.message = simdjson::error_message(code);
  }
  return error;
}

}  // namespace edict::loaders::internal
