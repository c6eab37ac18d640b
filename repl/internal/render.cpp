// Rendering values, resources, run-time errors and completion lists for the REPL.
#include "repl/internal/render.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "lang/diagnostics.h"

namespace edict::repl::internal {

namespace {

constexpr std::string_view kUnknown = "(known after apply)";
constexpr size_t kLineWidth = 80;

std::string scalar(const Value& v) {
  if (v.is_unknown()) return std::string(kUnknown);
  return to_display(v, SIZE_MAX);
}

bool is_container(const Value& v) { return v.is_list() || v.is_object(); }

// A list of scalars (no unknowns) that fits on one line is printed as one.
bool fits_inline(const Value& v, size_t indent) {
  if (!v.is_list()) return false;
  for (const Value& item : v.as_list()) {
    if (is_container(item) || item.is_unknown()) return false;
  }
  return to_display(v, SIZE_MAX).size() + 2 * indent < kLineWidth;
}

std::string key_text(Symbol key) {
  std::string_view k = symbol_name(key);
  return is_identifier(k) ? std::string(k) : to_display(Value::string(k), SIZE_MAX);
}

void collect_unknowns(const Value& v, const std::string& path, std::vector<std::string>& out) {
  if (v.is_unknown()) {
    out.push_back(path.empty() ? "(the whole value)" : path);
  } else if (v.is_object()) {
    for (const Member& m : v.as_object()) {
      std::string k(symbol_name(m.key));
      collect_unknowns(m.value, path.empty() ? k : path + "." + k, out);
    }
  } else if (v.is_list()) {
    for (size_t i = 0; i < v.size(); ++i) collect_unknowns(v.as_list()[i], path + "[" + std::to_string(i) + "]", out);
  }
}

}  // namespace

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string pretty(const Value& v, size_t indent) {
  if (!is_container(v)) return scalar(v);
  if (v.size() == 0) return v.is_list() ? "[]" : "{}";
  if (fits_inline(v, indent)) return to_display(v, SIZE_MAX);
  std::string pad(2 * (indent + 1), ' ');
  std::string out = v.is_list() ? "[\n" : "{\n";
  if (v.is_list()) {
    for (const Value& item : v.as_list()) out += pad + pretty(item, indent + 1) + "\n";
  } else {
    for (const Member& m : v.as_object()) out += pad + key_text(m.key) + ": " + pretty(m.value, indent + 1) + "\n";
  }
  out += std::string(2 * indent, ' ') + (v.is_list() ? "]" : "}");
  return out;
}

std::string show_value(const Value& v) {
  if (v.is_unknown()) return "unknown";
  std::string compact = to_display(v, SIZE_MAX);
  bool has_unknown = !unknown_paths(v).empty();
  if (compact.size() < kLineWidth && !has_unknown) return compact;
  return pretty(v);
}

std::string show_resource(const model::ResourceSet& set, const model::Resource& r) {
  std::string out(r.address);
  out += "\n  type    " + std::string(r.type) + (r.mode == model::Mode::Data ? " (data source)" : "");
  out += "\n  action  " + std::string(model::action_name(r.action));
  if (!r.checked) out += r.mode == model::Mode::Data ? " (not checked)" : " (not checked: being destroyed)";
  if (!r.module_path.empty()) out += "\n  module  " + std::string(r.module_path);
  if (r.file < set.files().size()) out += "\n  file    " + set.files()[r.file];
  out += "\n" + pretty(r.attrs) + "\n";
  return out;
}

std::vector<std::string> unknown_paths(const Value& v) {
  std::vector<std::string> out;
  collect_unknowns(v, "", out);
  return out;
}

std::string caret_error(const lang::SourceManager& sources, const lang::Span& span, const std::string& message) {
  if (span.file >= sources.size()) return "error: " + message + "\n";
  lang::CaretStyle style;
  style.gutter_above = false;
  style.fill = '^';
  return lang::location(sources, span) + ": error: " + message + "\n" + lang::render_caret(sources, span, style);
}

std::string columns(const std::vector<std::string>& words, size_t width) {
  size_t widest = 0;
  for (const std::string& w : words) widest = std::max(widest, w.size());
  size_t col_width = widest + 2;
  size_t cols = std::max<size_t>(1, width / col_width);
  size_t rows = (words.size() + cols - 1) / cols;
  std::string out;
  for (size_t r = 0; r < rows; ++r) {
    std::string line;
    for (size_t c = 0; c < cols; ++c) {
      size_t i = c * rows + r;
      if (i >= words.size()) break;
      line += words[i];
      if (c + 1 < cols && (c + 1) * rows + r < words.size()) line += std::string(col_width - words[i].size(), ' ');
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace edict::repl::internal
