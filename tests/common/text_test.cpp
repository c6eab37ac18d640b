// Shared text helpers: JSON strings are always valid JSON (strict UTF-8), XML escaping, one-line,
// and printable text for terminals and CI logs.
#include <catch2/catch.hpp>

#include "common/text.h"

using namespace edict;

TEST_CASE("UTF-8 sequences are accepted only in their shortest, valid form") {
  CHECK(text::utf8_sequence_length("a", 0) == 1);
  CHECK(text::utf8_sequence_length("\xC3\xA9", 0) == 2);          // é
  CHECK(text::utf8_sequence_length("\xF0\x9F\x98\x80", 0) == 4);  // emoji
  CHECK(text::utf8_sequence_length("\xC0\xAF", 0) == 0);          // overlong
  CHECK(text::utf8_sequence_length("\xE0\x80\xAF", 0) == 0);      // overlong
  CHECK(text::utf8_sequence_length("\xED\xA0\x80", 0) == 0);      // UTF-16 surrogate
  CHECK(text::utf8_sequence_length("\xF4\x90\x80\x80", 0) == 0);  // past U+10FFFF
  CHECK(text::utf8_sequence_length("\xE9", 0) == 0);              // Latin-1 é, truncated
}

TEST_CASE("JSON strings escape controls and replace invalid bytes") {
  CHECK(text::json_string("a\"b\\\n\x01") == "\"a\\\"b\\\\\\n\\u0001\"");
  CHECK(text::json_string("\xC3\xA9") == "\"\xC3\xA9\"");
  CHECK(text::json_string("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("XML escaping, one-line text and plurals") {
  CHECK(text::xml_escape("<a & \"b\">\n") == "&lt;a &amp; &quot;b&quot;&gt;&#10;");
  CHECK(text::one_line("  a\n    and  b \n") == "a and b");
  CHECK(text::plural(1, "rule", "rules") == "1 rule");
  CHECK(text::plural(2, "rule", "rules") == "2 rules");
}

TEST_CASE("printable escapes terminal controls, C1 controls and invalid bytes, and keeps UTF-8") {
  CHECK(text::printable("a\x1b[2Jb") == "a\\x1b[2Jb");
  CHECK(text::printable("x\n::error title=t::m") == "x\\n::error title=t::m");
  CHECK(text::printable("\t\r\x7f") == "\\t\\r\\x7f");
  CHECK(text::printable("\xC2\x9B") == "\\xc2\\x9b");  // U+009B, the one-byte CSI
  CHECK(text::printable("\xFF") == "\\xff");
  CHECK(text::printable("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}
