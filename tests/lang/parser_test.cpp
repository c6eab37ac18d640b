// Tests for lang/parser.h: every construct through dump(), precedence, byte-accurate spans,
// templates, each E01xx diagnostic, recovery, limits on nesting and hostile input.
#include "lang/parser.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace edict::lang;

namespace {

// "CODE@begin-end" for each diagnostic, sorted.
std::string codes(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.sorted()) {
    if (!out.empty()) out += ' ';
    out += std::string(code_id(d.code)) + "@" + std::to_string(d.span.begin) + "-" + std::to_string(d.span.end);
  }
  return out;
}

// The dump of text parsed as an expression, or "error <codes>".
std::string expr(const std::string& text) {
  SourceManager sources;
  DiagnosticSink sink;
  uint32_t f = sources.add("expr.edict", text);
  ExprPtr e = parse_expression(sources, f, sink);
  if (!e) return "error " + codes(sink);
  REQUIRE_FALSE(sink.has_errors());
  return dump(*e);
}

struct Parsed {
  SourceManager sources;
  DiagnosticSink sink;
  Module module;
  std::string text;

  explicit Parsed(std::string src) : text(std::move(src)) {
    uint32_t f = sources.add("rules.edict", text);
    module = parse_module(sources, f, sink);
  }
  std::string at(const Span& s) const { return text.substr(s.begin, s.end - s.begin); }
  std::string first_message() const { return sink.all().empty() ? "" : sink.all().front().message; }
};

ExprPtr parse_one(const std::string& text, SourceManager& sources, DiagnosticSink& sink) {
  return parse_expression(sources, sources.add("e.edict", text), sink);
}

}  // namespace

