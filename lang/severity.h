// The rule severity scale, defined once: the checker (E0304), the `--severity` and `--fail-on`
// options, the gate, the state summary and every report rank severities through this table.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace edict::lang {

// Lowest first: a severity's index is its rank (info 0 .. critical 4).
inline constexpr std::array<std::string_view, 5> kSeverities = {"info", "low", "medium", "high", "critical"};

// Rank of a severity name, or -1 when it is not one.
constexpr int severity_rank(std::string_view s) {
  for (size_t i = 0; i < kSeverities.size(); ++i) {
    if (s == kSeverities[i]) return static_cast<int>(i);
  }
  return -1;
}

// The scale as prose for messages: "info, low, medium, high, critical", or with `last` as the
// final joiner ("info, low, medium, high or critical").
inline std::string severity_list(std::string_view last = ", ") {
  std::string out;
  for (size_t i = 0; i < kSeverities.size(); ++i) {
    out += i == 0 ? "" : i + 1 == kSeverities.size() ? std::string(last) : std::string(", ");
    out += kSeverities[i];
  }
  return out;
}

// The names, for "did you mean" suggestions.
inline std::vector<std::string> severity_names() { return {kSeverities.begin(), kSeverities.end()}; }

}  // namespace edict::lang
