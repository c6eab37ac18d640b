// A fast pre-pass over the top level of a JSON document: the key and the text of each top-level
// member, found without indexing the values (brackets are matched outside strings, 64 bytes at
// a time). The loader then indexes (simdjson stage 1) only the sections it reads, one at a time,
// and never the ones it skips. Used by loaders/ only.
#pragma once

#include <string_view>
#include <vector>

namespace edict::loaders::internal {

struct TopMember {
  std::string_view key;    // as written (it has no escapes)
  std::string_view value;  // the value's JSON text
};

// Splits a document whose top level is an object into its members. Returns false when it is not
// one (malformed JSON, another top-level type, a key with escapes): the caller then reads the
// document whole, which also finds and reports the error. On valid JSON it never fails wrongly;
// on invalid JSON inside a value it may return a wrong span, which reading that value reports.
bool split_top_level(std::string_view text, std::vector<TopMember>& out);

// The end (one past the last byte) of the object or array that opens at `text[start]`, or
// npos when it is not closed. Strings and escapes are honoured; nothing else is checked.
size_t container_end(std::string_view text, size_t start);

}  // namespace edict::loaders::internal