TEST_CASE("literals and names", "[parser]") {
  CHECK(expr("null") == "null");
  CHECK(expr("true") == "true");
  CHECK(expr("false") == "false");
  CHECK(expr("self") == "self");
  CHECK(expr("42") == "42");
  CHECK(expr("1.5") == "1.5");
  CHECK(expr("1e3") == "1000");
  CHECK(expr("2.5E-2") == "0.025");
  CHECK(expr("x_1") == "x_1");
  CHECK(expr("data") == "data");
  CHECK(expr("title") == "title");
  CHECK(expr(R"("a\"b\\c\/d\n\r\t")") == R"("a\"b\\c/d\n\r\t")");
  CHECK(expr(R"('^\d+\.x$')") == R"("^\\d+\\.x$")");
  CHECK(expr("@type") == "@type");
  CHECK(expr("  # leading comment\n x // trailing comment") == "x");
}

TEST_CASE("unicode escapes decode to UTF-8", "[parser]") {
  SourceManager sources;
  DiagnosticSink sink;
  ExprPtr e = parse_one(R"("\u00e9\u20ac\ud83d\ude00\u0041")", sources, sink);
  REQUIRE(e);
  CHECK(e->text ==
        "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
        "A");
  CHECK(expr("\"h\xC3\xA9llo\"") == "\"h\xC3\xA9llo\"");  // UTF-8 text passes through
}

TEST_CASE("lists, objects and comprehensions", "[parser]") {
  CHECK(expr("[]") == "(list)");
  CHECK(expr("[1, 'a', [x],]") == "(list 1 \"a\" (list x))");
  CHECK(expr("{}") == "(object)");
  CHECK(expr("{a: 1, \"b c\": [2], 'd': x, in: y,}") == "(object (\"a\" 1) (\"b c\" (list 2)) (\"d\" x) (\"in\" y))");
  CHECK(expr("{a: {b: 1}}") == "(object (\"a\" (object (\"b\" 1))))");
  CHECK(expr("[x * 2 for x in l]") == "(for x l (* x 2))");
  CHECK(expr("[v for k, v in m if k != 'a']") == "(for (k v) m v (!= k \"a\"))");
  CHECK(expr("[[x for x in l]]") == "(list (for x l x))");
  CHECK(expr("[[x for x in l], 1]") == "(list (for x l x) 1)");
  CHECK(expr("[x for x in [y for y in l]]") == "(for x (for y l y) x)");
}

TEST_CASE("postfix chains and calls", "[parser]") {
  CHECK(expr("a.b[0].c") == "(. (index (. a b) 0) c)");
  CHECK(expr("x.@address") == "(.@ x address)");
  CHECK(expr("r.tags.@type") == "(.@ (. r tags) type)");
  CHECK(expr("x.count.in") == "(. (. x count) in)");
  CHECK(expr("lower(x)") == "(call lower x)");
  CHECK(expr("f()") == "(call f)");
  CHECK(expr("f(a, b,)") == "(call f a b)");
  CHECK(expr("net.is_open(r, 22)") == "(call net.is_open r 22)");
  CHECK(expr("a.b.c.f(1)") == "(call a.b.c.f 1)");
  CHECK(expr("f(x).y[1]") == "(index (. (call f x) y) 1)");
  CHECK(expr("a\n  .b\n  .c") == "(. (. a b) c)");
  CHECK(expr("a[0](1)").rfind("error E0101@4-5", 0) == 0);
  CHECK(expr("(f)(1)").rfind("error E0101", 0) == 0);
  CHECK(expr("self.f(1)").rfind("error E0101", 0) == 0);
}

TEST_CASE("quantifiers, count and if", "[parser]") {
  CHECK(expr("all x in l: x > 1 and x < 5") == "(all x l (and (> x 1) (< x 5)))");
  CHECK(expr("some k, v in m: v") == "(some (k v) m v)");
  CHECK(expr("not some x in l: p") == "(not (some x l p))");
  CHECK(expr("a and all x in l: p or q") == "(and a (all x l (or p q)))");
  CHECK(expr("none r in rules_of(self): covers(r, 3389) and open_to_world(r)") ==
        "(none r (call rules_of self) (and (call covers r 3389) (call open_to_world r)))");
  CHECK(expr("count(x in l: x > 1) >= 2") == "(>= (count x l (> x 1)) 2)");
  CHECK(expr("count(k, v in m: v)") == "(count (k v) m v)");
  CHECK(expr("if a then 1 else 2 + 3") == "(if a 1 (+ 2 3))");
  CHECK(expr("1 + if a then 1 else 2") == "(+ 1 (if a 1 2))");
  CHECK(expr("if a then b else if c then d else e") == "(if a b (if c d e))");
  CHECK(expr("all x in l: all y in x: y") == "(all x l (all y x y))");
  CHECK(expr("[some y in x: y for x in l]") == "(for x l (some y x y))");
}

TEST_CASE("precedence and associativity", "[parser]") {
  CHECK(expr("a or b and c") == "(or a (and b c))");
  CHECK(expr("a or b or c") == "(or (or a b) c)");
  CHECK(expr("a and not b or c") == "(or (and a (not b)) c)");
  CHECK(expr("not a == b") == "(not (== a b))");
  CHECK(expr("not not a") == "(not (not a))");
  CHECK(expr("a == b ?? c") == "(== a (?? b c))");
  CHECK(expr("a ?? b ?? c") == "(?? a (?? b c))");
  CHECK(expr("(a ?? b) ?? c") == "(?? (?? a b) c)");
  CHECK(expr("a ?? b + c") == "(?? a (+ b c))");
  CHECK(expr("1 + 2 * 3 - 4") == "(- (+ 1 (* 2 3)) 4)");
  CHECK(expr("a % b / c * d") == "(* (/ (% a b) c) d)");
  CHECK(expr("-a.b * 2") == "(* (- (. a b)) 2)");
  CHECK(expr("- - x") == "(- (- x))");
  CHECK(expr("a - -b") == "(- a (- b))");
  CHECK(expr("x not in l") == "(not in x l)");
  CHECK(expr("x in l") == "(in x l)");
  CHECK(expr("c.bucket refers self") == "(refers (. c bucket) self)");
  CHECK(expr("a != b") == "(!= a b)");
  CHECK(expr("a <= b") == "(<= a b)");
  CHECK(expr("a > b") == "(> a b)");
  CHECK(expr("(tags.Environment ?? \"production\") == \"production\"") ==
        "(== (?? (. tags Environment) \"production\") \"production\")");
  CHECK(expr("\"0.0.0.0/0\" in r.cidr_blocks or \"::/0\" in (r.ipv6_cidr_blocks ?? [])") ==
        "(or (in \"0.0.0.0/0\" (. r cidr_blocks)) (in \"::/0\" (?? (. r ipv6_cidr_blocks) (list))))");
  CHECK(expr("(a == b) == c") == "(== (== a b) c)");
  CHECK(expr("a == b and b == c") == "(and (== a b) (== b c))");
  CHECK(expr("a // not division\n") == "a");
}

TEST_CASE("comparisons do not chain", "[parser]") {
  CHECK(expr("a == b == c") == "error E0101@7-8");
  CHECK(expr("a < b in c") == "error E0101@6-7");
  SourceManager sources;
  DiagnosticSink sink;
  parse_one("a == b != c", sources, sink);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].message.rfind("comparisons do not chain", 0) == 0);
}

