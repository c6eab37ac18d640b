// Tests for stdlib/time.cpp: RFC 3339 parsing (offsets, fractions, validation), the evaluation
// clock, day arithmetic, and durations in short and ISO 8601 forms.
#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

namespace {
std::string ts(const char* s) { return call("timestamp", {S(s)}); }
std::string dur(const char* s) { return call("duration", {S(s)}); }
}  // namespace

TEST_CASE("timestamp reads RFC 3339", "[stdlib][time]") {
  CHECK(ts("1970-01-01T00:00:00Z") == "0");
  CHECK(ts("2024-01-02T03:04:05Z") == "1704164645");
  CHECK(ts("2024-01-02T03:04:05+01:00") == "1704161045");
  CHECK(ts("2024-01-02T03:04:05-05:30") == "1704184445");
  CHECK(ts("2024-01-02T03:04:05+0100") == "1704161045");
  CHECK(ts("2024-01-02T03:04:05.5Z") == "1704164645.5");
  std::string error;
  Value precise = call_value("timestamp", {S("2024-01-02T03:04:05.123456789+00:00")}, &error);
  CHECK(precise.as_number() == Approx(1704164645.123457).epsilon(1e-15));
  CHECK(ts("2024-01-02t03:04:05z") == "1704164645");
  CHECK(ts("2024-01-02 03:04:05Z") == "1704164645");
  CHECK(ts("2024-01-02T03:04:05") == "1704164645");  // no offset: UTC
  CHECK(ts("2024-01-02") == "1704153600");
  CHECK(ts("2000-03-01T00:00:00Z") == "951868800");
  CHECK(ts("2024-02-29T00:00:00Z") == "1709164800");
  CHECK(ts("1969-12-31T23:59:59Z") == "-1");
  CHECK(ts("2016-12-31T23:59:60Z") == "1483228800");  // a leap second
  CHECK(call("timestamp", {N(1234)}) == "1234");
  CHECK(call("timestamp", {Null()}) == "null");
  CHECK(call("timestamp", {B(true)}) == "error: timestamp: expected RFC 3339 timestamp string or number, got bool");
}

TEST_CASE("timestamp rejects malformed and impossible times", "[stdlib][time]") {
  for (const char* bad :
       {"garbage", "", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-02T24:00:00Z",
        "2024-01-02T03:60:00Z", "2024-01-02T03:04Z", "2024-01-02T03:04:05Zjunk", "2024-1-2", "2024-01-02T03:04:05.Z",
        "2024-01-02T03:04:05+1:00", "2024-01-02T03:04:05+24:00", "24-01-02"}) {
    INFO(bad);
    CHECK(ts(bad) == "error: timestamp: invalid RFC 3339 timestamp \"" + std::string(bad) + "\"");
    CHECK(literal_check("timestamp", 0, S(bad)) == "invalid RFC 3339 timestamp \"" + std::string(bad) + "\"");
  }
  CHECK(literal_check("timestamp", 0, S("2024-01-02T03:04:05Z")) == "");
}

TEST_CASE("now is the evaluation clock", "[stdlib][time]") {
  CHECK(call("now", {}) == "1700000000");
  CHECK(call("now", {}, 42) == "42");
}

TEST_CASE("age_days counts whole days to now", "[stdlib][time]") {
  CHECK(call("age_days", {N(kNow - 3 * 86400)}) == "3");
  CHECK(call("age_days", {N(kNow - 3.5 * 86400)}) == "3");
  CHECK(call("age_days", {N(kNow - 1)}) == "0");
  CHECK(call("age_days", {N(kNow + 3600)}) == "-1");
  CHECK(call("age_days", {S("2023-11-01T00:00:00Z")}) == "13");
  CHECK(call("age_days", {S("2023-11-14T23:13:20+01:00")}) == "0");
  CHECK(call("age_days", {S("yesterday")}) == R"(error: age_days: invalid RFC 3339 timestamp "yesterday")");
  CHECK(call("age_days", {Null()}) == "null");
  CHECK(call("age_days", {U()}) == "unknown");
}

