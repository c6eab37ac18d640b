// Evaluation: a bytecode::Program over a model::ResourceSet gives Results, one per (rule,
// resource) that the rule selects. Made by the CLI, the REPL and tests; read by report/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/resource.h"
#include "vm/budget.h"
#include "vm/bytecode.h"

namespace edict::triage {
struct Waiver;
}

namespace edict::engine {

// Waived is never produced by evaluate(): triage::apply turns fail and unknown into it.
enum class Status : uint8_t { Pass, Fail, Skip, Unknown, Error, Waived };
std::string_view status_name(Status s);

struct Result {
  const bytecode::Rule* rule = nullptr;
  const model::Resource* resource = nullptr;
  Status status = Status::Pass;
  std::string message;                     // the rule's message (rendered template) or the reason
  std::vector<std::string> why;            // explanation lines for fail / unknown / error
  std::vector<std::string> unknown_paths;  // attribute paths whose unknown values decided `unknown`
  int failed_assert = -1;                  // index into rule->asserts for fail
  std::string location;                    // file:line:col of the failing assert or run-time error
  std::vector<std::string> trace;          // evaluation trace lines (EvalOptions::trace)
  // Set after evaluation by triage::apply (triage/triage.h); reports read them.
  const triage::Waiver* waiver = nullptr;  // for Waived: the waiver that applies
  Status waived_status = Status::Fail;     // for Waived: the status before the waiver
  bool baselined = false;                  // a fail listed in the --baseline file
};

struct Summary {
  size_t pass = 0, fail = 0, skip = 0, unknown = 0, error = 0, waived = 0;
  size_t baselined = 0;  // how many of the `fail` results are in the baseline (triage::apply)
  void add(Status s);
};

struct Results {
  std::vector<Result> items;  // sorted by rule id, then resource address
  Summary summary;
};

// Which results get an evaluation trace (engine/trace.h), made by running them once more with a
// listener; results without one cost nothing extra.
enum class TraceMode : uint8_t { Off, Failures, All };  // Failures: fail and error results

struct EvalOptions {
  std::vector<std::string> rules;  // only these rule ids (empty: all, unless rules_exact)
  bool rules_exact = false;        // `rules` is the whole selection even when empty (--changed-since)
  std::string min_severity;        // only rules at or above this severity (empty: all)
  int64_t now_unix = 0;            // the clock for time builtins (0: wall clock or EDICT_NOW)
  TraceMode trace = TraceMode::Off;
  vm::Budget budget;  // per (rule, resource) evaluation: --max-steps, --max-memory
  // Evaluation threads (--jobs): 0 means one per core. The results are the same, in the same
  // order, whatever the number: resources are split into chunks in address order and the chunks'
  // results are merged back in that order.
  unsigned jobs = 1;
};

// The number of evaluation threads `jobs` asks for (0: the number of cores, at least 1).
unsigned resolve_jobs(unsigned jobs);

// Why `rule` gives `resource` no verdict ("rule X does not check ... resources", "... is being
// destroyed"), or "" when it does. The one test behind explain, the REPL's :why and rule tests.
std::string no_verdict_reason(const bytecode::Rule& rule, const model::Resource& resource);

// Whether `opts` selects `rule` (its id list and minimum severity).
bool selects(const bytecode::Rule& rule, const EvalOptions& opts);

// Runs every selected rule over every checked resource of the rule's types.
// `resources` must be finished (model::ResourceSet::finish); it is only read, by opts.jobs threads.
Results evaluate(const bytecode::Program& program, const model::ResourceSet& resources, const EvalOptions& opts = {});

// Runs one rule on one resource, whether or not the rule selects its type (for `edict explain`,
// the test runner and the REPL). `opts.rules` and `opts.min_severity` are ignored.
Result evaluate_one(const bytecode::Program& program, const model::ResourceSet& resources, const bytecode::Rule& rule,
                    const model::Resource& resource, const EvalOptions& opts = {});

// The evaluation clock: EDICT_NOW (RFC 3339 or Unix seconds) when set, else the wall clock.
// clock_from_env reports an invalid EDICT_NOW; default_now falls back to the wall clock.
bool clock_from_env(int64_t& now, std::string& error);
int64_t default_now();

// Rank of a severity name (info 0 .. critical 4), or -1: lang::severity_rank (lang/severity.h).
int severity_rank(std::string_view s);

}  // namespace edict::engine