TEST_CASE("spans are byte-accurate", "[parser]") {
  SourceManager sources;
  DiagnosticSink sink;
  auto text = [&](const Expr& e) { return std::string(sources.text(e.span)); };

  ExprPtr e = parse_one("  (a + b) * c  ", sources, sink);
  REQUIRE(e);
  CHECK(text(*e) == "(a + b) * c");
  CHECK(text(*e->kids[0]) == "a + b");
  CHECK(text(*e->kids[0]->kids[1]) == "b");

  e = parse_one("not  f(x, [1,2]).y ?? -z", sources, sink);
  REQUIRE(e);
  CHECK(text(*e) == "not  f(x, [1,2]).y ?? -z");
  const Expr& co = *e->kids[0];
  CHECK(text(co) == "f(x, [1,2]).y ?? -z");
  CHECK(text(*co.kids[0]) == "f(x, [1,2]).y");
  CHECK(text(*co.kids[0]->kids[0]) == "f(x, [1,2])");
  CHECK(text(*co.kids[0]->kids[0]->kids[1]) == "[1,2]");
  CHECK(text(*co.kids[1]) == "-z");

  e = parse_one("all k, v in m: v.@id", sources, sink);
  REQUIRE(e);
  CHECK(text(*e) == "all k, v in m: v.@id");
  CHECK(sources.text(e->var_span) == "k");
  CHECK(sources.text(e->var2_span) == "v");
  CHECK(text(*e->kids[1]) == "v.@id");

  e = parse_one("[x for x in l if x] ", sources, sink);
  REQUIRE(e);
  CHECK(text(*e) == "[x for x in l if x]");
  CHECK(e->span.begin == 0);
  CHECK(e->span.end == 19);
  CHECK(sources.text(e->var_span) == "x");

  e = parse_one("count( x in l : p ) + if a then b else c # done", sources, sink);
  REQUIRE(e);
  CHECK(text(*e->kids[0]) == "count( x in l : p )");
  CHECK(text(*e->kids[1]) == "if a then b else c");

  e = parse_one("{k: 'v'}", sources, sink);
  REQUIRE(e);
  CHECK(text(*e) == "{k: 'v'}");
  CHECK(text(*e->kids[0]) == "'v'");
  CHECK(!sink.has_errors());
}

TEST_CASE("every node gets a fresh id", "[parser]") {
  SourceManager sources;
  DiagnosticSink sink;
  ExprPtr e = parse_one("a + b", sources, sink);
  REQUIRE(e);
  CHECK(e->id != 0);
  CHECK(e->kids[0]->id != e->kids[1]->id);
  CHECK(e->id != e->kids[0]->id);
}

