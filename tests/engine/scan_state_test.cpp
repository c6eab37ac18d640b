// Continuous-scan state (engine/scan_state.cpp): a first run, a second run with one violation
// fixed and one new, a violation that comes back, and a run killed mid-write (the old state
// survives, whole).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/scan_state.h"
#include "loaders/loader.h"
#include "vm/bytecode.h"

using namespace edict;

namespace {

struct Fixture {
  bytecode::Rule high, critical;
  std::vector<model::Resource> resources{3};
  std::filesystem::path dir;
  std::string path;

  Fixture() {
    high.id = "R-HIGH";
    high.severity = "high";
    critical.id = "R-CRIT";
    critical.severity = "critical";
    resources[0].address = "arn:a";
    resources[1].address = "arn:b";
    resources[2].address = "arn:c";
    dir = std::filesystem::temp_directory_path() / ("edict-state-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    path = (dir / "state.json").string();
    std::filesystem::remove(path);
  }
  ~Fixture() { std::filesystem::remove_all(dir); }

  // Failures of (rule, resource index); everything else passes.
  engine::Results run(std::vector<std::pair<const bytecode::Rule*, int>> fails) {
    engine::Results out;
    for (auto [rule, i] : fails) {
      engine::Result r;
      r.rule = rule;
      r.resource = &resources[static_cast<size_t>(i)];
      r.status = engine::Status::Fail;
      out.items.push_back(r);
    }
    engine::Result pass;
    pass.rule = &high;
    pass.resource = &resources[2];
    out.items.push_back(pass);
    return out;
  }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("first run, then one violation fixed and one new") {
  Fixture f;
  engine::ScanState state = engine::read_state(f.path);  // missing file: empty state
  CHECK(state.entries.empty());
  auto d1 = engine::update_state(state, f.run({{&f.high, 0}, {&f.high, 1}}), 1767600000);
  CHECK(engine::delta_line(d1) == "2 new, 0 persisting, 0 resolved; open: high 2");
  engine::write_state(f.path, state);

  state = engine::read_state(f.path);
  REQUIRE(state.entries.size() == 2);
  auto d2 = engine::update_state(state, f.run({{&f.high, 0}, {&f.critical, 1}}), 1767686400);
  CHECK(engine::delta_line(d2) == "1 new, 1 persisting, 1 resolved; open: critical 1, high 1");
  engine::write_state(f.path, state);

  state = engine::read_state(f.path);
  REQUIRE(state.entries.size() == 3);
  const auto& kept = state.entries[1];  // sorted by (rule, address): R-CRIT b, R-HIGH a, R-HIGH b
  CHECK(kept.rule == "R-HIGH");
  CHECK(kept.address == "arn:a");
  CHECK(kept.first_seen == "2026-01-05T08:00:00Z");
  CHECK(kept.last_seen == "2026-01-06T08:00:00Z");
  CHECK(kept.resolved.empty());
  CHECK(state.entries[2].resolved == "2026-01-06T08:00:00Z");
  CHECK(state.entries[0].first_seen == "2026-01-06T08:00:00Z");

  // The fixed one comes back: new again, with a fresh first_seen.
  auto d3 = engine::update_state(state, f.run({{&f.high, 1}}), 1767772800);
  CHECK(engine::delta_line(d3) == "1 new, 0 persisting, 2 resolved; open: high 1");
  CHECK(state.entries[2].first_seen == "2026-01-07T08:00:00Z");
  CHECK(state.entries[2].resolved.empty());
}

TEST_CASE("a run killed before the rename leaves the old state whole") {
  Fixture f;
  engine::ScanState state;
  engine::update_state(state, f.run({{&f.high, 0}}), 1767600000);
  engine::write_state(f.path, state);
  std::string before = slurp(f.path);

  engine::update_state(state, f.run({{&f.high, 1}, {&f.critical, 2}}), 1767686400);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    setenv("EDICT_STATE_CRASH_BEFORE_RENAME", "1", 1);
    engine::write_state(f.path, state);
    std::_Exit(0);  // not reached: the write stops the process first
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 137);
  CHECK(slurp(f.path) == before);
  CHECK(engine::read_state(f.path).entries.size() == 1);
}

TEST_CASE("a file that is not a state file is refused, naming it") {
  Fixture f;
  std::ofstream(f.path) << "[1, 2]";
  try {
    engine::read_state(f.path);
    FAIL("no error");
  } catch (const loaders::InputError& e) {
    CHECK(std::string(e.what()).starts_with(f.path + ": not an edict state file"));
  }
}

TEST_CASE("a state file with a wrongly typed field is an InputError, not a crash") {
  Fixture f;
  std::ofstream(f.path) << R"({"violations":[{"rule":"","address":1}]})";
  CHECK_THROWS_AS(engine::read_state(f.path), loaders::InputError);
  std::ofstream(f.path) << R"({"violations":[{"rule":"R","address":"a","first_seen":[1]}]})";
  CHECK_THROWS_WITH(engine::read_state(f.path), Catch::Contains("fields are not all strings"));
}
