// Time builtins: RFC 3339 timestamps to Unix seconds, the evaluation clock (ctx.now_unix, so
// runs are reproducible with EDICT_NOW), ages in days, and durations ("90d", "1h30m", "P90D").
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

namespace {

constexpr double kDay = 86400;

// Days from 1970-01-01 to the proleptic Gregorian date y-m-d: count whole 400-year eras
// (146097 days each) from 0000-03-01, then days within the era, with March as the first month
// so the leap day falls at the end of the year.
int64_t days_from_civil(int64_t y, int m, int d) {
  if (m <= 2) y -= 1;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t year_of_era = y - era * 400;
  int month_from_march = m > 2 ? m - 3 : m + 9;
  int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

// Reads exactly n digits at s[*i].
bool digits(std::string_view s, size_t* i, int n, int* out) {
  int v = 0;
  for (int k = 0; k < n; ++k, ++*i) {
    if (*i >= s.size() || s[*i] < '0' || s[*i] > '9') return false;
    v = v * 10 + (s[*i] - '0');
  }
  *out = v;
  return true;
}

bool expect(std::string_view s, size_t* i, char c) {
  if (*i >= s.size() || s[*i] != c) return false;
  ++*i;
  return true;
}

// RFC 3339 ("2024-01-02T03:04:05.5+01:00"), also with a space or lower-case t, an offset without
// a colon (+0100), no offset (read as UTC), or a bare date (midnight UTC).
bool parse_timestamp(std::string_view s, double* out) {
  size_t i = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(s, &i, 4, &y) || !expect(s, &i, '-') || !digits(s, &i, 2, &mo) || !expect(s, &i, '-') ||
      !digits(s, &i, 2, &d)) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return false;
  double frac = 0;
  int offset_minutes = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
    ++i;
    if (!digits(s, &i, 2, &h) || !expect(s, &i, ':') || !digits(s, &i, 2, &mi) || !expect(s, &i, ':') ||
        !digits(s, &i, 2, &sec) || h > 23 || mi > 59 || sec > 60) {
      return false;
    }
    if (i < s.size() && s[i] == '.') {
      double scale = 0.1;
      size_t start = ++i;
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10) frac += (s[i] - '0') * scale;
      if (i == start) return false;
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int sign = s[i++] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!digits(s, &i, 2, &oh)) return false;
      if (i < s.size() && s[i] == ':') ++i;
      if (!digits(s, &i, 2, &om) || oh > 23 || om > 59) return false;
      offset_minutes = sign * (oh * 60 + om);
    }
    if (i != s.size()) return false;
  }
  double days = static_cast<double>(days_from_civil(y, mo, d));
  *out = days * kDay + h * 3600 + mi * 60 + sec + frac - offset_minutes * 60;
  return true;
}

// "1h30m", "90d", "2w", "1.5h" or ISO 8601 "P90D", "PT12H", "P1DT2H30M", "P2W". Units must come
// from largest to smallest, each at most once. Returns an error text or "".
std::string parse_duration(std::string_view s, double* out) {
  bool iso = !s.empty() && (s[0] == 'P' || s[0] == 'p');
  size_t i = iso ? 1 : 0;
  bool in_time = !iso;  // short forms mix date and time units freely; ISO needs T before h/m/s
  int last_rank = 100;
  double total = 0;
  bool any = false;
  while (i < s.size()) {
    if (iso && (s[i] == 'T' || s[i] == 't') && !in_time) {
      in_time = true;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
    if (i == start || i == s.size()) return "expected a number followed by a unit (w, d, h, m, s)";
    double n = 0;
    auto [end, ec] = std::from_chars(s.data() + start, s.data() + i, n);
    if (ec != std::errc() || end != s.data() + i) return "malformed number";
    // ISO 8601 units are upper case (lower case tolerated); short units are lower case only.
    char unit = static_cast<char>(iso && s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    ++i;
    if (iso && (unit == 'y' || (unit == 'm' && !in_time))) return "years and months have no fixed length; use days";
    int rank = unit == 'w' ? 5 : unit == 'd' ? 4 : unit == 'h' ? 3 : unit == 'm' ? 2 : unit == 's' ? 1 : 0;
    if (rank == 0) return std::string("unknown unit '") + s[i - 1] + "' (use w, d, h, m or s)";
    if (iso && (rank >= 4) == in_time) return "in ISO 8601, w and d come before T, h, m and s after it";
    if (rank >= last_rank) return "units must go from largest to smallest, each once";
    last_rank = rank;
    static const double seconds[] = {0, 1, 60, 3600, kDay, 7 * kDay};
    total += n * seconds[rank];
    any = true;
  }
  if (!any) return "empty duration";
  if (iso && in_time && last_rank >= 4) return "nothing after T";
  *out = total;
  return "";
}

// A time argument: an RFC 3339 string or Unix seconds. False with ctx.error set when invalid.
bool time_arg(CallContext& ctx, std::string_view name, const Value& v, double* out) {
  if (v.is_number()) {
    *out = v.as_number();
    return true;
  }
  if (!v.is_string()) {
    type_error(ctx, name, "RFC 3339 timestamp string or number", v);
    return false;
  }
  if (!parse_timestamp(v.as_string(), out)) {
    fail(ctx, name, "invalid RFC 3339 timestamp \"" + std::string(v.as_string()) + "\"");
    return false;
  }
  return true;
}

}  // namespace

Value fn_timestamp(CallContext& ctx, Args args) {
  double t = 0;
  if (args[0].is_null()) return Value::null();
  if (!time_arg(ctx, "timestamp", args[0], &t)) return Value::null();
  return Value::number(t);
}

Value fn_now(CallContext& ctx, Args) { return Value::number(static_cast<double>(ctx.now_unix)); }

Value fn_age_days(CallContext& ctx, Args args) {
  double t = 0;
  if (args[0].is_null()) return Value::null();
  if (!time_arg(ctx, "age_days", args[0], &t)) return Value::null();
  return Value::number(std::floor((static_cast<double>(ctx.now_unix) - t) / kDay));
}

Value fn_days_between(CallContext& ctx, Args args) {
  double a = 0, b = 0;
  if (args[0].is_null() || args[1].is_null()) return Value::null();
  if (!time_arg(ctx, "days_between", args[0], &a) || !time_arg(ctx, "days_between", args[1], &b)) {
    return Value::null();
  }
  return Value::number(std::floor((b - a) / kDay));
}

Value fn_duration(CallContext& ctx, Args args) {
  const Value& s = args[0];
  if (s.is_null()) return Value::null();
  if (!s.is_string()) return type_error(ctx, "duration", "string", s);
  double seconds = 0;
  std::string bad = parse_duration(s.as_string(), &seconds);
  if (!bad.empty()) return fail(ctx, "duration", "invalid duration \"" + std::string(s.as_string()) + "\": " + bad);
  return Value::number(seconds);
}

std::string check_timestamp(size_t, const Value& literal) {
  double t = 0;
  if (!literal.is_string() || parse_timestamp(literal.as_string(), &t)) return "";
  return "invalid RFC 3339 timestamp \"" + std::string(literal.as_string()) + "\"";
}

std::string check_duration(size_t, const Value& literal) {
  double seconds = 0;
  if (!literal.is_string()) return "";
  std::string bad = parse_duration(literal.as_string(), &seconds);
  return bad.empty() ? "" : "invalid duration \"" + std::string(literal.as_string()) + "\": " + bad;
}

}  // namespace edict::stdlib::internal
