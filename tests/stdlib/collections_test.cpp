// Tests for stdlib/collections.cpp: keys/values (also of resources), list shaping, aggregates,
// lookups, type_of and known, with their null and unknown conventions.
#include "model/resource.h"
#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

namespace {
model::Resource bucket() {
  model::Resource r;
  r.address = "aws_s3_bucket.logs";
  r.type = "aws_s3_bucket";
  r.attrs = J(R"({"bucket": "logs", "acl": null})");
  return r;
}
}  // namespace

TEST_CASE("keys and values keep the object's order", "[stdlib][collections]") {
  CHECK(call("keys", {J(R"({"b": 1, "a": 2})")}) == R"(["b", "a"])");
  CHECK(call("values", {J(R"({"b": 1, "a": [2]})")}) == "[1, [2]]");
  CHECK(call("keys", {J("{}")}) == "[]");
  CHECK(call("values", {J(R"({"a": null})")}) == "[null]");
  CHECK(call("keys", {Null()}) == "null");
  CHECK(call("keys", {L({})}) == "error: keys: expected object, got list");
  CHECK(call("values", {S("x")}) == "error: values: expected object, got string");
  model::Resource r = bucket();
  CHECK(call("keys", {Value::resource(&r)}) == R"(["bucket", "acl"])");
  CHECK(call("values", {Value::resource(&r)}) == R"(["logs", null])");
}

TEST_CASE("as_list", "[stdlib][collections]") {
  CHECK(call("as_list", {Null()}) == "[]");
  CHECK(call("as_list", {L({N(1), N(2)})}) == "[1, 2]");
  CHECK(call("as_list", {S("s3:*")}) == R"(["s3:*"])");
  CHECK(call("as_list", {J(R"({"a": 1})")}) == R"([{"a": 1}])");
  CHECK(call("as_list", {U()}) == "unknown");
}

TEST_CASE("flatten splices one level", "[stdlib][collections]") {
  CHECK(call("flatten", {J(R"([[1, 2], 3, [[4]], []])")}) == "[1, 2, 3, [4]]");
  CHECK(call("flatten", {L({})}) == "[]");
  CHECK(call("flatten", {L({L({U()}), N(1)})}) == "[unknown, 1]");
  CHECK(call("flatten", {L({U(), N(1)})}) == "unknown");
  CHECK(call("flatten", {Null()}) == "null");
  CHECK(call("flatten", {N(1)}) == "error: flatten: expected list, got number");
}

TEST_CASE("unique keeps the first of each value", "[stdlib][collections]") {
  CHECK(call("unique", {J(R"(["a", "b", "a", "c", "b"])")}) == R"(["a", "b", "c"])");
  CHECK(call("unique", {J(R"([1, 1.0, "1", true, null, null, -0, 0])")}) == R"([1, "1", true, null, 0])");
  CHECK(call("unique", {J(R"([{"a": 1, "b": 2}, {"b": 2, "a": 1}, [1], [1], [2]])")}) ==
        R"([{"a": 1, "b": 2}, [1], [2]])");
  CHECK(call("unique", {L({})}) == "[]");
  CHECK(call("unique", {L({N(1), U()})}) == "unknown");
  CHECK(call("unique", {Null()}) == "null");
}

TEST_CASE("sort orders numbers or strings", "[stdlib][collections]") {
  CHECK(call("sort", {J("[3, 1, 2, 1]")}) == "[1, 1, 2, 3]");
  CHECK(call("sort", {J(R"(["b", "B", "a"])")}) == R"(["B", "a", "b"])");
  CHECK(call("sort", {L({})}) == "[]");
  CHECK(call("sort", {J(R"([1, "a"])")}) == "error: sort: cannot compare number with string");
  CHECK(call("sort", {J(R"([{"a": 1}])")}) == "error: sort: can only compare numbers or strings, got object");
  CHECK(call("sort", {J("[1, null]")}) == "error: sort: can only compare numbers or strings, got null");
  CHECK(call("sort", {L({N(2), U()})}) == "unknown");
  CHECK(call("sort", {Null()}) == "null");
}

