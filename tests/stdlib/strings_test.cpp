// Tests for stdlib/strings.cpp: results, UTF-8 counting, and the null / unknown / type-error
// conventions every string builtin follows.
#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

TEST_CASE("len counts code points, elements and members; len(null) is 0", "[stdlib][strings]") {
  CHECK(call("len", {S("héllo")}) == "5");
  CHECK(call("len", {S("")}) == "0");
  CHECK(call("len", {S("日本")}) == "2");
  CHECK(call("len", {L({N(1), N(2), N(3)})}) == "3");
  CHECK(call("len", {J(R"({"a": 1, "b": null})")}) == "2");
  CHECK(call("len", {Null()}) == "0");
  CHECK(call("len", {U()}) == "unknown");
  CHECK(call("len", {N(3)}) == "error: len: expected string, list or object, got number");
  CHECK(call("len", {B(true)}) == "error: len: expected string, list or object, got bool");
}

TEST_CASE("lower and upper change ASCII letters only", "[stdlib][strings]") {
  CHECK(call("lower", {S("AbC-12")}) == R"("abc-12")");
  CHECK(call("upper", {S("eu-west-1")}) == R"("EU-WEST-1")");
  CHECK(call("lower", {S("ÀB")}) == R"("Àb")");
  CHECK(call("upper", {S("")}) == R"("")");
  CHECK(call("lower", {Null()}) == "null");
  CHECK(call("upper", {U()}) == "unknown");
  CHECK(call("lower", {N(1)}) == "error: lower: expected string, got number");
  CHECK(call("upper", {L({})}) == "error: upper: expected string, got list");
}

TEST_CASE("trim removes surrounding whitespace", "[stdlib][strings]") {
  CHECK(call("trim", {S("  a b \n\t")}) == R"("a b")");
  CHECK(call("trim", {S("   ")}) == R"("")");
  CHECK(call("trim", {S("x")}) == R"("x")");
  CHECK(call("trim", {Null()}) == "null");
  CHECK(call("trim", {B(false)}) == "error: trim: expected string, got bool");
}

TEST_CASE("startswith and endswith", "[stdlib][strings]") {
  CHECK(call("startswith", {S("arn:aws:s3:::logs"), S("arn:aws:s3:")}) == "true");
  CHECK(call("startswith", {S("arn:aws:s3:::logs"), S("arn:aws:iam:")}) == "false");
  CHECK(call("startswith", {S("abc"), S("")}) == "true");
  CHECK(call("startswith", {S("ab"), S("abc")}) == "false");
  CHECK(call("endswith", {S("logs.example.com"), S(".com")}) == "true");
  CHECK(call("endswith", {S("logs.example.com"), S(".org")}) == "false");
  CHECK(call("startswith", {Null(), S("a")}) == "null");
  CHECK(call("endswith", {S("a"), Null()}) == "null");
  CHECK(call("startswith", {S("a"), U()}) == "unknown");
  CHECK(call("endswith", {N(1), S("a")}) == "error: endswith: expected string, got number");
  CHECK(call("startswith", {S("a"), N(1)}) == "error: startswith: expected string, got number");
}

TEST_CASE("contains: substring, list membership, object key", "[stdlib][strings]") {
  CHECK(call("contains", {S("production-db"), S("prod")}) == "true");
  CHECK(call("contains", {S("production-db"), S("dev")}) == "false");
  CHECK(call("contains", {L({S("tcp"), S("udp")}), S("udp")}) == "true");
  CHECK(call("contains", {L({S("tcp"), S("udp")}), S("icmp")}) == "false");
  CHECK(call("contains", {L({N(22), N(443)}), N(22)}) == "true");
  CHECK(call("contains", {L({N(22)}), S("22")}) == "false");
  CHECK(call("contains", {J(R"([[1, 2], {"a": 1}])"), J(R"({"a": 1})")}) == "true");
  CHECK(call("contains", {J(R"([1, null])"), Null()}) == "true");
  CHECK(call("contains", {J(R"({"Name": "x"})"), S("Name")}) == "true");
  CHECK(call("contains", {J(R"({"Name": "x"})"), S("x")}) == "false");
  CHECK(call("contains", {Null(), S("x")}) == "null");
  CHECK(call("contains", {S("abc"), Null()}) == "null");
  CHECK(call("contains", {S("abc"), N(1)}) == "error: contains: expected string needle, got number");
  CHECK(call("contains", {N(1), N(1)}) == "error: contains: expected string, list or object, got number");
}

TEST_CASE("contains over a list holding unknowns is three-valued", "[stdlib][strings]") {
  Value list = L({S("a"), U()});
  CHECK(call("contains", {list, S("a")}) == "true");     // found: the unknown cannot change that
  CHECK(call("contains", {list, S("b")}) == "unknown");  // the unknown might be "b"
  CHECK(call("contains", {L({L({U()})}), L({N(1)})}) == "unknown");
  CHECK(call("contains", {L({L({U(), N(2)})}), L({N(1), N(1)})}) == "false");
}

TEST_CASE("split", "[stdlib][strings]") {
  CHECK(call("split", {S("a,b,,c"), S(",")}) == R"(["a", "b", "", "c"])");
  CHECK(call("split", {S("abc"), S(",")}) == R"(["abc"])");
  CHECK(call("split", {S(""), S(",")}) == R"([""])");
  CHECK(call("split", {S(",a,"), S(",")}) == R"(["", "a", ""])");
  CHECK(call("split", {S("a::b::c"), S("::")}) == R"(["a", "b", "c"])");
  CHECK(call("split", {S("hé!"), S("")}) == R"(["h", "é", "!"])");
  CHECK(call("split", {S(""), S("")}) == "[]");
  CHECK(call("split", {Null(), S(",")}) == "null");
  CHECK(call("split", {S("a"), N(1)}) == "error: split: expected string, got number");
}

