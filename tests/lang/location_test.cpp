// The one location renderer and the one caret renderer (lang/diagnostics.h), and the severity
// scale (lang/severity.h) that the checker, the gate and the reports share.
#include <catch2/catch.hpp>

#include "lang/diagnostics.h"
#include "lang/severity.h"

using namespace edict::lang;

TEST_CASE("location is path:line:col of a span's start, 1-based, or empty for no file") {
  SourceManager sources;
  uint32_t f = sources.add("r.edict", "rule x {\n  assert y\n}\n");
  CHECK(location(sources, {f, 0, 4}) == "r.edict:1:1");
  CHECK(location(sources, {f, 18, 19}) == "r.edict:2:10");
  CHECK(location(sources, {7, 0, 1}).empty());
  CHECK(location("waivers.yaml", 3, 5) == "waivers.yaml:3:5");
  CHECK(location("waivers.yaml", 0, 0) == "waivers.yaml");
}

TEST_CASE("the caret renderer underlines the span, in either style") {
  SourceManager sources;
  uint32_t f = sources.add("r.edict", "rule x {\n  assert héllo == 1\n}\n");
  Span span{f, 18, 24};  // "héllo": six bytes, five columns
  CHECK(render_caret(sources, span) == "   |\n 2 |   assert héllo == 1\n   |          ^~~~~\n");
  CaretStyle repl;
  repl.gutter_above = false;
  repl.fill = '^';
  CHECK(render_caret(sources, span, repl) == " 2 |   assert héllo == 1\n   |          ^^^^^\n");
  // A span that runs past its line is marked to the end of the line; an empty span gets one mark.
  CHECK(render_caret(sources, {f, 18, 30}, repl) == " 2 |   assert héllo == 1\n   |          ^^^^^^^^^^\n");
  CHECK(render_caret(sources, {f, 9, 9}) == "   |\n 2 |   assert héllo == 1\n   | ^\n");
}

TEST_CASE("the severity scale is ranked lowest first and listed once") {
  CHECK(severity_rank("info") == 0);
  CHECK(severity_rank("critical") == 4);
  CHECK(severity_rank("high") > severity_rank("medium"));
  CHECK(severity_rank("severe") == -1);
  CHECK(severity_rank("High") == -1);
  CHECK(severity_list() == "info, low, medium, high, critical");
  CHECK(severity_list(" or ") == "info, low, medium, high or critical");
  CHECK(severity_names().size() == kSeverities.size());
}
