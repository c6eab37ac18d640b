// Tests for stdlib/builtins.cpp and markdown.cpp: the table's invariants (which the checker and
// VM rely on), lookup by name, and docs/stdlib.md being exactly what the table generates.
#include <fstream>
#include <set>
#include <sstream>

#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib;

TEST_CASE("every builtin the language promises is in the table", "[stdlib][table]") {
  for (const char* name : {"len",
                           "lower",
                           "upper",
                           "trim",
                           "startswith",
                           "endswith",
                           "contains",
                           "split",
                           "join",
                           "replace",
                           "substr",
                           "to_string",
                           "format",
                           "matches",
                           "regex_find",
                           "regex_replace",
                           "glob",
                           "glob_i",
                           "cidr_contains",
                           "cidr_overlaps",
                           "cidr_is_public",
                           "cidr_is_world",
                           "cidr_prefix_len",
                           "is_ipv4",
                           "is_ipv6",
                           "port_range_covers",
                           "port_ranges_overlap",
                           "json_parse",
                           "url_decode",
                           "to_json",
                           "policy_statements",
                           "keys",
                           "values",
                           "as_list",
                           "flatten",
                           "unique",
                           "sort",
                           "sum",
                           "min",
                           "max",
                           "has_key",
                           "get",
                           "type_of",
                           "known",
                           "abs",
                           "floor",
                           "ceil",
                           "round",
                           "to_number",
                           "timestamp",
                           "now",
                           "age_days",
                           "days_between",
                           "duration",
                           "resources",
                           "data"}) {
    INFO(name);
    CHECK(find_builtin(name) >= 0);
  }
  CHECK(find_builtin("no_such_builtin") == -1);
  CHECK(find_builtin("") == -1);
}

TEST_CASE("table entries are well formed", "[stdlib][table]") {
  const std::set<std::string_view> categories = {"strings", "regex",       "net",     "json",
                                                 "time",    "collections", "numbers", "resources",
                                                 "c7n"};
  std::set<std::string_view> names;
  const std::vector<Builtin>& table = builtins();
  for (size_t i = 0; i < table.size(); ++i) {
    const Builtin& b = table[i];
    INFO(b.name);
    CHECK(names.insert(b.name).second);
    CHECK(find_builtin(b.name) == static_cast<int>(i));
    CHECK(b.signature.starts_with(std::string(b.name) + "("));
    CHECK(b.signature.find(") -> ") != std::string_view::npos);
    CHECK(categories.count(b.category) == 1);
    CHECK(!b.doc.empty());
    CHECK(b.doc.ends_with("."));
    CHECK(b.example.find(std::string(b.name) + "(") != std::string_view::npos);
    CHECK(b.min_args <= b.max_args);
    if (b.max_args == 255) {
      CHECK(b.params.back().variadic);  // the last one repeats
    } else {
      CHECK(b.params.size() == b.max_args);
    }
    for (size_t i = 0; i < b.params.size(); ++i) {
      INFO(b.params[i].name);
      CHECK(b.params[i].types.empty() == (b.domain != Domain::None));  // a domain takes a type name
      CHECK((!b.params[i].variadic || i + 1 == b.params.size()));
      if (i + 1 < b.params.size()) CHECK((!b.params[i].optional || b.params[i + 1].optional));
    }
    CHECK(!b.result.empty());
    CHECK((b.fn == nullptr) == (b.domain != Domain::None));
    CHECK((b.domain != Domain::None) == (b.category == "resources"));
  }
}

// contains() sees them to follow `in` exactly (vm::member): `contains([], unknown)` is false. The
// Custodian builtins do because their record argument may hold unknowns in keys a filter never
// reads: they are unknown only when what they read is (tests/spec/c7n/values_unknown.cmd).
TEST_CASE("only known(), is_set(), contains() and the Custodian builtins see unknown arguments", "[stdlib][table]") {
  for (const Builtin& b : builtins()) {
    INFO(b.name);
    CHECK(b.sees_unknown == (b.name == "known" || b.name == "is_set" || b.name == "contains" || b.category == "c7n"));
  }
}

TEST_CASE("literal checks catch bad constants before any resource is read", "[stdlib][table]") {
  using testing::literal_check;
  using testing::N;
  using testing::S;
  CHECK(literal_check("matches", 1, S("(")) != "");
  CHECK(literal_check("glob", 1, S("[a")) != "");
  CHECK(literal_check("cidr_contains", 1, S("10.0.0.0/40")) != "");
  CHECK(literal_check("duration", 0, S("ninety days")) != "");
  CHECK(literal_check("timestamp", 0, S("2024-02-30")) != "");
  CHECK(literal_check("json_parse", 0, S("{]")) != "");
  CHECK(literal_check("format", 0, S("{")) != "");
  // Literals of a type the builtin would reject at run time are the type checker's business.
  CHECK(literal_check("matches", 1, N(1)) == "");
  CHECK(literal_check("cidr_contains", 0, N(1)) == "");
}

TEST_CASE("the markdown documents every builtin", "[stdlib][table][docs]") {
  std::string md = stdlib_markdown();
  CHECK(md.starts_with("# edict standard library\n"));
  for (const Builtin& b : builtins()) {
    INFO(b.name);
    CHECK(md.find("\n### " + std::string(b.name) + "\n") != std::string::npos);
    CHECK(md.find("`" + std::string(b.signature) + "`") != std::string::npos);
  }
}

TEST_CASE("docs/stdlib.md is generated from the table", "[stdlib][table][docs]") {
  std::ifstream in(EDICT_SOURCE_DIR "/docs/stdlib.md", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  INFO("docs/stdlib.md is out of date; regenerate it with: build/edict builtins --markdown > docs/stdlib.md");
  bool up_to_date = text.str() == stdlib_markdown();  // not CHECKed directly: both texts are long
  CHECK(up_to_date);
}

TEST_CASE("signatures and arity are derived from the typed parameters", "[stdlib][table]") {
  auto at = [](std::string_view name) -> const Builtin& { return builtins()[static_cast<size_t>(find_builtin(name))]; };
  CHECK(at("startswith").signature == "startswith(s: string, prefix: string) -> bool");
  const Builtin& substr = at("substr");
  CHECK(substr.signature == "substr(s: string, start: number, length?: number) -> string");
  CHECK((substr.min_args == 2 && substr.max_args == 3));
  const Builtin& format = at("format");
  CHECK(format.signature == "format(template: string, values: any...) -> string");
  CHECK((format.min_args == 1 && format.max_args == 255));
  CHECK(at("get").signature == "get(c: object|list, key: string|number, default: any) -> any");
  CHECK(at("resources").signature == "resources(TYPE) -> list");
  CHECK(at("now").signature == "now() -> number");
  // The same declaration is what the checker tests literals against.
  CHECK(at("get").accepts(0, Type::List));
  CHECK_FALSE(at("get").accepts(0, Type::String));
  CHECK(at("format").accepts(5, Type::Bool));  // the variadic parameter repeats
  CHECK_FALSE(at("format").accepts(0, Type::Number));
  CHECK(at("lower").accepts(3, Type::Number));  // past the end is the arity check's business
}