TEST_CASE("join", "[stdlib][strings]") {
  CHECK(call("join", {L({S("a"), S("b")}), S(", ")}) == R"("a, b")");
  CHECK(call("join", {J(R"(["a", 1, true, null])"), S("-")}) == R"("a-1-true-null")");
  CHECK(call("join", {L({}), S(",")}) == R"("")");
  CHECK(call("join", {L({S("x")}), S(",")}) == R"("x")");
  CHECK(call("join", {L({S("a"), U()}), S(",")}) == "unknown");
  CHECK(call("join", {Null(), S(",")}) == "null");
  CHECK(call("join", {S("ab"), S(",")}) == "error: join: expected list, got string");
  CHECK(call("join", {L({}), N(1)}) == "error: join: expected string separator, got number");
}

TEST_CASE("replace replaces every occurrence", "[stdlib][strings]") {
  CHECK(call("replace", {S("a-b-c"), S("-"), S("_")}) == R"("a_b_c")");
  CHECK(call("replace", {S("aaa"), S("aa"), S("b")}) == R"("ba")");
  CHECK(call("replace", {S("abc"), S(""), S("x")}) == R"("abc")");
  CHECK(call("replace", {S("abc"), S("b"), S("")}) == R"("ac")");
  CHECK(call("replace", {S("abc"), S("z"), S("y")}) == R"("abc")");
  CHECK(call("replace", {S("abc"), Null(), S("y")}) == "null");
  CHECK(call("replace", {S("abc"), S("b"), N(2)}) == "error: replace: expected string, got number");
}

TEST_CASE("substr counts code points and clamps", "[stdlib][strings]") {
  CHECK(call("substr", {S("production"), N(0), N(4)}) == R"("prod")");
  CHECK(call("substr", {S("production"), N(4)}) == R"("uction")");
  CHECK(call("substr", {S("production"), N(-3)}) == R"("ion")");
  CHECK(call("substr", {S("production"), N(-30), N(2)}) == R"("pr")");
  CHECK(call("substr", {S("abc"), N(5)}) == R"("")");
  CHECK(call("substr", {S("abc"), N(1), N(100)}) == R"("bc")");
  CHECK(call("substr", {S("abc"), N(1), N(0)}) == R"("")");
  CHECK(call("substr", {S("héllo"), N(1), N(3)}) == R"("éll")");
  CHECK(call("substr", {Null(), N(1)}) == "null");
  CHECK(call("substr", {S("abc"), N(1.5)}) == "error: substr: start and length must be whole numbers, got 1.5");
  CHECK(call("substr", {S("abc"), S("1")}) == R"(error: substr: start and length must be whole numbers, got "1")");
  CHECK(call("substr", {S("abc"), N(0), N(-1)}) == "error: substr: length must not be negative");
  CHECK(call("substr", {N(5), N(0)}) == "error: substr: expected string, got number");
}

TEST_CASE("to_string keeps strings and writes other values as JSON", "[stdlib][strings]") {
  CHECK(call("to_string", {S("abc")}) == R"("abc")");
  CHECK(call("to_string", {N(443)}) == R"("443")");
  CHECK(call("to_string", {N(1.5)}) == R"("1.5")");
  CHECK(call("to_string", {B(true)}) == R"("true")");
  CHECK(call("to_string", {J(R"({"a": [1, "x"]})")}) == R"("{\"a\":[1,\"x\"]}")");
  CHECK(call("to_string", {Null()}) == "null");
  CHECK(call("to_string", {L({N(1), U()})}) == "unknown");
}

TEST_CASE("format fills {} placeholders in order", "[stdlib][strings]") {
  CHECK(call("format", {S("{}/{}"), S("tcp"), N(22)}) == R"("tcp/22")");
  CHECK(call("format", {S("no holes")}) == R"("no holes")");
  CHECK(call("format", {S("{{}} {}"), Null()}) == R"("{} null")");
  CHECK(call("format", {S("{} in {}"), L({N(1)}), J(R"({"a": true})")}) == R"("[1] in {\"a\":true}")");
  CHECK(call("format", {S("{}"), L({U()})}) == "unknown");
  CHECK(call("format", {S("{} {}"), N(1)}) == "error: format: the template has 2 {} but 1 values were given");
  CHECK(call("format", {S("{}"), N(1), N(2)}) == "error: format: the template has 1 {} but 2 values were given");
  CHECK(call("format", {S("a { b")}).starts_with("error: format: lone '{' at offset 2"));
  CHECK(call("format", {S("{0}"), N(1)}).starts_with("error: format: lone '{'"));
  CHECK(call("format", {Null(), N(1)}) == "null");
  CHECK(call("format", {N(1)}) == "error: format: expected string template, got number");
}

TEST_CASE("format templates are checked at compile time", "[stdlib][strings]") {
  CHECK(literal_check("format", 0, S("{} and {{literal}}")) == "");
  CHECK(literal_check("format", 0, S("oops }")).starts_with("lone '}' at offset 5"));
  CHECK(literal_check("format", 1, S("{")) == "");  // only the template is a template
}