TEST_CASE("sum, min and max", "[stdlib][collections]") {
  CHECK(call("sum", {J("[1, 2, 3.5]")}) == "6.5");
  CHECK(call("sum", {L({})}) == "0");
  CHECK(call("sum", {J(R"([1, "2"])")}) == "error: sum: expected a list of numbers, found string");
  CHECK(call("sum", {L({N(1), U()})}) == "unknown");
  CHECK(call("sum", {Null()}) == "null");
  CHECK(call("min", {J("[3, 1, 2]")}) == "1");
  CHECK(call("max", {J("[3, 1, 2]")}) == "3");
  CHECK(call("min", {J(R"(["b", "c", "a"])")}) == R"("a")");
  CHECK(call("max", {J(R"(["b", "c", "a"])")}) == R"("c")");
  CHECK(call("max", {J("[-1]")}) == "-1");
  CHECK(call("min", {L({})}) == "null");
  CHECK(call("max", {J(R"([1, "a"])")}) == "error: max: cannot compare number with string");
  CHECK(call("min", {L({N(1), U()})}) == "unknown");
  CHECK(call("max", {S("abc")}) == "error: max: expected list, got string");
}

TEST_CASE("has_key is true even for null values", "[stdlib][collections]") {
  Value o = J(R"({"a": null, "b": 1})");
  CHECK(call("has_key", {o, S("a")}) == "true");
  CHECK(call("has_key", {o, S("b")}) == "true");
  CHECK(call("has_key", {o, S("c")}) == "false");
  CHECK(call("has_key", {Null(), S("a")}) == "false");
  CHECK(call("has_key", {o, Null()}) == "null");
  CHECK(call("has_key", {L({}), S("a")}) == "error: has_key: expected object, got list");
  CHECK(call("has_key", {o, N(1)}) == "error: has_key: expected string key, got number");
  model::Resource r = bucket();
  CHECK(call("has_key", {Value::resource(&r), S("acl")}) == "true");
}

TEST_CASE("get returns the value or the default", "[stdlib][collections]") {
  Value o = J(R"({"a": 1, "n": null, "l": [1]})");
  CHECK(call("get", {o, S("a"), N(0)}) == "1");
  CHECK(call("get", {o, S("b"), N(0)}) == "0");
  CHECK(call("get", {o, S("n"), S("d")}) == R"("d")");
  CHECK(call("get", {o, S("l"), Null()}) == "[1]");
  CHECK(call("get", {Null(), S("a"), N(7)}) == "7");
  CHECK(call("get", {o, Null(), N(7)}) == "7");
  Value list = J(R"(["x", "y", null])");
  CHECK(call("get", {list, N(0), S("-")}) == R"("x")");
  CHECK(call("get", {list, N(-2), S("-")}) == R"("y")");
  CHECK(call("get", {list, N(2), S("-")}) == R"("-")");
  CHECK(call("get", {list, N(3), S("-")}) == R"("-")");
  CHECK(call("get", {list, N(-4), S("-")}) == R"("-")");
  CHECK(call("get", {list, N(0.5), S("-")}) == "error: get: expected whole-number index, got number");
  CHECK(call("get", {list, S("0"), S("-")}) == "error: get: expected whole-number index, got string");
  CHECK(call("get", {o, N(0), S("-")}) == "error: get: expected string key, got number");
  CHECK(call("get", {S("x"), S("a"), N(0)}) == "error: get: expected object or list, got string");
  CHECK(call("get", {o, S("a"), U()}) == "unknown");
  Member m[] = {{intern("arn"), U()}};
  CHECK(call("get", {Value::object(arena(), m), S("arn"), S("-")}) == "unknown");
  model::Resource r = bucket();
  CHECK(call("get", {Value::resource(&r), S("bucket"), S("-")}) == R"("logs")");
}

TEST_CASE("type_of names every kind", "[stdlib][collections]") {
  model::Resource r = bucket();
  CHECK(call("type_of", {Null()}) == R"("null")");
  CHECK(call("type_of", {B(false)}) == R"("bool")");
  CHECK(call("type_of", {N(1)}) == R"("number")");
  CHECK(call("type_of", {S("")}) == R"("string")");
  CHECK(call("type_of", {L({})}) == R"("list")");
  CHECK(call("type_of", {J("{}")}) == R"("object")");
  CHECK(call("type_of", {Value::resource(&r)}) == R"("resource")");
  CHECK(call("type_of", {U()}) == "unknown");
}

TEST_CASE("known looks inside values and is called with unknowns", "[stdlib][collections]") {
  CHECK(stdlib::builtins()[static_cast<size_t>(stdlib::find_builtin("known"))].sees_unknown);
  CHECK(call("known", {N(1)}) == "true");
  CHECK(call("known", {Null()}) == "true");
  CHECK(call("known", {U()}) == "false");
  CHECK(call("known", {L({N(1), U()})}) == "false");
  Member inner[] = {{intern("b"), U()}};
  Member outer[] = {{intern("a"), Value::object(arena(), inner)}};
  CHECK(call("known", {Value::object(arena(), outer)}) == "false");
  CHECK(call("known", {J(R"({"a": {"b": [1, null]}})")}) == "true");
}
