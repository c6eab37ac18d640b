// Tests for stdlib/json_fns.cpp: json_parse (plain, URL-encoded as the IAM API returns it, CRLF),
// url_decode, to_json, and policy_statements on the shapes real policies take.
#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

namespace {
// A policy as `aws iam get-policy-version` returns it: URL-encoded, pretty-printed.
constexpr const char* kEncodedPolicy =
    "%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%5B%0A%20%20%20%20%7B%0A"
    "%20%20%20%20%20%20%22Effect%22%3A%20%22Allow%22%2C%0A%20%20%20%20%20%20%22Action%22%3A%20%22s3%3AGetObject"
    "%22%2C%0A%20%20%20%20%20%20%22Resource%22%3A%20%22arn%3Aaws%3As3%3A%3A%3Amy-bucket%2F%2A%22%0A%20%20%20%20"
    "%7D%0A%20%20%5D%0A%7D";
}  // namespace

TEST_CASE("json_parse parses JSON text", "[stdlib][json]") {
  CHECK(call("json_parse", {S(R"({"a": [1, 2.5, "x", true, null]})")}) == R"({"a": [1, 2.5, "x", true, null]})");
  CHECK(call("json_parse", {S("[1, 2]")}) == "[1, 2]");
  CHECK(call("json_parse", {S("42")}) == "42");
  CHECK(call("json_parse", {S(R"("text")")}) == R"("text")");
  CHECK(call("json_parse", {S("{\r\n  \"a\": 1\r\n}\r\n")}) == R"({"a": 1})");
  CHECK(call("json_parse", {S("\xEF\xBB\xBF{\"a\": 1}")}) == R"({"a": 1})");
  CHECK(call("json_parse", {S(R"({"pct": "50%"})")}) == R"({"pct": "50%"})");  // a lone % is not encoding
}

TEST_CASE("json_parse passes objects and lists through and follows conventions", "[stdlib][json]") {
  Value object = J(R"({"Statement": []})");
  std::string error;
  Value same = call_value("json_parse", {object}, &error);
  CHECK(error.empty());
  CHECK(same.as_object().data() == object.as_object().data());
  CHECK(call("json_parse", {L({N(1)})}) == "[1]");
  CHECK(call("json_parse", {Null()}) == "null");
  CHECK(call("json_parse", {U()}) == "unknown");
  CHECK(call("json_parse", {N(1)}) == "error: json_parse: expected string, got number");
}