TEST_CASE("days_between", "[stdlib][time]") {
  CHECK(call("days_between", {S("2024-01-01"), S("2024-03-01")}) == "60");
  CHECK(call("days_between", {S("2023-01-01"), S("2023-03-01")}) == "59");
  CHECK(call("days_between", {S("2024-03-01"), S("2024-01-01")}) == "-60");
  CHECK(call("days_between", {S("2024-01-01T00:00:00Z"), S("2024-01-01T23:59:59Z")}) == "0");
  CHECK(call("days_between", {S("2024-01-01T12:00:00Z"), S("2024-01-01T00:00:00Z")}) == "-1");
  CHECK(call("days_between", {N(0), S("1970-01-11")}) == "10");
  CHECK(call("days_between", {Null(), S("2024-01-01")}) == "null");
  CHECK(call("days_between", {S("2024-01-01"), S("x")}) == R"(error: days_between: invalid RFC 3339 timestamp "x")");
  CHECK(literal_check("days_between", 1, S("x")) == R"(invalid RFC 3339 timestamp "x")");
}

TEST_CASE("duration reads short and ISO 8601 forms", "[stdlib][time]") {
  CHECK(dur("90d") == "7776000");
  CHECK(dur("12h") == "43200");
  CHECK(dur("30m") == "1800");
  CHECK(dur("45s") == "45");
  CHECK(dur("1h30m") == "5400");
  CHECK(dur("2w") == "1209600");
  CHECK(dur("1d12h") == "129600");
  CHECK(dur("1.5h") == "5400");
  CHECK(dur("0s") == "0");
  CHECK(dur("P90D") == "7776000");
  CHECK(dur("PT12H") == "43200");
  CHECK(dur("P1DT2H") == "93600");
  CHECK(dur("PT1H30M") == "5400");
  CHECK(dur("PT45S") == "45");
  CHECK(dur("P2W") == "1209600");
  CHECK(dur("pt1h") == "3600");
  CHECK(call("duration", {Null()}) == "null");
  CHECK(call("duration", {N(60)}) == "error: duration: expected string, got number");
}

TEST_CASE("duration rejects malformed text, also as a literal", "[stdlib][time]") {
  CHECK(dur("") == R"(error: duration: invalid duration "": empty duration)");
  CHECK(dur("90") == R"(error: duration: invalid duration "90": expected a number followed by a unit (w, d, h, m, s))");
  CHECK(dur("90x") == R"(error: duration: invalid duration "90x": unknown unit 'x' (use w, d, h, m or s))");
  CHECK(dur("1M") == R"(error: duration: invalid duration "1M": unknown unit 'M' (use w, d, h, m or s))");
  CHECK(dur("1m1h").ends_with("units must go from largest to smallest, each once"));
  CHECK(dur("1h1h").ends_with("units must go from largest to smallest, each once"));
  CHECK(dur("1.2.3h").ends_with("malformed number"));
  CHECK(dur("P1Y").ends_with("years and months have no fixed length; use days"));
  CHECK(dur("P1M").ends_with("years and months have no fixed length; use days"));
  CHECK(dur("P").ends_with("empty duration"));
  CHECK(dur("PT").ends_with("empty duration"));
  CHECK(dur("P1DT").ends_with("nothing after T"));
  CHECK(dur("P1H").ends_with("in ISO 8601, w and d come before T, h, m and s after it"));
  CHECK(dur("PT1D").ends_with("in ISO 8601, w and d come before T, h, m and s after it"));
  CHECK(dur("h").ends_with("expected a number followed by a unit (w, d, h, m, s)"));
  CHECK(literal_check("duration", 0, S("5x")) == R"(invalid duration "5x": unknown unit 'x' (use w, d, h, m or s))");
  CHECK(literal_check("duration", 0, S("P30D")) == "");
}
