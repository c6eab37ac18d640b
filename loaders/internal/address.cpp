// Textual parsing of Terraform traversals and instance addresses.
#include "loaders/internal/address.h"

namespace edict::loaders::internal {

namespace {

// Scans one `[...]` starting at text[i] == '['; returns the index just past `]`, or npos.
size_t scan_bracket(std::string_view text, size_t i) {
  ++i;
  if (i < text.size() && text[i] == '"') {
    for (++i; i < text.size(); ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '"') {
        break;
      }
    }
    if (i >= text.size()) return std::string_view::npos;
    ++i;
    return i < text.size() && text[i] == ']' ? i + 1 : std::string_view::npos;
  }
  size_t close = text.find(']', i);
  return close == std::string_view::npos || close == i ? std::string_view::npos : close + 1;
}

// Calls add(step) for every step; false when the text is not a traversal.
template <class Add>
bool scan_traversal(std::string_view text, Add&& add) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && text[i] != '.' && text[i] != '[') ++i;
    Step step;
    step.name = text.substr(start, i - start);
    if (step.name.empty()) return false;
    bool first = true;
    while (i < text.size() && text[i] == '[') {
      size_t end = scan_bracket(text, i);
      if (end == std::string_view::npos) return false;
      if (first) {
        step.key = text.substr(i + 1, end - i - 2);
        step.has_key = true;
        first = false;
      }
      i = end;
    }
    add(step);
    if (i < text.size()) {
      if (text[i] != '.') return false;
      ++i;
      if (i == text.size()) return false;
    }
  }
  return !text.empty();
}

}  // namespace

bool split_traversal(std::string_view text, std::vector<Step>& steps) {
  steps.clear();
  return scan_traversal(text, [&](const Step& s) { steps.push_back(s); });
}

size_t split_traversal(std::string_view text, Step* steps, size_t max) {
  size_t n = 0;
  bool ok = scan_traversal(text, [&](const Step& s) {
    if (n < max) steps[n] = s;
    ++n;
  });
  return ok ? n : 0;
}

bool parse_address(std::string_view text, Address& out) {
  thread_local std::vector<Step> steps;
  if (!split_traversal(text, steps)) return false;
  out.modules.clear();  // keeps its capacity: callers reuse one Address
  out.data = out.has_index = false;
  out.type = out.name = out.index = {};
  size_t i = 0;
  while (i + 1 < steps.size() && steps[i].name == "module" && !steps[i].has_key) {
    out.modules.push_back(steps[i + 1]);
    i += 2;
  }
  if (i < steps.size() && steps[i].name == "data" && !steps[i].has_key) {
    out.data = true;
    ++i;
  }
  if (i + 2 != steps.size() || steps[i].has_key) return false;
  out.type = steps[i].name;
  out.name = steps[i + 1].name;
  out.index = steps[i + 1].key;
  out.has_index = steps[i + 1].has_key;
  return true;
}

void config_key(const Address& a, std::string& key) {
  key.clear();
  for (const Step& m : a.modules) {
    key += "module.";
    key += m.name;
    key += '.';
  }
  if (a.data) key += "data.";
  key += a.type;
  key += '.';
  key += a.name;
}

}  // namespace edict::loaders::internal
