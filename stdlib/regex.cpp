// Regular-expression builtins on RE2 (linear time: a hostile pattern cannot hang a run).
// Compiled patterns are cached by text, since one pattern is applied to thousands of resources;
// one cache per thread, so evaluation threads never wait on each other for a lookup.
#include <re2/re2.h>

#include <deque>
#include <memory>
#include <string>
#include <unordered_map>

#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

namespace {

constexpr size_t kCacheLimit = 1000;

// A bounded pattern cache. Invalid patterns are cached too (RE2 keeps the error text), so a bad
// dynamic pattern costs one compile, not one per resource. Eviction is first-in first-out.
class RegexCache {
 public:
  std::shared_ptr<const re2::RE2> get(std::string_view pattern) {
    auto it = compiled_.find(pattern);
    if (it != compiled_.end()) return it->second;
    if (order_.size() >= kCacheLimit) {
      compiled_.erase(order_.front());
      order_.pop_front();
    }
    re2::RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
    order_.emplace_back(pattern);
    compiled_.emplace(order_.back(), re);
    return re;
  }

 private:
  // Transparent hashing: a lookup by string_view allocates nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::shared_ptr<const re2::RE2>, Hash, std::equal_to<>> compiled_;
  std::deque<std::string> order_;
};

// Per thread: a pattern is compiled once per evaluation thread, and no lookup takes a lock.
RegexCache& cache() {
  thread_local RegexCache c;
  return c;
}

re2::StringPiece piece(std::string_view s) { return {s.data(), s.size()}; }

// Validates (s, pattern, ...) arguments; returns the compiled pattern or nullptr. A null argument
// yields nullptr with no error (the builtin returns null).
std::shared_ptr<const re2::RE2> prepare(CallContext& ctx, std::string_view name, Args args) {
  for (const Value& a : args) {
    if (a.is_null()) return nullptr;
    if (!a.is_string()) {
      type_error(ctx, name, "string", a);
      return nullptr;
    }
  }
  auto re = cache().get(args[1].as_string());
  if (!re->ok()) {
    fail(ctx, name, "invalid regex \"" + std::string(args[1].as_string()) + "\": " + re->error());
    return nullptr;
  }
  return re;
}

}  // namespace

Value fn_matches(CallContext& ctx, Args args) {
  auto re = prepare(ctx, "matches", args);
  if (!re) return Value::null();
  return Value::boolean(re2::RE2::PartialMatch(piece(args[0].as_string()), *re));
}

Value fn_regex_find(CallContext& ctx, Args args) {
  auto re = prepare(ctx, "regex_find", args);
  if (!re) return Value::null();
  std::string_view s = args[0].as_string();
  re2::StringPiece match;
  if (!re->Match(piece(s), 0, s.size(), re2::RE2::UNANCHORED, &match, 1)) return Value::null();
  return Value::string(std::string_view(match.data(), match.size()));  // a view into s
}

Value fn_regex_replace(CallContext& ctx, Args args) {
  auto re = prepare(ctx, "regex_replace", args);
  if (!re) return Value::null();
  std::string rewrite_error;
  if (!re->CheckRewriteString(piece(args[2].as_string()), &rewrite_error)) {
    return fail(ctx, "regex_replace", "invalid replacement: " + rewrite_error);
  }
  std::string out(args[0].as_string());
  re2::RE2::GlobalReplace(&out, *re, piece(args[2].as_string()));
  return make_string(ctx, out);
}

std::string check_regex(size_t arg_index, const Value& literal) {
  if (arg_index != 1 || !literal.is_string()) return "";
  auto re = cache().get(literal.as_string());
  if (re->ok()) return "";
  return "invalid regex \"" + std::string(literal.as_string()) + "\": " + re->error();
}

}  // namespace edict::stdlib::internal
