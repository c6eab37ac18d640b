// Small text helpers shared by every stage: JSON string literals, XML escaping, one-line source
// excerpts and counted nouns. Kept here so each is written (and fixed) once.
#pragma once

#include <string>
#include <string_view>

namespace edict::text {

// Appends `s` as a JSON string literal (quotes included). Control characters are escaped and
// bytes that are not valid UTF-8 become U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view s);
std::string json_string(std::string_view s);

// `s` escaped for XML text and attribute values.
std::string xml_escape(std::string_view s);

// Source text on one line: runs of whitespace (including newlines) become one space.
std::string one_line(std::string_view s);

// `s` safe to print on a terminal or a CI log: control characters (ESC, newlines, C1 controls)
// and bytes that are not valid UTF-8 become escapes (\n, \t, \r, \x1b), so input text cannot
// move the cursor, clear the screen or start a line such as a GitHub `::error` command.
std::string printable(std::string_view s);

// "1 rule", "2 rules".
std::string plural(size_t n, std::string_view one, std::string_view many);

// Length of the valid UTF-8 sequence starting at s[i] (1 for ASCII), or 0 if s[i] starts none.
size_t utf8_sequence_length(std::string_view s, size_t i);

}  // namespace edict::text