TEST_CASE("json_parse URL-decodes IAM's encoded documents", "[stdlib][json]") {
  CHECK(call("json_parse", {S(kEncodedPolicy)}) ==
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", )"
        R"("Resource": "arn:aws:s3:::my-bucket/*"}]})");
  CHECK(call("json_parse", {S("%7B%22a%22%3A1%7D")}) == R"({"a": 1})");
  CHECK(call("json_parse", {S("%7b%22a%22%3a%5b%5d%7d")}) == R"({"a": []})");
  CHECK(call("json_parse", {S("  %5B1%2C2%5D")}) == "[1, 2]");                   // leading %, no %7B
  CHECK(call("json_parse", {S("[%7B%22a%22%3A1%7D]")}) == R"([{"a": 1}])");      // not JSON as given, holds %7B
  CHECK(call("json_parse", {S(R"({"a": "%7B%22"})")}) == R"({"a": "%7B%22"})");  // JSON as given: not decoded
  CHECK(call("json_parse", {S("{%7B")}).starts_with("error: json_parse: line 1, column 2"));
}

TEST_CASE("json_parse reports where invalid JSON is wrong", "[stdlib][json]") {
  std::string result = call("json_parse", {S("{\"a\": }")});
  CHECK(result.starts_with("error: json_parse: line 1, column "));
  CHECK(call("json_parse", {S("")}).starts_with("error: json_parse: line 1"));
  CHECK(call("json_parse", {S("{\n\"a\": 1,\n}")}).starts_with("error: json_parse: line "));
  CHECK(call("json_parse", {S("%7B%22a%22")}).starts_with("error: json_parse: line 1"));
  CHECK(call("json_parse", {S(std::string(5000, '['))}).starts_with("error: json_parse:"));  // too deep
  CHECK(literal_check("json_parse", 0, S("{")).starts_with("invalid JSON: line 1, column "));
  CHECK(literal_check("json_parse", 0, S(R"({"ok": true})")) == "");
  CHECK(literal_check("json_parse", 0, S(kEncodedPolicy)) == "");
}

TEST_CASE("url_decode", "[stdlib][json]") {
  CHECK(call("url_decode", {S("a%20b%2Fc")}) == R"("a b/c")");
  CHECK(call("url_decode", {S("%2f%2F")}) == R"("//")");
  CHECK(call("url_decode", {S("%C3%A9t%C3%A9")}) == R"("été")");
  CHECK(call("url_decode", {S("a+b")}) == R"("a+b")");
  CHECK(call("url_decode", {S("100%")}) == R"("100%")");
  CHECK(call("url_decode", {S("%4")}) == R"("%4")");
  CHECK(call("url_decode", {S("%zz%41")}) == R"("%zzA")");
  CHECK(call("url_decode", {S("plain")}) == R"("plain")");
  CHECK(call("url_decode", {Null()}) == "null");
  CHECK(call("url_decode", {N(1)}) == "error: url_decode: expected string, got number");
}

TEST_CASE("to_json", "[stdlib][json]") {
  CHECK(call("to_json", {L({N(1), B(true), Null()})}) == R"("[1,true,null]")");
  CHECK(call("to_json", {J(R"({"a": {"b": [1.5, "x\"y"]}})")}) == R"("{\"a\":{\"b\":[1.5,\"x\\\"y\"]}}")");
  CHECK(call("to_json", {S("a")}) == R"("\"a\"")");
  CHECK(call("to_json", {Null()}) == R"("null")");
  CHECK(call("to_json", {L({U()})}) == "unknown");
}

TEST_CASE("policy_statements normalises a single statement with string fields", "[stdlib][json][iam]") {
  Value doc = S(R"({"Version": "2012-10-17",
                    "Statement": {"Sid": "One", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                                  "Principal": {"AWS": "arn:aws:iam::123456789012:root"}}})");
  CHECK(call("policy_statements", {doc}) ==
        R"([{"Sid": "One", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"], )"
        R"("Principal": {"AWS": "arn:aws:iam::123456789012:root"}}])");
}

TEST_CASE("policy_statements keeps lists and normalises Not* fields", "[stdlib][json][iam]") {
  Value doc = J(R"({"Statement": [
      {"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]},
      {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:iam::*:role/admin", "Principal": "*",
       "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})");
  CHECK(
      call("policy_statements", {doc}) ==
      R"([{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}, )"
      R"({"Effect": "Deny", "NotAction": ["iam:*"], "NotResource": ["arn:aws:iam::*:role/admin"], "Principal": "*", )"
      R"("Condition": {"Bool": {"aws:SecureTransport": "false"}}}])");
}

TEST_CASE("policy_statements reads URL-encoded policies", "[stdlib][json][iam]") {
  CHECK(call("policy_statements", {S(kEncodedPolicy)}) ==
        R"([{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::my-bucket/*"]}])");
}

TEST_CASE("policy_statements edge cases", "[stdlib][json][iam]") {
  CHECK(call("policy_statements", {S(R"({"Version": "2012-10-17"})")}) == "[]");
  CHECK(call("policy_statements", {J(R"({"Statement": null})")}) == "[]");
  CHECK(call("policy_statements", {J(R"({"Statement": []})")}) == "[]");
  CHECK(call("policy_statements", {J(R"({"Statement": [{"Effect": "Allow", "Action": null}]})")}) ==
        R"([{"Effect": "Allow", "Action": null}])");
  CHECK(call("policy_statements", {Null()}) == "null");
  CHECK(call("policy_statements", {U()}) == "unknown");
  CHECK(call("policy_statements", {S("{")}).starts_with("error: policy_statements: line 1, column "));
  CHECK(call("policy_statements", {N(1)}) ==
        "error: policy_statements: expected a policy document (JSON object or string), got number");
  CHECK(call("policy_statements", {S("[1]")}) ==
        "error: policy_statements: expected a policy document (JSON object or string), got list");
  CHECK(call("policy_statements", {J(R"({"Statement": ["x"]})")}) ==
        R"(error: policy_statements: a statement must be an object, got "x")");
  CHECK(call("policy_statements", {J(R"({"Statement": {"Action": 5}})")}) ==
        "error: policy_statements: Action must be a string or a list of strings, got 5");
  CHECK(call("policy_statements", {J(R"({"Statement": {"Resource": ["a", 1]}})")}) ==
        R"(error: policy_statements: Resource must be a string or a list of strings, got ["a", 1])");
}

TEST_CASE("policy_statements keeps unknowns from plans", "[stdlib][json][iam]") {
  Symbol action = intern("Action");
  Symbol effect = intern("Effect");
  Member stmt[] = {{effect, S("Allow")}, {action, U()}};
  Value statement = Value::object(arena(), stmt);
  Member doc[] = {{intern("Statement"), statement}};
  CHECK(call("policy_statements", {Value::object(arena(), doc)}) == R"([{"Effect": "Allow", "Action": unknown}])");
  Member doc2[] = {{intern("Statement"), L({U(), statement})}};
  CHECK(call("policy_statements", {Value::object(arena(), doc2)}) ==
        R"([unknown, {"Effect": "Allow", "Action": unknown}])");
  Member doc3[] = {{intern("Statement"), U()}};
  CHECK(call("policy_statements", {Value::object(arena(), doc3)}) == "unknown");
}