TEST_CASE("a whole module", "[parser]") {
  Parsed p(R"(package aws.rds
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
  assert   a == b
  message  "{address} is a production database without Multi-AZ"
}

def open_to_world(r) = "0.0.0.0/0" in r.cidr_blocks
def nothing() = null

rule s3-encryption-at-rest {
  category "Data protection"
  remediation 'enable SSE'
  on data aws_s3_bucket, aws_s3_bucket_policy
  assert server_side_encryption_configuration != null
      or some c in aws_s3_bucket_server_side_encryption_configuration: c.bucket refers self
}
)");
  INFO(codes(p.sink));
  REQUIRE_FALSE(p.sink.has_errors());
  CHECK(dump(p.module) == R"((module
  (package aws.rds)
  (import aws.net net)
  (import aws.util u)
  (rule CUSTOM_RDS_002
    (title "Ensure RDS instance has Multi-AZ enabled for production")
    (severity "high")
    (category "backup_and_recovery")
    (controls "CIS 2.3.1" "NIST SC-28")
    (on aws_db_instance)
    (when (== (?? (. tags Environment) "production") "production"))
    (assert (== multi_az true) (else (template "" address " is not Multi-AZ")))
    (assert (== a b))
    (message (template "" address " is a production database without Multi-AZ")))
  (def open_to_world (r) (in "0.0.0.0/0" (. r cidr_blocks)))
  (def nothing () null)
  (rule s3-encryption-at-rest
    (category "Data protection")
    (remediation "enable SSE")
    (on data aws_s3_bucket aws_s3_bucket_policy)
    (assert (or (!= server_side_encryption_configuration null) (some c aws_s3_bucket_server_side_encryption_configuration (refers (. c bucket) self)))))))");

  const RuleDecl& r = p.module.rules[0];
  CHECK(p.at(r.span).rfind("rule CUSTOM_RDS_002 {", 0) == 0);
  CHECK(p.at(r.span).back() == '}');
  CHECK(p.at(r.id_span) == "CUSTOM_RDS_002");
  CHECK(p.at(r.meta[0].key_span) == "title");
  CHECK(p.at(r.meta[3].value_span) == "\"CIS 2.3.1\", 'NIST SC-28'");
  CHECK(p.at(r.types[0].span) == "aws_db_instance");
  CHECK(p.at(r.asserts[0].span) == "assert   multi_az == true else \"{address} is not Multi-AZ\"");
  CHECK(p.at(r.asserts[1].span) == "assert   a == b");
  CHECK(r.field("severity")->values[0] == "high");
  CHECK_FALSE(r.data_sources);
  CHECK(p.module.rules[1].data_sources);
  CHECK(p.at(p.module.package_span) == "package aws.rds");
  CHECK(p.at(p.module.imports[1].span) == "import aws.util as u");
  const DefDecl& d = p.module.defs[0];
  CHECK(p.at(d.span) == "def open_to_world(r) = \"0.0.0.0/0\" in r.cidr_blocks");
  CHECK(p.at(d.name_span) == "open_to_world");
  CHECK(p.at(d.params[0].span) == "r");
  CHECK(p.module.file == 0);
}

TEST_CASE("a rule's doc comment is the # lines directly above it", "[parser]") {
  Parsed p("# file header, not a doc: a blank line follows\n"
           "package p\n"
           "\n"
           "# First line of the doc.\n"
           "#   indented stays indented\n"
           "#\n"
           "#no space after the hash   \r\n"
           "rule a { on t assert x }\n"
           "# separated by a blank line\n"
           "\n"
           "rule b { on t assert x }\n"
           "def f() = 1  # a trailing comment on a code line\n"
           "rule c { on t assert x }\n"
           "  # indented comment\n"
           "  rule d { on t assert x }\n"
           "# a comment above code that shares the line\n"
           "def g() = 2 rule e { on t assert x }\n"
           "rule f { on t assert x }\n");
  INFO(codes(p.sink));
  REQUIRE_FALSE(p.sink.has_errors());
  REQUIRE(p.module.rules.size() == 6);
  CHECK(p.module.rules[0].doc == "First line of the doc.\n  indented stays indented\n\nno space after the hash");
  CHECK(p.module.rules[1].doc.empty());
  CHECK(p.module.rules[2].doc.empty());
  CHECK(p.module.rules[3].doc == "indented comment");
  CHECK(p.module.rules[4].doc.empty());
  CHECK(p.module.rules[5].doc.empty());
}

TEST_CASE("rule items end where the next item keyword begins", "[parser]") {
  Parsed p("rule r {\n on t\n assert a == b\n message \"x\"\n when c\n title 'T' }\ndef f(a, b, c) = a");
  REQUIRE_FALSE(p.sink.has_errors());
  const RuleDecl& r = p.module.rules[0];
  CHECK(dump(*r.asserts[0].expr) == "(== a b)");
  CHECK(dump(*r.when) == "c");
  CHECK(r.meta.size() == 1);
  CHECK(p.module.defs[0].params.size() == 3);
  // `on data` alone names a type called data.
  Parsed q("rule r { on data }");
  REQUIRE_FALSE(q.sink.has_errors());
  CHECK(q.module.rules[0].types[0].name == "data");
  CHECK_FALSE(q.module.rules[0].data_sources);
  // Duplicates and missing clauses are the checker's business.
  Parsed dup("rule r { title 'a' title 'b' }");
  CHECK_FALSE(dup.sink.has_errors());
  CHECK(dup.module.rules[0].meta.size() == 2);
}

