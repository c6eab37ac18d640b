// The floor for plan evaluation: read a JSON file and parse it once with simdjson's DOM parser.
// bench/run.sh compares `edict evaluate` with this program; nothing here depends on edict_core.
//
// usage: edict_bench_parse [-n REPEAT] FILE
// Prints the best of REPEAT runs (load + parse, load alone, parse alone), the throughput, and the
// number of resource_changes (counted after the timing, so that bench/run.sh can report it).
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int usage() {
  std::fprintf(stderr, "usage: edict_bench_parse [-n REPEAT] FILE\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
      if (repeat < 1) return usage();
    } else if (argv[i][0] == '-' || path != nullptr) {
      return usage();
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) return usage();

  // One parser for all repetitions, as a long-running process would keep it: the first run pays
  // for the allocation of its buffers, later runs reuse them.
  simdjson::dom::parser parser;
  double best_total = std::numeric_limits<double>::infinity();
  double best_load = best_total;
  double best_parse = best_total;
  size_t bytes = 0;
  simdjson::dom::element root;  // the DOM owns its strings, so it outlives the input buffer
  for (int run = 0; run < repeat; ++run) {
    auto start = Clock::now();
    simdjson::padded_string json;
    if (auto error = simdjson::padded_string::load(path).get(json)) {
      std::fprintf(stderr, "edict_bench_parse: %s: %s\n", path, simdjson::error_message(error));
      return 2;
    }
    double load = seconds_since(start);
    auto parse_start = Clock::now();
    if (auto error = parser.parse(json).get(root)) {
      std::fprintf(stderr, "edict_bench_parse: %s: %s\n", path, simdjson::error_message(error));
      return 2;
    }
    double parse = seconds_since(parse_start);
    double total = seconds_since(start);
    bytes = json.size();
    if (total < best_total) best_total = total;
    if (load < best_load) best_load = load;
    if (parse < best_parse) best_parse = parse;
  }

  // Count resource_changes from the last parse (outside the timed region).
  size_t resources = 0;
  simdjson::dom::array changes;
  if (root["resource_changes"].get(changes) == simdjson::SUCCESS) {
    for ([[maybe_unused]] simdjson::dom::element change : changes) ++resources;
  }

  std::printf("best of %d: %.6f s (load %.6f s, parse %.6f s), %zu bytes, %.2f GB/s parse, "
              "resource_changes=%zu\n",
              repeat, best_total, best_load, best_parse, bytes,
              best_parse > 0 ? static_cast<double>(bytes) / best_parse / 1e9 : 0.0, resources);
  return 0;
}
