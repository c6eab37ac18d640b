// The Cloud Custodian front end: a YAML file with a top-level `policies:` list becomes a
// lang::Module built in code (one rule per policy: matched resources fail, the others pass), which
// compiler::compile checks and lowers like DSL source. Used wherever rule files are read.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "lang/diagnostics.h"
#include "lang/source.h"

namespace edict::c7n {

// Whether a rule file is a Custodian policy file: c7n::is_policy_file (c7n/policy_file.h).

// The module for one policy file of `sources`; problems are E05xx diagnostics located in the YAML.
lang::Module build_module(const lang::SourceManager& sources, uint32_t file, lang::DiagnosticSink& sink);

// One module per file of `sources`, in order: policy files through build_module, the others
// parsed as DSL. Pass the result to compiler::compile.
std::vector<lang::Module> parse_modules(const lang::SourceManager& sources, lang::DiagnosticSink& sink);

}  // namespace edict::c7n
