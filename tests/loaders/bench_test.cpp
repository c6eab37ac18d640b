// Load-time benchmark, hidden from normal runs: `edict_loaders_tests "[.bench]"` with
// EDICT_BENCH_PLAN=path/to/plan.json. Prints the raw simdjson parse time beside the full load.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "loaders/internal/json_value.h"
#include "tests/loaders/test_util.h"

namespace edict::loaders {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_CASE("load time against the raw parse", "[.bench]") {
  const char* path = std::getenv("EDICT_BENCH_PLAN");
  if (path == nullptr) {
    WARN("set EDICT_BENCH_PLAN to a plan file");
    return;
  }
  double best_parse = 1e9, best_load = 1e9, best_finish = 1e9;
  size_t resources = 0, edges = 0;
  for (int round = 0; round < 3; ++round) {
    auto start = std::chrono::steady_clock::now();
    simdjson::padded_string text = simdjson::padded_string::load(path).value();
    simdjson::dom::parser parser = internal::make_parser();
    simdjson::dom::element root;
    REQUIRE(parser.parse(text).get(root) == simdjson::SUCCESS);
    best_parse = std::min(best_parse, seconds_since(start));

    model::ResourceSet set;
    start = std::chrono::steady_clock::now();
    load_file(set, path);
    best_load = std::min(best_load, seconds_since(start));
    start = std::chrono::steady_clock::now();
    set.finish();
    best_finish = std::min(best_finish, seconds_since(start));
    resources = set.resources().size();
    edges = set.edges().size();
  }
  std::cout << path << ": " << resources << " resources, " << edges << " edges; read+parse " << best_parse * 1e3
            << " ms, load_file " << best_load * 1e3 << " ms (" << best_load / best_parse << "x), finish "
            << best_finish * 1e3 << " ms\n";
}

}  // namespace
}  // namespace edict::loaders

namespace edict::loaders {
namespace {

// `edict_loaders_tests "[.dump]"` with EDICT_DUMP_PLAN=file: prints what the loader made of it.
TEST_CASE("dump resources and edges", "[.dump]") {
  const char* path = std::getenv("EDICT_DUMP_PLAN");
  if (path == nullptr) {
    WARN("set EDICT_DUMP_PLAN to a plan or state file");
    return;
  }
  model::ResourceSet set;
  Format f = load_file(set, path);
  set.finish();
  std::cout << format_name(f) << ": " << set.resources().size() << " resources\n";
  for (const model::Resource& r : set.resources()) {
    std::cout << r.address << "  " << model::action_name(r.action) << (r.checked ? "" : " (unchecked)") << "  "
              << to_display(r.attrs, 160) << "\n";
  }
  for (const model::Edge& e : set.edges()) {
    std::cout << "edge " << set.resources()[e.from].address << " ." << symbol_name(e.path) << " -> "
              << set.resources()[e.to].address << "\n";
  }
  for (const auto& [what, text] : set.notes) std::cout << "note " << what << ": " << text << "\n";
}

}  // namespace
}  // namespace edict::loaders
