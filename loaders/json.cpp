// parse_json: generic JSON text -> Value (for `edict eval` and the json_parse builtin).
#include "loaders/json.h"

#include "loaders/internal/json_value.h"

namespace edict::loaders {

bool parse_json(Arena& arena, std::string_view text, Value& out, std::string& error) {
  // One parser per thread, reused: the builtin may run once per resource on small strings.
  thread_local simdjson::dom::parser parser = internal::make_parser();
  simdjson::dom::element root;
  // realloc_if_needed: `text` carries no simdjson padding, so the parser copies it.
  simdjson::error_code code = parser.parse(text.data(), text.size(), true).get(root);
  std::string widened;
  if (code != simdjson::SUCCESS && internal::widen_big_integers(text, widened)) {
    code = parser.parse(widened.data(), widened.size(), true).get(root);
  }
  if (code != simdjson::SUCCESS) {
    internal::JsonError e = internal::locate_json_error(text, code);
    error = "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " + e.message;
    return false;
  }
  try {
    out = internal::to_value(arena, root);
  } catch (const internal::DuplicateKey&) {
    internal::JsonError e;
    if (!internal::find_json_error(text, e)) e.message = "duplicate key in an object";
    error = "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " + e.message;
    return false;
  }
  return true;
}

}  // namespace edict::loaders
