// Strict reading of edict's own small JSON files (baseline, scan state, Config rule events) into
// nlohmann::json: syntax, numbers out of range and duplicate keys are errors with file:line:column,
// and wrong shapes are errors naming the JSON path. Used by triage/, engine/ and report/.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace edict::loaders {

// Parses `text`; throws InputError "NAME:LINE:COL: what is wrong" (the same messages as plans).
nlohmann::json parse_json_document(std::string_view text, const std::string& name);

// "null", "a boolean", "a number", "a string", "an array" or "an object".
std::string json_type_name(const nlohmann::json& v);

// "NAME: PATH: expected WHAT, found TYPE" for a value of the wrong type or shape, e.g.
// "s.json: violations[0].address: expected a string, found a number".
std::string wrong_type(const std::string& name, const std::string& path, std::string_view expected,
                       const nlohmann::json& found);

// The member `key` of `object` as a string: "" when absent (optional fields), InputError when it
// is there with another type.
std::string optional_string(const nlohmann::json& object, const char* key, const std::string& name,
                            const std::string& path);

}  // namespace edict::loaders
