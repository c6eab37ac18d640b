// Glob builtins: `*` (any run of characters, `/` and `:` included, as in IAM actions and ARNs),
// `?` (one character), `[abc]`, `[a-z]`, `[!a-z]`, and `\` to quote the next character.
// Matching is iterative with single-star backtracking: O(len(s) * len(pattern)), never exponential.
#include <string>
#include <string_view>

#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

namespace {

// Decodes one UTF-8 code point at s[i]; malformed bytes decode as themselves, one byte long.
char32_t decode(std::string_view s, size_t i, size_t* len) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? b : b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      *len = 1;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *len = n;
  return cp;
}

char32_t fold(char32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Returns an error text for a malformed pattern, or "".
std::string validate(std::string_view p) {
  for (size_t j = 0; j < p.size(); ++j) {
    if (p[j] == '\\') {
      ++j;
    } else if (p[j] == '[') {
      size_t k = j + 1;
      if (k < p.size() && (p[k] == '!' || p[k] == '^')) ++k;
      if (k < p.size() && p[k] == ']') ++k;  // a leading ] is a member
      k = p.find(']', k);
      if (k == std::string_view::npos) return "unterminated [ at offset " + std::to_string(j);
      j = k;
    }
  }
  return "";
}

// Matches the class starting at p[j] == '[' against c; sets *end to the index after `]`.
// The pattern has been validated, so the closing bracket exists.
bool match_class(std::string_view p, size_t j, char32_t c, bool fold_case, size_t* end) {
  size_t k = j + 1;
  bool negate = p[k] == '!' || p[k] == '^';
  if (negate) ++k;
  bool hit = false;
  bool first = true;
  while (first || p[k] != ']') {
    first = false;
    size_t len = 0;
    char32_t lo = decode(p, k, &len);
    k += len;
    char32_t hi = lo;
    if (p[k] == '-' && k + 1 < p.size() && p[k + 1] != ']') {
      hi = decode(p, k + 1, &len);
      k += 1 + len;
    }
    if (lo <= c && c <= hi) hit = true;
    if (fold_case) {
      char32_t lower = fold(c);
      char32_t upper = c >= 'a' && c <= 'z' ? c - 32 : c;
      if ((lo <= lower && lower <= hi) || (lo <= upper && upper <= hi)) hit = true;
    }
  }
  *end = k + 1;
  return hit != negate;
}

bool glob_match(std::string_view s, std::string_view p, bool fold_case) {
  size_t i = 0;
  size_t j = 0;
  size_t star_j = std::string_view::npos;  // pattern index after the last `*` seen
  size_t star_i = 0;                       // where in s that star's match currently ends
  while (i < s.size()) {
    if (j < p.size() && p[j] == '*') {
      while (j < p.size() && p[j] == '*') ++j;
      star_j = j;
      star_i = i;
      continue;
    }
    size_t len = 0;
    char32_t c = decode(s, i, &len);
    bool ok = false;
    size_t next_j = j;
    if (j < p.size()) {
      if (p[j] == '?') {
        ok = true;
        next_j = j + 1;
      } else if (p[j] == '[') {
        ok = match_class(p, j, c, fold_case, &next_j);
      } else {
        size_t at = p[j] == '\\' && j + 1 < p.size() ? j + 1 : j;
        size_t plen = 0;
        char32_t want = decode(p, at, &plen);
        ok = fold_case ? fold(want) == fold(c) : want == c;
        next_j = at + plen;
      }
    }
    if (ok) {
      i += len;
      j = next_j;
    } else if (star_j != std::string_view::npos) {
      decode(s, star_i, &len);
      star_i += len;  // let the star swallow one more character and retry
      i = star_i;
      j = star_j;
    } else {
      return false;
    }
  }
  while (j < p.size() && p[j] == '*') ++j;
  return j == p.size();
}

Value glob_fn(CallContext& ctx, std::string_view name, Args args, bool fold_case) {
  for (const Value& a : args) {
    if (a.is_null()) return Value::null();
    if (!a.is_string()) return type_error(ctx, name, "string", a);
  }
  std::string bad = validate(args[1].as_string());
  if (!bad.empty()) return fail(ctx, name, "invalid glob \"" + std::string(args[1].as_string()) + "\": " + bad);
  return Value::boolean(glob_match(args[0].as_string(), args[1].as_string(), fold_case));
}

}  // namespace

Value fn_glob(CallContext& ctx, Args args) { return glob_fn(ctx, "glob", args, false); }
Value fn_glob_i(CallContext& ctx, Args args) { return glob_fn(ctx, "glob_i", args, true); }

std::string check_glob(size_t arg_index, const Value& literal) {
  if (arg_index != 1 || !literal.is_string()) return "";
  std::string bad = validate(literal.as_string());
  return bad.empty() ? "" : "invalid glob \"" + std::string(literal.as_string()) + "\": " + bad;
}

}  // namespace edict::stdlib::internal
