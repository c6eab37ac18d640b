// Tests for grammar/grammar.h on its own (no actions): the grammar is well formed, and tokens and
// whole forms match exactly what the language reference says.
#include "grammar/grammar.h"

#include <catch2/catch.hpp>
#include <string>
#include <tao/pegtl/contrib/analyze.hpp>

namespace pegtl = tao::pegtl;
namespace g = edict::grammar;

namespace {

// Raises grammar::error_message<Rule> when a must<Rule> fails, as json_errors.hpp does. The table
// names rules that also occur outside must<> (`expr`, `k_in`), so a plain failure must not raise.
struct GrammarErrors {
  template <typename Rule>
  static constexpr auto message = g::error_message<Rule>;
  template <typename Rule>
  static constexpr bool raise_on_failure = false;
};

// Whether Rule matches all of text (a failed must<> counts as no match).
template <typename Rule>
bool matches(const std::string& text) {
  pegtl::memory_input in(text, "test");
  try {
    return pegtl::parse<pegtl::seq<Rule, pegtl::eof>>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

// The message of the error a must<> raises for text, or "" if it parses.
template <typename Rule>
std::string error_for(const std::string& text) {
  pegtl::memory_input in(text, "test");
  try {
    (void)pegtl::parse<Rule, pegtl::nothing, pegtl::must_if<GrammarErrors>::control>(in);
  } catch (const pegtl::parse_error& e) {
    return std::string(e.message());
  }
  return "";
}

}  // namespace

TEST_CASE("the grammar has no left recursion or empty loops", "[grammar]") {
  CHECK(pegtl::analyze<g::file>() == 0);
  CHECK(pegtl::analyze<g::expression>() == 0);
}

TEST_CASE("number tokens", "[grammar]") {
  for (const char* ok : {"0", "123", "1.5", "1e3", "2.5E-2", "7e+10", "08"}) {
    INFO(ok);
    CHECK(matches<g::number>(ok));
  }
  for (const char* bad : {"1.", "1e", "08x", "1.5.2", "1e+", ".5", "-1"}) {
    INFO(bad);
    CHECK_FALSE(matches<g::number>(bad));
  }
}

TEST_CASE("identifiers, reserved words and rule ids", "[grammar]") {
  for (const char* ok : {"x", "_y2", "rules", "nullable", "data", "title", "severity", "message", "include"}) {
    INFO(ok);
    CHECK(matches<g::name>(ok));
  }
  for (const char* kw :
       {"package", "import", "as",  "rule", "def", "when", "assert", "else",  "on", "self", "true", "false", "null",
        "and",     "or",     "not", "in",   "all", "some", "none",   "count", "if", "then", "for",  "refers"}) {
    INFO(kw);
    CHECK_FALSE(matches<g::name>(kw));
    CHECK(matches<g::word>(kw));
  }
  CHECK(matches<g::rule_id>("CUSTOM_RDS_001"));
  CHECK(matches<g::rule_id>("s3-encryption-at-rest"));
  CHECK_FALSE(matches<g::rule_id>("a.b"));
}

TEST_CASE("strings, raw strings and comments", "[grammar]") {
  CHECK(matches<g::dq_string>(R"("plain")"));
  CHECK(matches<g::dq_string>(R"("esc \" \\ \/ \n \r \t \u00e9")"));
  CHECK_FALSE(matches<g::dq_string>(R"("bad \q")"));
  CHECK_FALSE(matches<g::dq_string>(R"("bad \u12")"));
  CHECK_FALSE(matches<g::dq_string>("\"two\nlines\""));
  CHECK_FALSE(matches<g::dq_string>("\"open"));
  CHECK(matches<g::sq_string>(R"('^\d+\.[a-z]$')"));
  CHECK_FALSE(matches<g::sq_string>("'two\nlines'"));
  CHECK(matches<g::sep>("  # hash comment\n// slash comment\n\t\r\n"));
  CHECK(matches<g::sep>("# comment at end of file"));
}

TEST_CASE("expressions the language reference shows", "[grammar]") {
  for (const char* ok : {
           "a or b and not c",
           "(tags.Environment ?? \"production\") == \"production\"",
           "\"0.0.0.0/0\" in r.cidr_blocks or \"::/0\" in (r.ipv6_cidr_blocks ?? [])",
           "x not in [1, 2, 3,]",
           "c.bucket refers self",
           "-a.b[0] * 2 % 3 - 1e3",
           "net.is_open(r, 22) and lower(@type) == 'x'",
           "self.@address",
           "[x * 2 for x in l]",
           "[v for k, v in m if k != 'a']",
           "{a: 1, \"b c\": [2], 'd': x,}",
           "count(x in l: x > 1) >= 2",
           "count(k, v in m: v)",
           "all x in l: x > 1 and x < 5",
           "not some x in l: p",
           "if a then 1 else if b then 2 else 3",
           "f()",
           "{}",
           "[]",
       }) {
    INFO(ok);
    CHECK(matches<g::expression>(ok));
  }
  for (const char* bad : {"a == b == c", "a <", "f(", "[1, 2", "a b", "not", "x.", "count(x)", "if a then b",
                          "all x l: p", "a = b", "rule"}) {
    INFO(bad);
    CHECK_FALSE(matches<g::expression>(bad));
  }
}

TEST_CASE("whole files", "[grammar]") {
  const std::string design = R"(package aws.rds
import aws.net
import aws.util as u

rule CUSTOM_RDS_002 {
  title    "Ensure RDS instance has Multi-AZ enabled for production"
  severity high
  category backup_and_recovery
  controls "CIS 2.3.1", 'NIST SC-28'
  on       aws_db_instance
  when     (tags.Environment ?? "production") == "production"   # false -> skip
  assert   multi_az == true else "{address} is not Multi-AZ"
  message  "{address} is a production database without Multi-AZ"
}

def open_to_world(r) = "0.0.0.0/0" in r.cidr_blocks
def nothing() = null

rule s3-encryption-at-rest {
  on data aws_s3_bucket, aws_s3_bucket_policy
  assert server_side_encryption_configuration != null
      or some c in aws_s3_bucket_server_side_encryption_configuration: c.bucket refers self
}
)";
  CHECK(matches<g::file>(design));
  CHECK(matches<g::file>(""));
  CHECK(matches<g::file>("# only a comment\n"));
  CHECK_FALSE(matches<g::file>("rule x { titel \"a\" }"));
  CHECK_FALSE(matches<g::file>("rule x { title \"a\" "));
  CHECK_FALSE(matches<g::file>("def f(x) ="));
  CHECK_FALSE(matches<g::file>("rule x {}\nimport a.b"));
}

TEST_CASE("error messages come from the error_message table", "[grammar]") {
  CHECK(error_for<g::file>("rule x { titel \"a\" }").find("expected a rule clause (title, severity") == 0);
  CHECK(error_for<g::expression>("f(a b)") == "expected ',' or ')' in the argument list");
  CHECK(error_for<g::expression>("a < b < c").find("comparisons do not chain") == 0);
  CHECK(error_for<g::expression>("if a then b") == "expected 'else' (an if expression needs both branches)");
  CHECK(error_for<g::file>("def f x").find("expected '('") == 0);
  CHECK(error_for<g::expression>("1.").find("malformed number") == 0);
  CHECK(error_for<g::expression>("a and and") == "expected an expression");
}
