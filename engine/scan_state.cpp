// The scan state file: JSON {"version": 1, "violations": [...]}, updated once per run and
// replaced atomically (write a temporary file, fsync, rename).
#include "engine/scan_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "loaders/loader.h"

namespace edict::engine {

namespace {

using nlohmann::json;

std::string iso(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool key_less(const StateEntry& a, const StateEntry& b) {
  return std::tie(a.rule, a.address) < std::tie(b.rule, b.address);
}

}  // namespace

ScanState read_state(const std::string& path) {
  ScanState state;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return state;
  std::string text = loaders::read_input(path);
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("violations") || !doc["violations"].is_array())
    throw loaders::InputError(path + ": not an edict state file (expected {\"version\": 1, \"violations\": [...]})");
  for (const json& v : doc["violations"]) {
    if (!v.is_object() || !v.contains("rule") || !v.contains("address"))
      throw loaders::InputError(path + ": a violation without rule or address");
    StateEntry e;
    try {  // value() throws type_error for a field of the wrong type (found by fuzz_state)
      e.rule = v.value("rule", "");
      e.address = v.value("address", "");
      e.severity = v.value("severity", "");
      e.first_seen = v.value("first_seen", "");
      e.last_seen = v.value("last_seen", "");
      e.resolved = v.value("resolved", "");
    } catch (const json::exception&) {
      throw loaders::InputError(path + ": a violation whose fields are not all strings: " + v.dump().substr(0, 200));
    }
    state.entries.push_back(std::move(e));
  }
  std::sort(state.entries.begin(), state.entries.end(), key_less);
  return state;
}

StateDelta update_state(ScanState& state, const Results& results, int64_t now_unix) {
  std::string now = iso(now_unix);
  StateDelta delta;
  std::set<std::pair<std::string, std::string>> failing;
  for (const Result& r : results.items) {
    if (r.status != Status::Fail) continue;
    StateEntry probe{r.rule->id, std::string(r.resource->address), r.rule->severity, now, now, ""};
    if (!failing.insert({probe.rule, probe.address}).second) continue;
    auto it = std::lower_bound(state.entries.begin(), state.entries.end(), probe, key_less);
    if (it != state.entries.end() && it->rule == probe.rule && it->address == probe.address) {
      if (it->resolved.empty()) {
        ++delta.persisting;
      } else {  // it came back: a new violation again
        ++delta.added;
        it->first_seen = now;
        it->resolved.clear();
      }
      it->last_seen = now;
      it->severity = probe.severity;
    } else {
      ++delta.added;
      state.entries.insert(it, probe);
    }
  }
  for (StateEntry& e : state.entries) {
    if (failing.count({e.rule, e.address}) != 0) {
      ++delta.open_by_severity[e.severity.empty() ? "none" : e.severity];
    } else if (e.resolved.empty()) {
      e.resolved = now;
      ++delta.resolved;
    }
  }
  return delta;
}

void write_state(const std::string& path, const ScanState& state) {
  json violations = json::array();
  for (const StateEntry& e : state.entries) {
    json v = {{"rule", e.rule}, {"address", e.address}, {"severity", e.severity},
              {"first_seen", e.first_seen}, {"last_seen", e.last_seen}};
    if (!e.resolved.empty()) v["resolved"] = e.resolved;
    violations.push_back(std::move(v));
  }
  std::string text = json{{"version", 1}, {"violations", violations}}.dump(2) + "\n";
  std::string temp = path + ".tmp." + std::to_string(getpid());
  auto fail = [&](const char* what) {
    std::string message = path + ": cannot " + what + " the state file: " + std::strerror(errno);
    ::unlink(temp.c_str());
    throw loaders::InputError(message);
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) fail("create");
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("flush");
  }
  ::close(fd);
  if (std::getenv("EDICT_STATE_CRASH_BEFORE_RENAME") != nullptr) std::_Exit(137);
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("replace");
}

std::string delta_line(const StateDelta& d) {
  std::string out = std::to_string(d.added) + " new, " + std::to_string(d.persisting) + " persisting, " +
                    std::to_string(d.resolved) + " resolved";
  if (d.open_by_severity.empty()) return out + "; nothing open";
  std::vector<std::pair<std::string, size_t>> open(d.open_by_severity.begin(), d.open_by_severity.end());
  std::stable_sort(open.begin(), open.end(),
                   [](const auto& a, const auto& b) { return severity_rank(a.first) > severity_rank(b.first); });
  out += "; open:";
  for (size_t i = 0; i < open.size(); ++i) out += (i ? ", " : " ") + open[i].first + " " + std::to_string(open[i].second);
  return out;
}

}  // namespace edict::engine
