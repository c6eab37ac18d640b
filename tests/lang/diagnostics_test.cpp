// Diagnostics: every code is documented, sorting and de-duplication, and safe caret rendering.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "lang/diagnostics.h"

using namespace edict::lang;

TEST_CASE("every diagnostic code is documented in docs/errors.md") {
  std::ifstream in(EDICT_SOURCE_DIR "/docs/errors.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
#define EDICT_DIAG_DOC(code, name, sev, meaning) CHECK(doc.find("## " #code) != std::string::npos);
  EDICT_DIAGNOSTICS(EDICT_DIAG_DOC)
#undef EDICT_DIAG_DOC
}

TEST_CASE("diagnostics are sorted by position and exact duplicates dropped") {
  DiagnosticSink sink;
  sink.report(Code::UnknownName, {0, 10, 12}, "b");
  sink.report(Code::SyntaxError, {0, 2, 3}, "a");
  sink.report(Code::UnknownName, {0, 10, 12}, "b");
  auto sorted = sink.sorted();
  REQUIRE(sorted.size() == 2);
  CHECK(sorted[0].message == "a");
  CHECK(sorted[1].message == "b");
  CHECK(sink.error_count() == 3);
}

TEST_CASE("--werror promotes warnings in place") {
  DiagnosticSink sink;
  sink.report(Code::ConstantAssert, {0, 0, 1}, "always true");
  CHECK_FALSE(sink.has_errors());
  sink.promote_warnings();
  CHECK(sink.has_errors());
  CHECK(sink.sorted().size() == 1);
}

TEST_CASE("rendering shows file:line:col, a caret under the span, and escapes control bytes") {
  SourceManager sources;
  uint32_t f = sources.add("r.edict", "rule x {\n  assert \x1b[31m == 1\n}\n");
  Diagnostic d{Severity::Error, Code::UnknownName, {f, 18, 22}, "unknown name", {{false, {}, "did you mean 'y'?"}}};
  std::string out = render(d, sources);
  CHECK(out.find("r.edict:2:10: error[E0201]: unknown name") == 0);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find(" 2 |   assert ?[31m == 1\n") != std::string::npos);
  CHECK(out.find("   |          ^~~~\n") != std::string::npos);
  CHECK(out.find("= help: did you mean 'y'?") != std::string::npos);
}

TEST_CASE("did you mean picks the closest candidate within a small distance") {
  CHECK(did_you_mean("lowr", {"lower", "upper", "len"}) == "lower");
  CHECK(did_you_mean("zzzzzz", {"lower", "upper"}).empty());
}
