// `edict custodian run|validate`: Cloud Custodian's command shapes over the c7n front end.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace edict::cli {

struct CustodianCommand {
  CLI::App* app = nullptr;
  CLI::App* run = nullptr;
  CLI::App* validate = nullptr;
  std::string output_dir;
  std::vector<std::string> paths;  // run: policy files and inputs, told apart by content
};

// Registers `custodian run` and `custodian validate` under `app`.
void add_custodian_command(CLI::App& app, CustodianCommand& cmd);
int run_custodian(const CustodianCommand& cmd);

}  // namespace edict::cli
