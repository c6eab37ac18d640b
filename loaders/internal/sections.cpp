// Top-level members of a JSON document without indexing their values (see sections.h). Blocks of
// 64 bytes become bit masks (quotes, backslashes, opening and closing brackets); escaped quotes
// are removed, the string interiors found with a prefix XOR, and the bracket depth followed with
// popcounts, looking at single brackets only in blocks where the depth may reach zero.
#include "loaders/internal/sections.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace edict::loaders::internal {

namespace {

struct Masks {
  uint64_t quote = 0, backslash = 0, open = 0, close = 0;
};

#if defined(__SSE2__)
Masks classify(const char* p) {
  Masks m;
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  // '[' and '{' differ only in bit 0x20, as do ']' and '}'.
  const __m128i case_bit = _mm_set1_epi8(0x20), open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
  for (int i = 0; i < 4; ++i) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    __m128i folded = _mm_or_si128(v, case_bit);
    auto bits = [&](__m128i eq) {
      return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(eq))) << (16 * i);
    };
    m.quote |= bits(_mm_cmpeq_epi8(v, quote));
    m.backslash |= bits(_mm_cmpeq_epi8(v, backslash));
    m.open |= bits(_mm_cmpeq_epi8(folded, open));
    m.close |= bits(_mm_cmpeq_epi8(folded, close));
  }
  return m;
}
#else
Masks classify(const char* p) {
  Masks m;
  for (int i = 0; i < 64; ++i) {
    auto c = static_cast<unsigned char>(p[i]);
    uint64_t bit = uint64_t{1} << i;
    if (c == '"') m.quote |= bit;
    if (c == '\\') m.backslash |= bit;
    if ((c | 0x20) == '{') m.open |= bit;
    if ((c | 0x20) == '}') m.close |= bit;
  }
  return m;
}
#endif

// The characters escaped by a backslash. `carry`: the block's first character is escaped by a
// backslash that ended the previous block; updated for the next block.
uint64_t escaped_bits(uint64_t backslash, bool& carry) {
  uint64_t escaped = carry ? 1 : 0;
  backslash &= ~escaped;
  carry = false;
  while (backslash != 0) {
    int i = std::countr_zero(backslash);  // an unescaped backslash: it escapes the next character
    if (i == 63) {
      carry = true;
      break;
    }
    uint64_t next = uint64_t{2} << i;
    escaped |= next;
    backslash &= ~((next << 1) - 1);  // that character is not a backslash that escapes
  }
  return escaped;
}

// Bit i is the XOR of bits 0..i: 1 from an opening quote up to (not including) the closing one.
uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

// std::popcount without a library call where the target has no popcount instruction.
int count_bits(uint64_t x) {
#if defined(__POPCNT__) || !defined(__x86_64__)
  return std::popcount(x);
#else
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t skip_space(std::string_view s, size_t pos) {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  return pos;
}

// The end of the string that opens at s[start], or npos.
size_t string_end(std::string_view s, size_t start) {
  for (size_t pos = start + 1; pos < s.size(); ++pos) {
    if (s[pos] == '\\') {
      ++pos;
    } else if (s[pos] == '"') {
      return pos + 1;
    }
  }
  return std::string_view::npos;
}

size_t value_end(std::string_view s, size_t start) {
  if (start >= s.size()) return std::string_view::npos;
  char c = s[start];
  if (c == '{' || c == '[') return container_end(s, start);
  if (c == '"') return string_end(s, start);
  size_t pos = start;  // a number or a literal: up to the next delimiter
  while (pos < s.size() && !is_space(s[pos]) && s[pos] != ',' && s[pos] != '}' && s[pos] != ']') ++pos;
  return pos == start ? std::string_view::npos : pos;
}

}  // namespace

size_t container_end(std::string_view text, size_t start) {
  bool carry = false;
  uint64_t in_string = 0;  // all ones when the previous block ended inside a string
  int64_t depth = 0;
  char tail[64];
  for (size_t at = start; at < text.size(); at += 64) {
    const char* p = text.data() + at;
    if (text.size() - at < 64) {  // the last block, padded with spaces
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, p, text.size() - at);
      p = tail;
    }
    Masks m = classify(p);
    uint64_t quotes = m.quote & ~escaped_bits(m.backslash, carry);
    uint64_t inside = prefix_xor(quotes) ^ in_string;
    in_string = static_cast<uint64_t>(static_cast<int64_t>(inside) >> 63);
    uint64_t open = m.open & ~inside, close = m.close & ~inside;
    auto closes = static_cast<int64_t>(count_bits(close));
    if (depth > closes) {  // the depth cannot reach zero in this block
      depth += count_bits(open) - closes;
      continue;
    }
    for (uint64_t brackets = open | close; brackets != 0; brackets &= brackets - 1) {
      uint64_t bit = brackets & (~brackets + 1);
      depth += (open & bit) != 0 ? 1 : -1;
      if (depth == 0) return at + static_cast<size_t>(std::countr_zero(bit)) + 1;
    }
  }
  return std::string_view::npos;
}

bool split_top_level(std::string_view s, std::vector<TopMember>& out) {
  out.clear();
  size_t pos = skip_space(s, 0);
  if (pos >= s.size() || s[pos] != '{') return false;
  pos = skip_space(s, pos + 1);
  if (pos < s.size() && s[pos] == '}') return skip_space(s, pos + 1) == s.size();
  for (;;) {
    if (pos >= s.size() || s[pos] != '"') return false;
    size_t key_end = string_end(s, pos);
    if (key_end == std::string_view::npos) return false;
    std::string_view key = s.substr(pos + 1, key_end - pos - 2);
    if (key.find('\\') != std::string_view::npos) return false;
    pos = skip_space(s, key_end);
    if (pos >= s.size() || s[pos] != ':') return false;
    pos = skip_space(s, pos + 1);
    size_t end = value_end(s, pos);
    if (end == std::string_view::npos) return false;
    out.push_back({key, s.substr(pos, end - pos)});
    pos = skip_space(s, end);
    if (pos >= s.size()) return false;
    if (s[pos] == '}') return skip_space(s, pos + 1) == s.size();
    if (s[pos] != ',') return false;
    pos = skip_space(s, pos + 1);
  }
}

}  // namespace edict::loaders::internal
