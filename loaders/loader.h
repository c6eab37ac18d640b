// Input loading: detects the format of each input (Terraform plan, Terraform state, ...) and
// normalizes it into a model::ResourceSet. Used by the CLI, the REPL, tests and benchmarks.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/resource.h"

namespace edict::loaders {

// Bad input (unreadable, malformed, not a known format, unsupported version). The message says
// where and what: "plan.json:12:5: expected ',' or '}'" or "plan.json: unsupported format_version 2.0".
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadOptions {
  // Mark data sources as checked (rules still have to select them with `on data T`).
  bool check_data_sources = false;
};

enum class Format { Plan, State, Config, Custodian, Unknown };
std::string_view format_name(Format f);

// Reads `path` ("-" for stdin), detects its format and appends its resources to `set`.
// Throws InputError. Call set.finish() after the last input.
Format load_file(model::ResourceSet& set, const std::string& path, const LoadOptions& opts = {});

// As load_file, from text already in memory; `name` is used in messages and results.
Format load_text(model::ResourceSet& set, std::string_view text, const std::string& name,
                 const LoadOptions& opts = {});

// Every input is read with a bound, so that a huge file or an endless device (/dev/zero) is an
// error and not an exhausted memory. The default fits any real plan or snapshot.
constexpr uint64_t kDefaultMaxInputSize = uint64_t{2} << 30;  // 2 GiB
void set_max_input_size(uint64_t bytes);
uint64_t max_input_size();
// "1048576", "512K", "100M", "2G" (also KiB, MiB, GiB) -> bytes; false when malformed or zero.
bool parse_size(std::string_view text, uint64_t& out);

// The one reader of every file edict reads (plans, snapshots, rules, waivers, baselines, state,
// events, test files, fixtures). Reads a whole file ("-" for stdin) and returns UTF-8 text: a UTF-8 BOM is dropped and UTF-16
// (with BOM) is converted. Throws InputError when it cannot be read.
std::string read_input(const std::string& path);

}  // namespace edict::loaders
