// Triage: what a run's results mean for CI. Rule selection by id or glob, waivers (YAML, with an
// owner and an expiry date), baselines (known failures) and the exit-code gate. Used by the CLI
// between engine::evaluate and the reports; report/ reads the marks it leaves on results.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluate.h"
#include "vm/bytecode.h"

namespace edict::triage {

// --- patterns ---

// A glob: `*` matches any run of characters (dots, slashes and colons included), `?` one
// character; every other character is literal, so `aws_instance.web[0]` and ARNs need no escaping.
bool glob_match(std::string_view pattern, std::string_view text);
bool is_glob(std::string_view s);

// --- rule selection (--rule, --skip-rule, --control) ---

// What a run selects rules by. Each list is ids or globs; an empty list does not restrict.
struct RuleSelection {
  std::vector<std::string> include;   // --rule: rule ids or globs
  std::vector<std::string> exclude;   // --skip-rule: rule ids or globs
  std::vector<std::string> controls;  // --control: control ids or globs (`CIS-*`, `CKV_AWS_1?`)
  bool empty() const { return include.empty() && exclude.empty() && controls.empty(); }
};

// Whether one of the rule's controls matches one of `patterns` (ids or globs).
bool has_control(const bytecode::Rule& rule, const std::vector<std::string>& patterns);

// The ids of the rules to run, in program order: those matching an `include` id or glob (all
// rules when `include` is empty), no `exclude` one and, when `controls` is given, having a
// control that matches one of `controls` (the lists combine with AND). An id or glob that matches
// no rule (or no rule's control), or a selection that leaves no rule, is an error (with a
// suggestion for a misspelt id).
bool select_rules(const bytecode::Program& program, const RuleSelection& selection, std::vector<std::string>& ids,
                  std::string& error);
bool select_rules(const bytecode::Program& program, const std::vector<std::string>& include,
                  const std::vector<std::string>& exclude, std::vector<std::string>& ids, std::string& error);

// --- waivers ---

// One accepted finding, as written in a waiver file.
struct Waiver {
  std::string rule;        // rule id or glob
  std::string resource;    // resource address, ARN or glob
  std::string reason;      // required, never empty
  std::string owner;       // optional
  std::string expires;     // YYYY-MM-DD as written; the waiver applies through that day (UTC)
  int64_t expires_at = 0;  // Unix seconds of the day after `expires`: from then on it no longer applies
  std::string file;
  int line = 0;  // 1-based line of the waiver's first key
  std::string where() const { return file + ":" + std::to_string(line); }
};

struct WaiverFile {
  std::string path;
  std::vector<Waiver> waivers;  // in file order: the first that matches a result waives it
};

// The waiver file read when --waivers is not given, if it exists in the current directory.
inline constexpr const char* kDefaultWaiverFile = ".edict-waivers.yaml";

// Reads a waiver file: `waivers:` followed by a list of mappings with the keys rule, resource,
// reason, expires and owner. Any problem (unreadable, not YAML, a missing or empty key, a bad
// date, an unknown key) sets `error` to "FILE:LINE:COL: message" and returns false.
bool load_waivers(const std::string& path, WaiverFile& out, std::string& error);
bool parse_waivers(const std::string& text, const std::string& name, WaiverFile& out, std::string& error);

// --- baselines ---

// A finding: a rule failing on a resource. Baselines compare findings, not messages, so that a
// reworded message does not make an old finding new.
struct Finding {
  std::string rule, resource;
  auto operator<=>(const Finding&) const = default;
};

struct Baseline {
  std::string path;
  std::vector<Finding> findings;  // sorted, unique
};

inline constexpr int kBaselineVersion = 1;

// The baseline file of a run: every `fail` result as {rule, resource}, sorted, in versioned JSON
// with no timestamp, so that re-creating an unchanged baseline gives the same bytes.
std::string render_baseline(const engine::Results& results);
// Reads a baseline file; a problem sets `error` ("FILE: message") and returns false.
bool load_baseline(const std::string& path, Baseline& out, std::string& error);
bool parse_baseline(const std::string& text, const std::string& name, Baseline& out, std::string& error);

// --- applying waivers and a baseline ---

// What applying waivers and a baseline found, besides the marks on the results.
struct Outcome {
  const WaiverFile* waivers = nullptr;  // null: no waiver file
  const Baseline* baseline = nullptr;   // null: no --baseline
  std::vector<const Waiver*> expired;   // expired waivers, in file order
  std::vector<size_t> expired_matches;  // parallel: fail/unknown results each would cover
  std::vector<const Waiver*> orphaned;  // unexpired waivers that matched no fail or unknown result
  std::vector<const Waiver*> not_run;   // unexpired waivers whose rules all exist but did not run
  std::vector<Finding> absent;          // baseline findings that no longer fail (nor are waived)
  size_t new_failures = 0;              // fail results not in the baseline
};

// Which rules exist and which of them ran (--rule, --skip-rule, --severity): an unused waiver
// for rules that exist but did not run is not orphaned, it was just not tested by this run.
struct RuleScope {
  std::vector<std::string> all, ran;
};

// Turns each `fail` and `unknown` result matched by an unexpired waiver into `waived` (naming
// the waiver; the first in file order wins), then marks each remaining `fail` found in the
// baseline. `error` results are never waived: they mean a rule could not check the resource.
// `now` is the evaluation clock (EDICT_NOW). Keeps results.summary in step. Without a scope
// every unused waiver is orphaned.
Outcome apply(engine::Results& results, const WaiverFile* waivers, const Baseline* baseline, int64_t now,
              const RuleScope* scope = nullptr);

// --- the gate ---

struct GateOptions {
  int fail_on = 0;         // severity rank (engine::severity_rank): only findings at or above it block
  bool soft_fail = false;  // never block (exit 0 even with failures)
};

// Whether a result blocks the run: `fail` or `error`, not in the baseline, of a rule whose
// severity is at least `fail_on`. Waived results have their own status and never block.
bool blocks(const engine::Result& r, const GateOptions& gate);

// The exit status of an evaluated run: 1 when some result blocks and soft_fail is off, else 0.
int exit_code(const engine::Results& results, const GateOptions& gate);

}  // namespace edict::triage
