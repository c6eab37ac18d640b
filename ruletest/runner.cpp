// Running rule tests: build each selected test's resources, check its expectations against the
// program (rule ids, addresses, types), evaluate, compare, and gather rule coverage.
#include <fnmatch.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "common/text.h"
#include "lang/diagnostics.h"
#include "ruletest/internal/fixture.h"

namespace edict::ruletest {

namespace {

using internal::at;

// Resource types some rule reads: its `on` types and the types it quantifies over or joins.
std::set<std::string, std::less<>> types_read(const bytecode::Program& p) {
  std::set<std::string, std::less<>> out;
  for (const bytecode::Rule& r : p.rules) out.insert(r.types.begin(), r.types.end());
  for (const bytecode::Instr& in : p.code) {
    if (in.op == bytecode::OpCode::RESOURCES) out.insert(p.strings[in.b]);
    if (in.op == bytecode::OpCode::REFERRERS || in.op == bytecode::OpCode::REFERENCED) out.insert(p.strings[in.a]);
  }
  return out;
}


// Orders "path:line:col: ..." messages by line and column.
void sort_by_position(const std::string& path, std::vector<std::string>& errors) {
  auto key = [&](const std::string& e) {
    std::pair<long, long> k{0, 0};
    if (e.compare(0, path.size() + 1, path + ":") == 0) {
      char* end = nullptr;
      k.first = std::strtol(e.c_str() + path.size() + 1, &end, 10);
      if (end != nullptr && *end == ':') k.second = std::strtol(end + 1, nullptr, 10);
    }
    return k;
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const std::string& a, const std::string& b) { return key(a) < key(b); });
}

class Runner {
 public:
  Runner(const bytecode::Program& p, const RunOptions& opts) : p_(p), opts_(opts), types_(types_read(p)) {
    for (const bytecode::Rule& r : p.rules) ids_.push_back(r.id);
  }

  CaseResult run(const TestFile& file, const TestCase& test) {
    CaseResult c{&file, &test, {}, {}};
    model::ResourceSet set;
    internal::build_fixture(file, test, set, c.errors);
    check_types(file, test, c.errors);
    std::vector<std::pair<const bytecode::Rule*, const model::Resource*>> targets;
    for (const Expectation& e : test.expect) targets.emplace_back(check(file, e, set, c.errors));
    if (!c.errors.empty()) {
      sort_by_position(file.path, c.errors);
      return c;
    }

    engine::EvalOptions eo;
    eo.now_unix = opts_.now_unix;
    eo.budget = opts_.budget;
    for (const Expectation& e : test.expect) {
      if (std::find(eo.rules.begin(), eo.rules.end(), e.rule) == eo.rules.end()) eo.rules.push_back(e.rule);
    }
    engine::Results results = engine::evaluate(p_, set, eo);
    std::map<std::pair<std::string_view, std::string_view>, const engine::Result*> by_key;
    for (const engine::Result& r : results.items) by_key[{r.rule->id, r.resource->address}] = &r;
    for (size_t i = 0; i < test.expect.size(); ++i) {
      const Expectation& e = test.expect[i];
      tested_.insert(e.rule);
      auto it = by_key.find({e.rule, e.address});
      const engine::Result* r = it == by_key.end() ? nullptr : it->second;
      if (r != nullptr && r->status == engine::Status::Fail)
        seen_false_.insert({e.rule, static_cast<size_t>(r->failed_assert)});
      if (r != nullptr && r->status == e.status) continue;
      Mismatch m;
      m.expected = e;
      if (r == nullptr) {
        m.message = "the rule gave no verdict: the resource is being destroyed or is not checked";
      } else {
        engine::EvalOptions traced;
        traced.now_unix = opts_.now_unix;
        traced.budget = opts_.budget;
        traced.trace = engine::TraceMode::All;
        engine::Result full = engine::evaluate_one(p_, set, *targets[i].first, *targets[i].second, traced);
        m.has_result = true;
        m.actual = r->status;
        m.message = r->message;
        m.why = r->why;
        m.trace = std::move(full.trace);
      }
      c.mismatches.push_back(std::move(m));
    }
    return c;
  }