TEST_CASE("message templates", "[parser]") {
  Parsed p(R"(rule r { message "{address} has {{braces}} and {lower('A{}')}: {count(x in l: x)}" })");
  INFO(codes(p.sink));
  REQUIRE_FALSE(p.sink.has_errors());
  const Expr& t = *p.module.rules[0].message;
  CHECK(dump(t) == R"((template "" address " has {braces} and " (call lower "A{}") ": " (count x l x) ""))");
  REQUIRE(t.kids.size() == 7);
  CHECK(p.at(t.span) == R"("{address} has {{braces}} and {lower('A{}')}: {count(x in l: x)}")");
  CHECK(p.at(t.kids[1]->span) == "address");
  CHECK(p.at(t.kids[2]->span) == " has {{braces}} and ");
  CHECK(p.at(t.kids[3]->span) == "lower('A{}')");
  CHECK(p.at(t.kids[3]->kids[0]->span) == "'A{}'");
  CHECK(t.kids[0]->span.begin == t.kids[0]->span.end);  // the empty leading part
  CHECK(p.at(t.kids[5]->span) == "count(x in l: x)");

  Parsed plain(R"(rule r { message "no interpolation \u00e9 }" })");
  REQUIRE_FALSE(plain.sink.has_errors());
  CHECK(dump(*plain.module.rules[0].message) == "(template \"no interpolation \xC3\xA9 }\")");
}

