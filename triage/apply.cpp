// Globs, rule selection, applying waivers and a baseline to results, and the exit-code gate.
#include <algorithm>

#include "lang/diagnostics.h"
#include "model/resource.h"
#include "triage/triage.h"

namespace edict::triage {

bool is_glob(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matching with one backtrack point: the last `*` seen and where its run ends.
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

// Whether `pattern` (an id or a glob) names `id`.
bool names(const std::string& pattern, std::string_view id) {
  return is_glob(pattern) ? glob_match(pattern, id) : pattern == id;
}

bool check_patterns(const bytecode::Program& program, const std::vector<std::string>& patterns, const char* flag,
                    std::string& error) {
  std::vector<std::string> ids;
  for (const bytecode::Rule& r : program.rules) ids.push_back(r.id);
  for (const std::string& pattern : patterns) {
    if (std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return names(pattern, id); })) continue;
    if (is_glob(pattern)) {
      error = std::string(flag) + " '" + pattern + "' matches no rule";
    } else {
      std::string best = lang::did_you_mean(pattern, ids);
      error = "unknown rule id '" + pattern + "'" + (std::string(flag) == "--rule" ? "" : " in " + std::string(flag)) +
              (best.empty() ? "" : " (did you mean '" + best + "'?)");
    }
    return false;
  }
  return true;
}

// The resource's `arn` attribute when it is a known string: waivers may name a resource by ARN.
std::string_view arn_of(const model::Resource& r) {
  const Value* v = model::find_path(r.attrs, "arn");
  return v != nullptr && v->is_string() ? v->as_string() : std::string_view();
}

bool waiver_matches(const Waiver& w, const engine::Result& r) {
  if (!names(w.rule, r.rule->id)) return false;
  if (names(w.resource, r.resource->address)) return true;
  std::string_view arn = arn_of(*r.resource);
  return !arn.empty() && names(w.resource, arn);
}

// A waiver whose rule pattern names existing rules, none of which ran.
bool not_run(const Waiver& w, const RuleScope& scope) {
  auto named = [&](const std::string& id) { return names(w.rule, id); };
  return std::any_of(scope.all.begin(), scope.all.end(), named) &&
         std::none_of(scope.ran.begin(), scope.ran.end(), named);
}

}  // namespace

bool has_control(const bytecode::Rule& rule, const std::vector<std::string>& patterns) {
  return std::any_of(rule.controls.begin(), rule.controls.end(), [&](const std::string& c) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return names(p, c); });
  });
}

bool select_rules(const bytecode::Program& program, const RuleSelection& sel, std::vector<std::string>& ids,
                  std::string& error) {
  ids.clear();
  if (!check_patterns(program, sel.include, "--rule", error) || !check_patterns(program, sel.exclude, "--skip-rule", error)) {
    return false;
  }
  for (const std::string& pattern : sel.controls) {
    bool used = std::any_of(program.rules.begin(), program.rules.end(),
                            [&](const bytecode::Rule& r) { return has_control(r, {pattern}); });
    if (!used) {
      error = "--control '" + pattern + "' matches no control of any rule" +
              (is_glob(pattern) ? "" : " (controls are matched exactly unless the pattern has * or ?)");
      return false;
    }
  }
  for (const bytecode::Rule& r : program.rules) {
    auto named = [&](const std::string& p) { return names(p, r.id); };
    bool in = sel.include.empty() || std::any_of(sel.include.begin(), sel.include.end(), named);
    if (in && !sel.controls.empty()) in = has_control(r, sel.controls);
    if (in && std::none_of(sel.exclude.begin(), sel.exclude.end(), named)) ids.push_back(r.id);
  }
  if (ids.empty()) {
    error = sel.controls.empty() ? "--rule and --skip-rule leave no rule to run"
                                 : "--rule, --skip-rule and --control leave no rule to run";
    return false;
  }
  return true;
}

bool select_rules(const bytecode::Program& program, const std::vector<std::string>& include,
                  const std::vector<std::string>& exclude, std::vector<std::string>& ids, std::string& error) {
  return select_rules(program, RuleSelection{include, exclude, {}}, ids, error);
}

Outcome apply(engine::Results& results, const WaiverFile* waivers, const Baseline* baseline, int64_t now,
              const RuleScope* scope) {
  Outcome out;
  out.waivers = waivers;
  out.baseline = baseline;
  engine::Summary& sum = results.summary;
  if (waivers != nullptr) {
    std::vector<size_t> matched(waivers->waivers.size(), 0);
    for (engine::Result& r : results.items) {
      if (r.status != engine::Status::Fail && r.status != engine::Status::Unknown) continue;
      for (size_t i = 0; i < waivers->waivers.size(); ++i) {
        const Waiver& w = waivers->waivers[i];
        if (!waiver_matches(w, r)) continue;
        ++matched[i];
        if (now >= w.expires_at || r.waiver != nullptr) continue;
        (r.status == engine::Status::Fail ? sum.fail : sum.unknown)--;
        ++sum.waived;
        r.waived_status = r.status;
        r.status = engine::Status::Waived;
        r.waiver = &w;
      }
    }
    for (size_t i = 0; i < waivers->waivers.size(); ++i) {
      const Waiver& w = waivers->waivers[i];
      if (now >= w.expires_at) {
        out.expired.push_back(&w);
        out.expired_matches.push_back(matched[i]);
      } else if (matched[i] == 0) {
        (scope != nullptr && not_run(w, *scope) ? out.not_run : out.orphaned).push_back(&w);
      }
    }
  }
  if (baseline != nullptr) {
    std::vector<bool> seen(baseline->findings.size(), false);
    for (engine::Result& r : results.items) {
      if (r.status != engine::Status::Fail && r.status != engine::Status::Waived) continue;
      Finding f{r.rule->id, std::string(r.resource->address)};
      auto it = std::lower_bound(baseline->findings.begin(), baseline->findings.end(), f);
      bool known = it != baseline->findings.end() && *it == f;
      if (known) seen[static_cast<size_t>(it - baseline->findings.begin())] = true;
      if (r.status != engine::Status::Fail) continue;
      r.baselined = known;
      if (known) {
        ++sum.baselined;
      } else {
        ++out.new_failures;
      }
    }
    for (size_t i = 0; i < seen.size(); ++i) {
      if (!seen[i]) out.absent.push_back(baseline->findings[i]);
    }
  }
  return out;
}

bool blocks(const engine::Result& r, const GateOptions& gate) {
  if (r.status != engine::Status::Fail && r.status != engine::Status::Error) return false;
  if (r.baselined) return false;
  return engine::severity_rank(r.rule->severity) >= gate.fail_on;
}

int exit_code(const engine::Results& results, const GateOptions& gate) {
  if (gate.soft_fail) return 0;
  for (const engine::Result& r : results.items) {
    if (blocks(r, gate)) return 1;
  }
  return 0;
}

}  // namespace edict::triage