  Coverage coverage() const {
    Coverage cov;
    cov.rules = p_.rules.size();
    for (const bytecode::Rule& r : p_.rules) {
      if (tested_.count(r.id) == 0) {
        cov.untested.push_back(r.id);
        continue;
      }
      for (size_t i = 0; i < r.asserts.size(); ++i) {
        ++cov.asserts;
        if (seen_false_.count({r.id, i}) == 0) cov.never_false.push_back({r.id, i, text::one_line(r.asserts[i].text)});
      }
    }
    return cov;
  }

 private:
  void check_types(const TestFile& file, const TestCase& test, std::vector<std::string>& errors) const {
    for (const InlineResource& ir : test.resources) {
      internal::Address a;
      if (!internal::parse_address(ir.address, a) || types_.count(a.type) != 0) continue;
      std::vector<std::string> known(types_.begin(), types_.end());
      std::string best = lang::did_you_mean(a.type, known);
      errors.push_back(at(file.path, ir.pos,
                          "unknown resource type '" + a.type + "': no rule under test reads it" +
                              (best.empty() ? "" : " (did you mean '" + best + "'?)")));
    }
  }

  // The rule and resource an expectation names, or an error.
  std::pair<const bytecode::Rule*, const model::Resource*> check(const TestFile& file, const Expectation& e,
                                                                 model::ResourceSet& set,
                                                                 std::vector<std::string>& errors) const {
    const bytecode::Rule* rule = p_.find_rule(e.rule);
    if (rule == nullptr) {
      std::string best = lang::did_you_mean(e.rule, ids_);
      errors.push_back(
          at(file.path, e.rule_pos,
             "unknown rule id '" + e.rule + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)")));
    }
    const model::Resource* res = set.by_address(e.address);
    if (res == nullptr) {
      std::vector<std::string> addresses;
      for (const model::Resource& r : set.resources()) addresses.emplace_back(r.address);
      std::string best = lang::did_you_mean(e.address, addresses);
      errors.push_back(
          at(file.path, e.address_pos,
             "no resource '" + e.address + "' in this test" + (best.empty() ? "" : " (did you mean '" + best + "'?)")));
    }
    if (rule == nullptr || res == nullptr) return {nullptr, nullptr};
    if (std::string why = engine::no_verdict_reason(*rule, *res); !why.empty()) {
      errors.push_back(at(file.path, e.address_pos, why));
    }
    return {rule, res};
  }

  const bytecode::Program& p_;
  const RunOptions& opts_;
  std::set<std::string, std::less<>> types_;
  std::vector<std::string> ids_;
  std::set<std::string> tested_;
  std::set<std::pair<std::string, size_t>> seen_false_;
};

}  // namespace

bool name_matches(std::string_view pattern, std::string_view name) {
  if (pattern.empty()) return true;
  if (pattern.find_first_of("*?[") == std::string_view::npos) return name.find(pattern) != std::string_view::npos;
  return fnmatch(std::string(pattern).c_str(), std::string(name).c_str(), 0) == 0;
}

int RunResult::exit_code() const {
  if (!bad_files.empty() || errored > 0) return 2;
  return failed > 0 ? 1 : 0;
}

RunResult run_tests(const bytecode::Program& program, const std::vector<std::string>& test_files,
                    const RunOptions& opts) {
  RunResult out;
  for (const std::string& path : test_files) {
    TestFile f;
    std::string error;
    if (load_test_file(path, f, error)) {
      out.files.push_back(std::move(f));
    } else {
      out.bad_files.emplace_back(path, error);
    }
  }
  // out.files no longer changes: results point into it.
  Runner runner(program, opts);
  for (const TestFile& f : out.files) {
    for (const TestCase& t : f.tests) {
      if (!name_matches(opts.pattern, t.name)) continue;
      out.cases.push_back(runner.run(f, t));
      const CaseResult& c = out.cases.back();
      ++(!c.errors.empty() ? out.errored : c.mismatches.empty() ? out.passed : out.failed);
    }
  }
  out.coverage = runner.coverage();
  return out;
}

}  // namespace edict::ruletest