TEST_CASE("template errors", "[parser]") {
  Parsed unclosed(R"(rule r { message "a {b" })");
  CHECK(codes(unclosed.sink) == "E0110@20-22");
  Parsed empty(R"(rule r { assert x else "a { } b" })");
  CHECK(codes(empty.sink) == "E0110@26-29");
  Parsed bad(R"(rule r { message "a {b c} d" })");
  CHECK(codes(bad.sink) == "E0101@23-24");  // at `c`, inside the string
  Parsed cut(R"(rule r { message "a {b +} d" })");
  CHECK(codes(cut.sink) == "E0101@24-25");
  CHECK(cut.first_message() == "expected an expression after the operator, found '}'");
}

TEST_CASE("syntax errors are E0101 with an expected-message at the failure point", "[parser]") {
  Parsed p("rule x {\n  titel \"a\"\n}\n");
  CHECK(codes(p.sink) == "E0101@11-12");
  CHECK(p.first_message() ==
        "expected a rule clause (title, severity, category, message, remediation, controls, on, when, assert) or "
        "'}', found 'titel'");

  Parsed q("rule x { assert f(a b) }");
  CHECK(codes(q.sink) == "E0101@20-21");
  CHECK(q.first_message() == "expected ',' or ')' in the argument list, found 'b'");

  Parsed r("def f(x) = ");
  CHECK(codes(r.sink) == "E0101@11-11");
  CHECK(r.first_message() == "expected an expression, found end of file");

  Parsed s("rule x { on aws_s3_bucket }\nimport a.b\n");
  CHECK(codes(s.sink) == "E0101@28-29");
  CHECK(s.first_message() == "expected 'rule' or 'def', found 'import'");

  Parsed t("rule { }");
  CHECK(t.first_message().rfind("expected a rule id", 0) == 0);
}

TEST_CASE("lexical errors", "[parser]") {
  CHECK(expr("\"abc\ndef\"") == "error E0102@0-4");
  CHECK(expr("x == 'abc") == "error E0102@5-9");
  CHECK(expr(R"("a\qb")") == "error E0103@2-4");
  CHECK(expr(R"("\ud800")") == "error E0103@1-7");
  CHECK(expr("1.") == "error E0107@0-2");
  CHECK(expr("1e") == "error E0107@0-2");
  CHECK(expr("08x") == "error E0107@0-3");
  CHECK(expr("x + 1.5.2") == "error E0107@4-9");
  CHECK(expr("1e999") == "error E0107@0-5");
  Parsed p("rule r {\n  title \"unterminated\n}\n");
  CHECK(codes(p.sink) == "E0102@17-30");
}

TEST_CASE("bytes that are not UTF-8 text are E0104", "[parser]") {
  CHECK(expr(std::string("a + \xFF", 5)) == "error E0104@4-5");
  CHECK(expr(std::string("a\0b", 3)) == "error E0104@1-2");
  CHECK(expr("\"\xC3\x28\"") == "error E0104@1-2");  // the byte that starts the broken sequence      // bad continuation byte
  CHECK(expr("\"\xED\xA0\x80\"") == "error E0104@1-2");  // encoded surrogate
  CHECK(expr("\"\xC0\xAF\"") == "error E0104@1-2");      // overlong
  Parsed p(std::string("rule r { on t }\n\x00\x01\x02", 19));
  CHECK(codes(p.sink) == "E0104@16-17");
  CHECK(p.module.rules.empty());
  // A UTF-8 byte order mark is skipped.
  Parsed bom("\xEF\xBB\xBFrule r { on t }");
  CHECK_FALSE(bom.sink.has_errors());
  CHECK(bom.module.rules.size() == 1);
}

TEST_CASE("a file without rules or defs is E0106", "[parser]") {
  for (const char* text : {"", "   \n", "# only a comment\n// and another", "package a.b\nimport c"}) {
    Parsed p(text);
    INFO(text);
    CHECK(codes(p.sink) == "E0106@0-0");
  }
  Parsed def_only("def f() = 1");
  CHECK_FALSE(def_only.sink.has_errors());
  // Not when something else already went wrong.
  Parsed broken("rule {");
  CHECK(codes(broken.sink).find("E0106") == std::string::npos);
}

TEST_CASE("recovery: each broken item gives its own error, good items survive", "[parser]") {
  Parsed p(R"(rule a {
  on t
  assert x ==
}

rule b {
  on t
  assert ok
}

rule c {
  titel "x"
}
def good(x) = x + 1
def bad(x) = x +
  rule d { on t assert y }
)");
  CHECK(p.sink.error_count() == 3);
  REQUIRE(p.module.rules.size() == 2);
  CHECK(p.module.rules[0].id == "b");
  CHECK(p.module.rules[1].id == "d");
  REQUIRE(p.module.defs.size() == 1);
  CHECK(p.module.defs[0].name == "good");

  Parsed header("package\nrule r { on t }\n");
  CHECK(header.sink.error_count() == 1);
  CHECK(header.module.rules.size() == 1);
}

TEST_CASE("nesting deeper than 256 is E0105", "[parser]") {
  auto nested = [](size_t n) { return std::string(n, '(') + "x" + std::string(n, ')'); };
  CHECK(expr(nested(256)) == "x");
  CHECK(expr(nested(257)).rfind("error E0105@257-258", 0) == 0);
  CHECK(expr(std::string(256, '[') + "1" + std::string(256, ']')).rfind("(list (list", 0) == 0);
  CHECK(expr(std::string(300, '[') + "1" + std::string(300, ']')).rfind("error E0105", 0) == 0);

  std::string nots;
  for (int i = 0; i < 300; ++i) nots += "not ";
  CHECK(expr(nots + "x").rfind("error E0105", 0) == 0);
  std::string negs;
  for (int i = 0; i < 300; ++i) negs += "- ";
  CHECK(expr(negs + "x").rfind("error E0105", 0) == 0);
  std::string objects;
  for (int i = 0; i < 300; ++i) objects += "{a: ";
  CHECK(expr(objects + "1" + std::string(300, '}')).rfind("error E0105", 0) == 0);
  std::string quants;
  for (int i = 0; i < 300; ++i) quants += "all x in l: ";
  CHECK(expr(quants + "x").rfind("error E0105", 0) == 0);
}

