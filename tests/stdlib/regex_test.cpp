// Tests for stdlib/regex.cpp (RE2) and stdlib/glob.cpp: matching, invalid patterns at run and
// compile time, the pattern cache, and patterns that would be exponential in a backtracker.
#include <string>

#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

TEST_CASE("matches is an unanchored RE2 match", "[stdlib][regex]") {
  CHECK(call("matches", {S("prod-db-01"), S("^prod-")}) == "true");
  CHECK(call("matches", {S("my-prod-db"), S("prod")}) == "true");
  CHECK(call("matches", {S("my-prod-db"), S("^prod")}) == "false");
  CHECK(call("matches", {S("db-01"), S(R"(^db-\d+$)")}) == "true");
  CHECK(call("matches", {S(""), S("")}) == "true");
  CHECK(call("matches", {S("ÉTÉ"), S("^.{3}$")}) == "true");  // UTF-8 aware
  CHECK(call("matches", {Null(), S("x")}) == "null");
  CHECK(call("matches", {S("x"), Null()}) == "null");
  CHECK(call("matches", {S("x"), U()}) == "unknown");
  CHECK(call("matches", {N(1), S("x")}) == "error: matches: expected string, got number");
}

TEST_CASE("an invalid regex is an error at run time and a literal-check failure", "[stdlib][regex]") {
  std::string result = call("matches", {S("abc"), S("(unclosed")});
  CHECK(result.starts_with(R"(error: matches: invalid regex "(unclosed": )"));
  CHECK(result.find("missing )") != std::string::npos);
  // Cached invalid patterns keep failing the same way.
  CHECK(call("matches", {S("abc"), S("(unclosed")}) == result);
  CHECK(call("regex_find", {S("abc"), S("[z-a]")}).starts_with("error: regex_find: invalid regex"));
  CHECK(literal_check("matches", 1, S("(unclosed")).starts_with(R"(invalid regex "(unclosed": )"));
  CHECK(literal_check("matches", 1, S("^ok$")) == "");
  CHECK(literal_check("matches", 0, S("(not a pattern position")) == "");
  CHECK(literal_check("regex_replace", 1, S("a**")).starts_with("invalid regex"));
  CHECK(literal_check("regex_find", 1, S(R"(\1)")).starts_with("invalid regex"));  // no backreferences
}

TEST_CASE("regex_find returns the first whole match or null", "[stdlib][regex]") {
  CHECK(call("regex_find", {S("db-0042-x-7"), S("[0-9]+")}) == R"("0042")");
  CHECK(call("regex_find", {S("key=value"), S("(\\w+)=(\\w+)")}) == R"("key=value")");
  CHECK(call("regex_find", {S("abc"), S("[0-9]+")}) == "null");
  CHECK(call("regex_find", {S("abc"), S("x*")}) == R"("")");
  CHECK(call("regex_find", {Null(), S("x")}) == "null");
}

TEST_CASE("regex_replace replaces every match, with \\N groups", "[stdlib][regex]") {
  CHECK(call("regex_replace", {S("a1b22c"), S("[0-9]+"), S("#")}) == R"("a#b#c")");
  CHECK(call("regex_replace", {S("2024-01-02"), S(R"((\d+)-(\d+)-(\d+))"), S(R"(\3/\2/\1)")}) == R"("02/01/2024")");
  CHECK(call("regex_replace", {S("abc"), S("x*"), S("-")}) == R"("-a-b-c-")");
  CHECK(call("regex_replace", {S("abc"), S("z"), S("-")}) == R"("abc")");
  CHECK(
      call("regex_replace", {S("abc"), S("(b)"), S(R"(\2)")}).starts_with("error: regex_replace: invalid replacement"));
  CHECK(call("regex_replace", {S("abc"), S("b"), Null()}) == "null");
  CHECK(call("regex_replace", {S("abc"), S("b"), N(1)}) == "error: regex_replace: expected string, got number");
}

TEST_CASE("the regex cache stays correct past its bound", "[stdlib][regex]") {
  for (int i = 0; i < 2500; ++i) {
    std::string pattern = "^x" + std::to_string(i) + "$";
    std::string text = "x" + std::to_string(i);
    REQUIRE(call("matches", {S(text), S(pattern)}) == "true");
    REQUIRE(call("matches", {S(text + "0"), S(pattern)}) == "false");
  }
  CHECK(call("matches", {S("x7"), S("^x7$")}) == "true");  // evicted long ago, compiled again
}

TEST_CASE("RE2 stays linear on patterns that make backtrackers hang", "[stdlib][regex]") {
  std::string text(100000, 'a');
  CHECK(call("matches", {S(text), S("^(a+)+$")}) == "true");
  CHECK(call("matches", {S(text + "!"), S("^(a|aa)*$")}) == "false");
}

TEST_CASE("glob: *, ?, classes, IAM-style actions and ARNs", "[stdlib][glob]") {
  CHECK(call("glob", {S("s3:GetObject"), S("s3:Get*")}) == "true");
  CHECK(call("glob", {S("s3:PutObject"), S("s3:Get*")}) == "false");
  CHECK(call("glob", {S("s3:GetObject"), S("*")}) == "true");
  CHECK(call("glob", {S("iam:PassRole"), S("*:*")}) == "true");
  CHECK(call("glob", {S("arn:aws:s3:::bucket/a/b.txt"), S("arn:aws:s3:::bucket/*")}) == "true");
  CHECK(call("glob", {S("arn:aws:s3:::bucket2/a"), S("arn:aws:s3:::bucket/*")}) == "false");
  CHECK(call("glob", {S("ec2:Describe*"), S("ec2:Describe*")}) == "true");
  CHECK(call("glob", {S(""), S("*")}) == "true");
  CHECK(call("glob", {S(""), S("")}) == "true");
  CHECK(call("glob", {S("a"), S("")}) == "false");
  CHECK(call("glob", {S("abc"), S("a?c")}) == "true");
  CHECK(call("glob", {S("ac"), S("a?c")}) == "false");
  CHECK(call("glob", {S("aéc"), S("a?c")}) == "true");  // ? is one character, not one byte
  CHECK(call("glob", {S("abcabd"), S("*ab?")}) == "true");
  CHECK(call("glob", {S("mississippi"), S("m*iss*ppi")}) == "true");
  CHECK(call("glob", {S("mississippi"), S("m*iss*ppx")}) == "false");
  CHECK(call("glob", {S("a"), S("***")}) == "true");
}

TEST_CASE("glob character classes and escapes", "[stdlib][glob]") {
  CHECK(call("glob", {S("bx"), S("[abc]x")}) == "true");
  CHECK(call("glob", {S("dx"), S("[abc]x")}) == "false");
  CHECK(call("glob", {S("q1"), S("[a-z][0-9]")}) == "true");
  CHECK(call("glob", {S("Q1"), S("[a-z][0-9]")}) == "false");
  CHECK(call("glob", {S("Q"), S("[!a-z]")}) == "true");
  CHECK(call("glob", {S("q"), S("[^a-z]")}) == "false");
  CHECK(call("glob", {S("]"), S("[]a]")}) == "true");
  CHECK(call("glob", {S("-"), S("[a-]")}) == "true");
  CHECK(call("glob", {S("é"), S("[é]")}) == "true");
  CHECK(call("glob", {S("a*"), S(R"(a\*)")}) == "true");
  CHECK(call("glob", {S("ab"), S(R"(a\*)")}) == "false");
  CHECK(call("glob", {S("a?"), S(R"(a\?)")}) == "true");
}

TEST_CASE("glob is case-sensitive, glob_i is not", "[stdlib][glob]") {
  CHECK(call("glob", {S("S3:GetObject"), S("s3:Get*")}) == "false");
  CHECK(call("glob_i", {S("S3:getobject"), S("s3:Get*")}) == "true");
  CHECK(call("glob_i", {S("B"), S("[a-c]")}) == "true");
  CHECK(call("glob_i", {S("b"), S("[A-C]")}) == "true");
  CHECK(call("glob_i", {S("b"), S("[!A-C]")}) == "false");
  CHECK(call("glob_i", {S("S3:PutObject"), S("s3:get*")}) == "false");
}

TEST_CASE("glob conventions and invalid patterns", "[stdlib][glob]") {
  CHECK(call("glob", {Null(), S("*")}) == "null");
  CHECK(call("glob_i", {S("a"), Null()}) == "null");
  CHECK(call("glob", {S("a"), U()}) == "unknown");
  CHECK(call("glob", {N(1), S("*")}) == "error: glob: expected string, got number");
  CHECK(call("glob", {S("a"), S("[abc")}) == R"(error: glob: invalid glob "[abc": unterminated [ at offset 0)");
  CHECK(literal_check("glob", 1, S("x[a-")) == R"(invalid glob "x[a-": unterminated [ at offset 1)");
  CHECK(literal_check("glob_i", 1, S("s3:*")) == "");
  CHECK(literal_check("glob", 1, S(R"(\[)")) == "");
}

TEST_CASE("glob stays fast on star-heavy patterns", "[stdlib][glob]") {
  std::string text(20000, 'a');
  CHECK(call("glob", {S(text), S("*a*a*a*a*a*a*a*b")}) == "false");
  CHECK(call("glob", {S(text + "b"), S("*a*a*a*a*a*a*a*b")}) == "true");
}
