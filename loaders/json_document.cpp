// parse_json_document: the JSON validator of the plan loaders (json_locate.cpp) in front of
// nlohmann::json, so that every JSON file edict reads is held to the same rules.
#include "loaders/json_document.h"

#include "common/text.h"
#include "loaders/internal/json_value.h"
#include "loaders/loader.h"

namespace edict::loaders {

std::string json_type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "a number";
  }
}

nlohmann::json parse_json_document(std::string_view text, const std::string& name) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw InputError(name + ": empty input");
  internal::JsonError e;
  if (internal::find_json_error(text, e)) {
    throw InputError(name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message);
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& x) {  // not expected after the check; never raw bytes
    throw InputError(name + ": " + text::printable(x.what()));
  }
}

std::string wrong_type(const std::string& name, const std::string& path, std::string_view expected,
                       const nlohmann::json& found) {
  return name + ": " + (path.empty() ? "the document" : path) + ": expected " + std::string(expected) + ", found " +
         json_type_name(found);
}

std::string optional_string(const nlohmann::json& object, const char* key, const std::string& name,
                            const std::string& path) {
  auto it = object.find(key);
  if (it == object.end()) return "";
  if (!it->is_string()) throw InputError(wrong_type(name, path + "." + key, "a string", *it));
  return it->get<std::string>();
}

}  // namespace edict::loaders