TEST_CASE("10 MB of open parens fails fast", "[parser]") {
  std::string parens(10 * 1024 * 1024, '(');
  // Hangs are caught by the ctest timeout; speed is measured in bench/, not asserted here.
  CHECK(expr(parens) == "error E0105@257-258");
  Parsed p("rule r { on t assert " + parens + " }");
  CHECK(codes(p.sink) == "E0105@278-279");
}

TEST_CASE("very long chains are bounded by the AST depth limit", "[parser]") {
  std::string sum = "1";
  for (int i = 0; i < 100000; ++i) sum += "+1";
  CHECK(expr(sum) == "error E0105@2000-2001");  // the end of the 1000th `+1`
  std::string members = "a";
  for (int i = 0; i < 100000; ++i) members += ".b";
  CHECK(expr(members).rfind("error E0105", 0) == 0);
  std::string coalesce = "a";
  for (int i = 0; i < 100000; ++i) coalesce += " ?? a";
  CHECK(expr(coalesce).rfind("error E0105", 0) == 0);
  std::string ok = "1";
  for (int i = 0; i < 900; ++i) ok += "+1";
  CHECK(expr(ok).rfind("(+ (+", 0) == 0);
  // A long flat list is fine: it is wide, not deep.
  std::string list = "[";
  for (int i = 0; i < 100000; ++i) list += "1,";
  CHECK(expr(list + "]").rfind("(list 1 1", 0) == 0);
}

TEST_CASE("a large rule file parses without errors", "[parser]") {
  std::string one = R"(
rule CUSTOM_NET_001 {
  title "No security group opens RDP to the world"
  severity high
  on aws_security_group, aws_security_group_rule
  when (tags.Environment ?? "production") == "production"
  assert none r in rules_of(self): covers(r, 3389) and open_to_world(r) else "{address} opens {3389}"
}
def covers(r, port) = r.protocol == "-1" or (r.from_port <= port and port <= r.to_port)
)";
#ifdef NDEBUG
  const size_t size = 10 * 1024 * 1024;
#else
  const size_t size = 1024 * 1024;  // unoptimised builds are ~25x slower
#endif
  std::string big;
  while (big.size() < size) big += one;
  Parsed p(big);
  CHECK_FALSE(p.sink.has_errors());
  CHECK(p.module.rules.size() == p.module.defs.size());
}

TEST_CASE("REPL input and continuation lines", "[parser]") {
  SourceManager sources;
  DiagnosticSink sink;
  ReplInput a = parse_repl_input(sources, sources.add("<repl>", "1 + 2"), sink);
  REQUIRE(a.expr);
  CHECK_FALSE(a.module);
  CHECK(dump(*a.expr) == "(+ 1 2)");
  ReplInput b = parse_repl_input(sources, sources.add("<repl>", "def f(x) = x\nrule r { on t }"), sink);
  REQUIRE(b.module);
  CHECK_FALSE(b.expr);
  CHECK(b.module->defs.size() == 1);
  CHECK(b.module->rules.size() == 1);
  ReplInput c = parse_repl_input(sources, sources.add("<repl>", "  "), sink);
  CHECK_FALSE(c.expr);
  CHECK(sink.has_errors());  // an empty expression

  CHECK(needs_more_input("rule r {"));
  CHECK(needs_more_input("f(1, [2"));
  CHECK(needs_more_input("x == \"abc"));
  CHECK(needs_more_input("a and"));
  CHECK(needs_more_input("def f(x) ="));
  CHECK(needs_more_input("{a: 1,"));
  CHECK_FALSE(needs_more_input("rule r { on t }"));
  CHECK_FALSE(needs_more_input("x == \"a{b\""));
  CHECK_FALSE(needs_more_input("x # (unclosed in a comment"));
  CHECK_FALSE(needs_more_input("x == ')'"));
  CHECK_FALSE(needs_more_input("\"broken\nstring"));
  CHECK_FALSE(needs_more_input("a)"));
  CHECK_FALSE(needs_more_input(""));
}

TEST_CASE("op_text and quant_text", "[ast]") {
  CHECK(std::string(op_text(Op::NotIn)) == "not in");
  CHECK(std::string(op_text(Op::Coalesce)) == "??");
  CHECK(std::string(op_text(Op::Neg)) == "-");
  CHECK(std::string(quant_text(Quant::Count)) == "count");
}
