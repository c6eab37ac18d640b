// Reading waiver files (yaml-cpp). Every problem names the file, line and column of the YAML node
// at fault, because a waiver file is edited by hand and reviewed like code.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "lang/diagnostics.h"
#include "loaders/loader.h"
#include "triage/triage.h"

namespace edict::triage {

namespace {

struct BadWaiver {
  int line = 0, column = 0;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node& n, std::string message) {
  YAML::Mark m = n.Mark();
  throw BadWaiver{m.is_null() ? 0 : m.line + 1, m.is_null() ? 0 : m.column + 1, std::move(message)};
}

std::string position(const std::string& file, int line, int column) {
  if (line <= 0) return file;
  return lang::location(file, static_cast<size_t>(line), static_cast<size_t>(column));
}

// Days since 1970-01-01 of a proleptic Gregorian date (year, month 1-12, day 1-31).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2 ? 1 : 0;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;                                   // [0, 399]
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365], the year starting in March
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "YYYY-MM-DD" (a real calendar date) to days since the epoch.
bool parse_date(const std::string& s, int64_t& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int64_t y = std::stoll(s.substr(0, 4)), m = std::stoll(s.substr(5, 2)), d = std::stoll(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  if (d > kDays[m - 1] + (m == 2 && leap(y) ? 1 : 0)) return false;
  days = days_from_civil(y, m, d);
  return true;
}

const std::vector<std::string>& waiver_keys() {
  static const std::vector<std::string> keys = {"rule", "resource", "reason", "expires", "owner"};
  return keys;
}

std::string unknown_key(const std::string& key, const std::vector<std::string>& keys, const std::string& where) {
  std::string best = lang::did_you_mean(key, keys);
  std::string list;
  for (const std::string& k : keys) list += (list.empty() ? "" : ", ") + k;
  return "unknown key '" + key + "' in " + where +
         (best.empty() ? " (keys: " + list + ")" : " (did you mean '" + best + "'?)");
}

Waiver read_waiver(const YAML::Node& n, const std::string& file) {
  if (!n.IsMap()) fail(n, "a waiver is a mapping with the keys rule, resource, reason and expires (owner is optional)");
  Waiver w;
  w.file = file;
  w.line = n.Mark().is_null() ? 0 : n.Mark().line + 1;
  std::set<std::string> seen;
  for (const auto& kv : n) {
    std::string key = kv.first.Scalar();
    const auto& keys = waiver_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) fail(kv.first, unknown_key(key, keys, "a waiver"));
    if (!seen.insert(key).second) fail(kv.first, "duplicate key '" + key + "' in a waiver");
    const YAML::Node& v = kv.second;
    if (!v.IsScalar() || v.Scalar().empty()) {
      fail(kv.first, "'" + key + "' must be a non-empty string");
    }
    std::string text = v.Scalar();
    if (key == "rule") w.rule = text;
    if (key == "resource") w.resource = text;
    if (key == "reason") w.reason = text;
    if (key == "owner") w.owner = text;
    if (key == "expires") {
      int64_t days = 0;
      if (!parse_date(text, days)) fail(v, "'expires' must be a date YYYY-MM-DD, got '" + text + "'");
      w.expires = text;
      w.expires_at = (days + 1) * 86400;  // the waiver covers the whole of its last day
    }
  }
  for (const char* key : {"rule", "resource", "reason", "expires"}) {
    if (seen.count(key) != 0) continue;
    std::string why = std::string(key) == "reason"    ? " (why the finding is accepted)"
                      : std::string(key) == "expires" ? " (a date YYYY-MM-DD: every waiver must end)"
                                                      : " (an id, address or glob)";
    fail(n, "a waiver without '" + std::string(key) + "'" + why);
  }
  return w;
}

}  // namespace

bool parse_waivers(const std::string& text, const std::string& name, WaiverFile& out, std::string& error) {
  out.path = name;
  out.waivers.clear();
  try {
    YAML::Node root = YAML::Load(text);
    if (!root || root.IsNull()) return true;  // an empty file waives nothing
    if (!root.IsMap()) fail(root, "a waiver file is a mapping with one key, 'waivers' (a list of waivers)");
    for (const auto& kv : root) {
      if (kv.first.Scalar() != "waivers") fail(kv.first, unknown_key(kv.first.Scalar(), {"waivers"}, "a waiver file"));
    }
    YAML::Node list = root["waivers"];
    if (!list || list.IsNull()) return true;
    if (!list.IsSequence()) fail(list, "'waivers' must be a list of waivers");
    for (const YAML::Node& w : list) out.waivers.push_back(read_waiver(w, name));
    return true;
  } catch (const BadWaiver& b) {
    error = position(name, b.line, b.column) + ": " + b.message;
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp gives it the message "bad file"
    error = position(name, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.column + 1) +
            ": not valid YAML: nesting is too deep for the YAML reader";
  } catch (const YAML::Exception& e) {
    error = position(name, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.column + 1) + ": not valid YAML: " + e.msg;
  }
  out.waivers.clear();
  return false;
}

bool load_waivers(const std::string& path, WaiverFile& out, std::string& error) {
  std::string text;
  try {
    text = loaders::read_input(path);
  } catch (const loaders::InputError& e) {
    error = std::string("cannot read the waiver file: ") + e.what();
    return false;
  }
  return parse_waivers(text, path, out, error);
}

}  // namespace edict::triage
