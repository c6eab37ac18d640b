// Kill safety of the scan state file (`evaluate --state`): a writer killed with SIGKILL at random
// points leaves the old state or the new one, never a torn file, and a state or waiver file that
// edict cannot parse is never overwritten.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "engine/scan_state.h"
#include "loaders/loader.h"

namespace fs = std::filesystem;

namespace {

std::string edict_binary() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "edict";
  return !ec && fs::exists(exe, ec) ? exe.string() : std::string();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// Runs edict with `args` (stdout and stderr discarded), killing it with SIGKILL after `delay`
// unless it has finished; returns the exit status, or -1 when it was killed.
int run(const std::vector<std::string>& args, std::chrono::microseconds delay = std::chrono::microseconds::max()) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    setenv("EDICT_NOW", "2026-01-01T00:00:00Z", 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (delay != std::chrono::microseconds::max()) {
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
  }
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return -1;
  return WEXITSTATUS(status);
}

struct Dir {
  fs::path path = fs::temp_directory_path() / ("edict-kill-" + std::to_string(getpid()));
  Dir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("evaluate --state: killed at random points, the state file is always whole") {
  std::string exe = edict_binary();
  if (exe.empty()) {
    WARN("skipped: no edict binary next to the tests");
    return;
  }
  Dir dir;
  std::string plan = std::string(EDICT_SOURCE_DIR) + "/examples/plan.json";
  std::string state = (dir.path / "state.json").string();
  REQUIRE(run({exe, "evaluate", "--soft-fail", "--state", state, plan}) == 0);
  std::string first = slurp(state);
  REQUIRE_NOTHROW(edict::engine::read_state(state));

  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(run({exe, "evaluate", "--soft-fail", "--state", state, plan}) == 0);
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);

  std::mt19937 rng(1203);
  std::uniform_int_distribution<int64_t> when(0, std::max<int64_t>(1, full.count() + full.count() / 4));
  for (int round = 0; round < 25; ++round) {
    run({exe, "evaluate", "--soft-fail", "--state", state, plan}, std::chrono::microseconds(when(rng)));
    INFO("round " << round);
    // The file parses, and the next run accepts it.
    REQUIRE_NOTHROW(edict::engine::read_state(state));
    REQUIRE(run({exe, "evaluate", "--soft-fail", "--state", state, plan}) == 0);
  }
  CHECK(slurp(state).size() == first.size());  // same violations, same shape
}

TEST_CASE("a state or waiver file edict cannot parse is never overwritten") {
  std::string exe = edict_binary();
  if (exe.empty()) {
    WARN("skipped: no edict binary next to the tests");
    return;
  }
  Dir dir;
  std::string plan = std::string(EDICT_SOURCE_DIR) + "/examples/plan.json";
  fs::path state = dir.path / "state.json";
  for (const std::string& bad : {std::string("{\"version\": 1, \"violations\": ["), std::string("not json at all"),
                                 std::string("\x00\x01\x02", 3), std::string()}) {
    write(state, bad);
    if (bad.empty()) continue;  // an empty file: tested below with the waivers
    CHECK(run({exe, "evaluate", "--soft-fail", "--state", state.string(), plan}) == 2);
    CHECK(slurp(state) == bad);
  }
  fs::path waivers = dir.path / "waivers.yaml";
  std::string bad_waivers = "waivers:\n  - rule: [unclosed\n";
  write(waivers, bad_waivers);
  CHECK(run({exe, "evaluate", "--soft-fail", "--waivers", waivers.string(), plan}) == 2);
  CHECK(run({exe, "evaluate", "--soft-fail", "--waivers", waivers.string(), "--state", (dir.path / "s2.json").string(), plan}) == 2);
  CHECK(slurp(waivers) == bad_waivers);
  CHECK_FALSE(fs::exists(dir.path / "s2.json"));  // nothing was advanced either
}
