// The top-level pre-pass (loaders/internal/sections.cpp): member spans of generated documents with
// strings, escapes and brackets at every position of the 64-byte blocks, and its refusals.
#include "loaders/internal/sections.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace edict::loaders::internal {
namespace {

// Random valid JSON whose tricky parts (brackets and quotes inside strings, runs of backslashes)
// are frequent.
class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  std::string value(int depth) {
    switch (depth > 4 ? rng_() % 3 : rng_() % 6) {
      case 0: return string();
      case 1: return std::to_string(static_cast<int>(rng_() % 2000) - 1000);
      case 2: return rng_() % 2 ? "true" : "null";
      case 3: {
        std::string out = "[" + space();
        int n = static_cast<int>(rng_() % 5);
        for (int i = 0; i < n; ++i) out += (i > 0 ? "," + space() : "") + value(depth + 1) + space();
        return out + "]";
      }
      default: {
        std::string out = "{" + space();
        int n = static_cast<int>(rng_() % 5);
        for (int i = 0; i < n; ++i) {
          out += (i > 0 ? "," + space() : "") + string() + space() + ":" + space() + value(depth + 1) + space();
        }
        return out + "}";
      }
    }
  }

  std::string string() {
    static const char* pieces[] = {"a",        "{",   "}",   "[", "]", "\\\"",   "\\\\",
                                   "\\\\\\\"", "x y", "\\n", ",", ":", "\\u0041"};
    std::string out = "\"";
    int n = static_cast<int>(rng_() % 12);
    for (int i = 0; i < n; ++i) out += pieces[rng_() % (sizeof pieces / sizeof *pieces)];
    // Long strings move the tricky parts across block boundaries.
    if (rng_() % 4 == 0) out += std::string(rng_() % 70, 'p');
    return out + "\"";
  }

  std::string space() { return rng_() % 3 == 0 ? std::string(rng_() % 3, rng_() % 2 ? ' ' : '\n') : ""; }

 private:
  std::mt19937 rng_;
};

TEST_CASE("split_top_level finds every member's span", "[sections]") {
  Generator gen(20240611);
  std::vector<TopMember> members;
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::pair<std::string, std::string>> expected;
    std::string doc = gen.space() + "{" + gen.space();
    int n = 1 + round % 6;
    for (int i = 0; i < n; ++i) {
      std::string key = "k" + std::to_string(i) + std::string(static_cast<size_t>(round % 7), '_');
      std::string value = gen.value(0);
      if (i > 0) doc += "," + gen.space();
      doc += "\"" + key + "\"" + gen.space() + ":" + gen.space() + value + gen.space();
      expected.emplace_back(key, value);
    }
    doc += "}" + gen.space();
    INFO(doc);
    REQUIRE(split_top_level(doc, members));
    REQUIRE(members.size() == expected.size());
    for (size_t i = 0; i < members.size(); ++i) {
      CHECK(members[i].key == expected[i].first);
      CHECK(members[i].value == expected[i].second);
    }
  }
}

TEST_CASE("container_end across block boundaries", "[sections]") {
  // A run of backslashes ending at each position around a block boundary, then a quote.
  for (size_t pad = 0; pad < 140; ++pad) {
    for (size_t run = 1; run <= 4; ++run) {
      std::string s = "[\"" + std::string(pad, 'x') + std::string(run, '\\');
      // An even run leaves the quote unescaped: the string ends there.
      s += run % 2 == 0 ? "\"]" : "\"\"]";
      s += " [";
      INFO("pad " << pad << " run " << run);
      CHECK(container_end(s, 0) == s.size() - 2);
    }
  }
  CHECK(container_end("{\"a\":[1,{\"b\":\"}]\"}]}", 0) == 20);
  CHECK(container_end("[[[]]", 0) == std::string_view::npos);
  CHECK(container_end("[\"]", 0) == std::string_view::npos);
  std::string deep = std::string(300000, '[') + std::string(300000, ']');
  CHECK(container_end(deep, 0) == deep.size());
}

TEST_CASE("split_top_level refuses what is not an object of members", "[sections]") {
  std::vector<TopMember> m;
  for (const char* bad : {"", "[]", "\"x\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1 \"b\":2}",
                          "{\"a\":[1}", "{\"a\":1} x", "{\"\\u0061\":1}", "{a:1}", "{\"a\":1}}"}) {
    INFO(bad);
    CHECK_FALSE(split_top_level(bad, m));
  }
  REQUIRE(split_top_level(" { } ", m));
  CHECK(m.empty());
  REQUIRE(split_top_level("{\"a\":-1.5e3,\"b\":\"\\\"}\",\"c\":{}}", m));
  REQUIRE(m.size() == 3);
  CHECK(m[0].value == "-1.5e3");
  CHECK(m[1].value == "\"\\\"}\"");
  CHECK(m[2].value == "{}");
}

}  // namespace
}  // namespace edict::loaders::internal
