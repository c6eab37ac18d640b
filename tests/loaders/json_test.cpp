// parse_json: conversion into Values, and error positions found by the second pass.
#include "loaders/json.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "loaders/internal/json_value.h"

namespace edict::loaders {
namespace {

std::string error_of(std::string_view text) {
  Arena arena;
  Value v;
  std::string error;
  REQUIRE_FALSE(parse_json(arena, text, v, error));
  return error;
}

TEST_CASE("parse_json converts every kind and interns keys", "[json]") {
  Arena arena;
  Value v;
  std::string error;
  REQUIRE(parse_json(arena,
                     R"({"s":"h\u00e9\n","n":-1.5,"i":42,"big":18446744073709551615,"b":true,)"
                     R"("z":null,"l":[1,[2],{}],"o":{"k":"v"}})",
                     v, error));
  REQUIRE(v.is_object());
  CHECK(v.size() == 8);
  CHECK(v.find("s")->as_string() == "h\xC3\xA9\n");
  CHECK(v.find("n")->as_number() == -1.5);
  CHECK(v.find("i")->as_number() == 42);
  CHECK(v.find("big")->as_number() == 18446744073709551615.0);
  CHECK(v.find("b")->is_true());
  CHECK(v.find("z")->is_null());
  REQUIRE(v.find("l")->is_list());
  CHECK(v.find("l")->as_list()[1].as_list()[0].as_number() == 2);
  CHECK(v.find("l")->as_list()[2].is_object());
  CHECK(v.find(intern("o"))->find("k")->as_string() == "v");
  CHECK(v.as_object()[0].key == intern("s"));
}

TEST_CASE("parse_json keeps its result when the input text goes away", "[json]") {
  Arena arena;
  Value v;
  std::string error;
  {
    std::string text = R"(["temporary"])";
    REQUIRE(parse_json(arena, text, v, error));
    text.assign(text.size(), 'x');
  }
  CHECK(v.as_list()[0].as_string() == "temporary");
}

TEST_CASE("JSON errors say line, column and what is wrong", "[json]") {
  CHECK(error_of("{\"a\": 1,}") == "line 1, column 9: expected a string key, found '}' (trailing comma?)");
  CHECK(error_of("{\n  \"a\": 1\n  \"b\": 2\n}") ==
        "line 3, column 3: expected ',' or '}' after an object member, found '\"'");
  CHECK(error_of("[1, 2") ==
        "line 1, column 6: unexpected end of input: the array opened at line 1, column 1 is "
        "not closed");
  CHECK(error_of("{\"a\" 1}") == "line 1, column 6: expected ':' after an object key, found '1'");
  CHECK(error_of("[1,]") == "line 1, column 4: expected a value, found ']' (trailing comma?)");
  CHECK(error_of("[01]") == "line 1, column 2: invalid number: leading zero");
  CHECK(error_of("[tru]") == "line 1, column 2: invalid literal (expected true, false or null)");
  CHECK(error_of("\"a\\qb\"") == "line 1, column 3: invalid escape '\\q' in string");
  CHECK(error_of("[\"a\tb\"]") == "line 1, column 4: control character U+0009 in string (must be escaped)");
  CHECK(error_of("[\"\xFF\"]") == "line 1, column 3: invalid UTF-8 byte 0xFF");
  CHECK(error_of("{} {}") == "line 1, column 4: unexpected '{' after the JSON value");
  CHECK(error_of("[\"abc") == "line 1, column 2: string is not terminated");
  CHECK(error_of("") == "line 1, column 1: no JSON value (the input is empty)");
  CHECK(error_of("[\"\\ud800\"]") ==
        "line 1, column 3: invalid \\u escape: high surrogate not followed by a low "
        "surrogate");
}

TEST_CASE("integers beyond 64 bits become doubles", "[json]") {
  Arena arena;
  Value v;
  std::string error;
  REQUIRE(parse_json(arena, R"({"n":[123456789012345678901234567890,-99999999999999999999,"1234567890123456789012"]})",
                     v, error));
  CHECK(v.find("n")->as_list()[0].as_number() == 123456789012345678901234567890.0);
  CHECK(v.find("n")->as_list()[1].as_number() == -99999999999999999999.0);
  CHECK(v.find("n")->as_list()[2].as_string() == "1234567890123456789012");
  // Any other error is still reported where it is.
  CHECK(error_of("[123456789012345678901234567890, x]") == "line 1, column 34: expected a value, found 'x'");
}

TEST_CASE("nesting is limited to kMaxJsonDepth without using the stack", "[json]") {
  Arena arena;
  Value v;
  std::string error;
  std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  CHECK(parse_json(arena, ok, v, error));

  std::string too_deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  CHECK(error_of(too_deep) == "line 1, column 1025: nesting is deeper than 1024 levels");

  // 200k levels, unbalanced as an attacker would send them: rejected fast, no crash.
  std::string bomb = std::string(200000, '[');
  CHECK(error_of(bomb) == "line 1, column 1025: nesting is deeper than 1024 levels");
  std::string objects;
  for (int i = 0; i < 200000; ++i) objects += "{\"a\":";
  CHECK(error_of(objects) == "line 1, column 5121: nesting is deeper than 1024 levels");
}

// Every document simdjson rejects must be located by the second pass (never the fallback that
// only repeats simdjson's message). Mutates valid documents at random positions.
TEST_CASE("the second pass finds every error simdjson reports", "[json]") {
  const std::string base =
      R"({"format_version":"1.2","a":[1,-2.5e3,true,false,null,{"k":"v\u00e9\"x"}],"b":{"c":[],"d":{}},)"
      R"("e":"caf)"
      "\xC3\xA9"
      R"("})";
  const std::string alphabet = "{}[],:\"\\ 0123456789.eE+-tfnulx\x80\xC3\x01";
  std::mt19937 rng(12345);
  simdjson::dom::parser parser = internal::make_parser();
  int rejected = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string doc = base;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % (doc.size() + 1);
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        case 1:
          if (at < doc.size()) doc.erase(at, 1);
          break;
        default:
          if (at < doc.size()) doc[at] = c;
      }
    }
    simdjson::dom::element root;
    simdjson::error_code code = parser.parse(doc.data(), doc.size(), true).get(root);
    if (code == simdjson::SUCCESS) continue;
    ++rejected;
    internal::JsonError e = internal::locate_json_error(doc, code);
    INFO(doc);
    REQUIRE(e.message != std::string(simdjson::error_message(code)));
  }
  CHECK(rejected > 1000);
}

}  // namespace
}  // namespace edict::loaders
