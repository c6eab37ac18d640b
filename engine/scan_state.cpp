// The scan state file: JSON {"version": 1, "violations": [...]}, updated once per run and
// replaced atomically (write a temporary file, fsync, rename).
#include "engine/scan_state.h"

#include <fcntl.h>
#include <signal.h>
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

#include "common/text.h"
#include "loaders/json_document.h"
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
  // Every problem is an error before evaluation, and a file edict cannot read is never rewritten.
  json doc = loaders::parse_json_document(text, path);
  auto bad = [&](const std::string& where, const char* expected, const json& found) {
    throw loaders::InputError(loaders::wrong_type(path, where, expected, found) +
                              " (an edict state file is {\"version\": 1, \"violations\": [...]})");
  };
  if (!doc.is_object()) {
    throw loaders::InputError(path + ": not an edict state file (expected {\"version\": 1, \"violations\": [...]}, found " +
                              loaders::json_type_name(doc) + ")");
  }
  auto version = doc.find("version");
  if (version == doc.end()) throw loaders::InputError(path + ": not an edict state file (no \"version\")");
  if (!version->is_number_integer() || version->get<int64_t>() != kStateVersion) {
    throw loaders::InputError(path + ": unsupported state file version " + text::printable(version->dump()) +
                              " (this edict reads version " + std::to_string(kStateVersion) + ")");
  }
  auto violations = doc.find("violations");
  if (violations == doc.end()) throw loaders::InputError(path + ": not an edict state file (no \"violations\")");
  if (!violations->is_array()) bad("violations", "an array", *violations);
  size_t i = 0;
  for (const json& v : *violations) {
    std::string where = "violations[" + std::to_string(i++) + "]";
    if (!v.is_object()) bad(where, "an object", v);
    StateEntry e;
    for (const char* key : {"rule", "address"}) {
      auto it = v.find(key);
      if (it == v.end()) throw loaders::InputError(path + ": " + where + ": missing \"" + key + "\"");
      if (!it->is_string()) bad(where + "." + key, "a string", *it);
    }
    e.rule = v["rule"].get<std::string>();
    e.address = v["address"].get<std::string>();
    e.severity = loaders::optional_string(v, "severity", path, where);
    e.first_seen = loaders::optional_string(v, "first_seen", path, where);
    e.last_seen = loaders::optional_string(v, "last_seen", path, where);
    e.resolved = loaders::optional_string(v, "resolved", path, where);
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

// Removes STATE.tmp.PID files that a writer killed before its rename left behind, but only those
// whose process is gone: a live PID may be another run writing right now.
void remove_stale_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  std::string prefix = p.filename().string() + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string digits = name.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid == getpid() || pid <= 0) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code rm;
    fs::remove(it->path(), rm);
  }
}

void write_state(const std::string& path, const ScanState& state) {
  remove_stale_temporaries(path);
  json violations = json::array();
  for (const StateEntry& e : state.entries) {
    json v = {{"rule", e.rule}, {"address", e.address}, {"severity", e.severity},
              {"first_seen", e.first_seen}, {"last_seen", e.last_seen}};
    if (!e.resolved.empty()) v["resolved"] = e.resolved;
    violations.push_back(std::move(v));
  }
  std::string text = json{{"version", kStateVersion}, {"violations", violations}}.dump(2) + "\n";
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
