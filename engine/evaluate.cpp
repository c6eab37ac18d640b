// The evaluation driver: dispatches rules by resource type, runs guard and asserts on the VM,
// and turns three-valued outcomes into statuses with messages and explanations.
#include "engine/evaluate.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <thread>
#include <unordered_map>

#include "engine/explain.h"
#include "engine/internal/address_order.h"
#include "engine/trace.h"
#include "lang/diagnostics.h"
#include "lang/severity.h"
#include "stdlib/builtins.h"
#include "vm/interpreter.h"
#include "vm/operators.h"

namespace edict::engine {

std::string_view status_name(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::Skip: return "skip";
    case Status::Unknown: return "unknown";
    case Status::Error: return "error";
    case Status::Waived: return "waived";
  }
  return "error";
}

void Summary::add(Status s) {
  switch (s) {
    case Status::Pass: ++pass; break;
    case Status::Fail: ++fail; break;
    case Status::Skip: ++skip; break;
    case Status::Unknown: ++unknown; break;
    case Status::Error: ++error; break;
    case Status::Waived: ++waived; break;
  }
}

int severity_rank(std::string_view s) { return lang::severity_rank(s); }

bool clock_from_env(int64_t& now, std::string& error) {
  const char* env = std::getenv("EDICT_NOW");
  now = static_cast<int64_t>(std::time(nullptr));
  if (env == nullptr || *env == '\0') return true;
  // The same parser as the timestamp() builtin: RFC 3339 with offsets, or Unix seconds.
  std::string text(env);
  bool digits = std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
  if (digits && text.size() < 19) {
    now = std::stoll(text);
    return true;
  }
  Arena arena;
  stdlib::CallContext ctx{arena, {}, 0};
  Value arg = Value::string(text);
  Value v = stdlib::builtins()[static_cast<size_t>(stdlib::find_builtin("timestamp"))].fn(ctx, {&arg, 1});
  if (!ctx.error.empty() || !v.is_number()) {
    error = "EDICT_NOW='" + text + "' is not an RFC 3339 timestamp or Unix seconds" +
            (ctx.error.empty() ? "" : " (" + ctx.error + ")");
    return false;
  }
  now = static_cast<int64_t>(v.as_number());
  return true;
}

int64_t default_now() {
  int64_t now = 0;
  std::string error;
  clock_from_env(now, error);
  return now;
}

namespace {

class RuleRunner {
 public:
  RuleRunner(const vm::Context& context, TraceMode trace, const vm::Budget& budget)
      : p_(context.program()), vm_(context), trace_(trace) {
    vm_.set_budget(budget);
  }

  Result run(const bytecode::Rule& rule, const model::Resource& r) {
    Result res = decide(rule, r);
    bool failed = res.status == Status::Fail || res.status == Status::Error;
    if (trace_ == TraceMode::All || (trace_ == TraceMode::Failures && failed)) {
      res.trace = trace_rule(vm_, rule, r, res.status);
    }
    return res;
  }

 private:
  Result decide(const bytecode::Rule& rule, const model::Resource& r) {
    vm_.reset();
    Result res;
    res.rule = &rule;
    res.resource = &r;
    Value v;
    if (rule.has_guard) {
      if (!vm_.run(rule.guard, &r, v)) return run_error(res);
      switch (vm::truth(v)) {
        case vm::Truth::False: res.status = Status::Skip; return res;
        case vm::Truth::Unknown:
          res.status = Status::Unknown;
          collect_unknowns(res);
          res.message = "whether the rule applies is known only after apply: " + join(res.unknown_paths) + " unknown";
          return res;
        case vm::Truth::NotBool:
          return error(res, "`when` must be a boolean, got " + std::string(kind_name(v.kind())), p_.spans[rule.guard.pc]);
        case vm::Truth::True: break;
      }
    }
    bool unknown = false;
    for (size_t i = 0; i < rule.asserts.size(); ++i) {
      const bytecode::Assert& a = rule.asserts[i];
      if (!vm_.run(a.entry, &r, v)) return run_error(res);
      vm::Truth t = vm::truth(v);
      if (t == vm::Truth::NotBool) {
        return error(res, "an assert must be a boolean, got " + std::string(kind_name(v.kind())) + ": " + a.text, a.span);
      }
      if (t == vm::Truth::Unknown) unknown = true;
      if (t == vm::Truth::False) return fail(res, rule, i);
    }
    if (unknown) {
      res.status = Status::Unknown;
      collect_unknowns(res);
      res.message = "cannot be decided before apply: " + join(res.unknown_paths) + " " +
                    (res.unknown_paths.size() == 1 ? "is" : "are") + " known only after apply";
      return res;
    }
    res.status = Status::Pass;
    return res;
  }

  static std::string join(const std::vector<std::string>& v) {
    if (v.empty()) return "a value";
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out;
  }

  std::string location(const lang::Span& span) const {
    return p_.sources ? lang::location(*p_.sources, span) : std::string();
  }

  void collect_unknowns(Result& res) {
    res.unknown_paths = vm_.unknown_paths();
  }

  // The VM's error; one from the budget also names the rule and the resource, since it is about
  // the pair rather than about the rule's logic, and the run goes on with the next pair.
  Result run_error(Result& res) {
    const vm::RunError& e = vm_.error();
    if (!e.budget) return error(res, e.message, e.span);
    return error(res, e.message + " in rule " + res.rule->id + " on " + std::string(res.resource->address), e.span);
  }

  Result error(Result& res, const std::string& message, const lang::Span& span) {
    res.status = Status::Error;
    res.location = location(span);
    res.message = "rule failed to run: " + message;
    res.why.push_back(res.location + ": " + message);
    return res;
  }

  Result fail(Result& res, const bytecode::Rule& rule, size_t index) {
    const bytecode::Assert& a = rule.asserts[index];
    res.status = Status::Fail;
    res.failed_assert = static_cast<int>(index);
    res.location = location(a.span);
    res.why = explain_failure(vm_, a, res.resource);
    const bytecode::Entry* msg = a.has_message ? &a.message : rule.has_message ? &rule.message : nullptr;
    Value m;
    if (msg != nullptr && vm_.run(*msg, res.resource, m) && m.is_string()) {
      res.message = std::string(m.as_string());
    } else {
      res.message = !rule.title.empty() ? rule.title : "rule " + rule.id + " failed";
      if (msg != nullptr && !m.is_string()) res.why.push_back("(the message template could not be rendered: " + vm_.error().message + ")");
    }
    return res;
  }

  const bytecode::Program& p_;
  vm::Interpreter vm_;
  TraceMode trace_;
};

}  // namespace

std::string no_verdict_reason(const bytecode::Rule& rule, const model::Resource& resource) {
  bool data = resource.mode == model::Mode::Data;
  if (std::find(rule.types.begin(), rule.types.end(), resource.type) == rule.types.end() || rule.data_sources != data) {
    std::string types;
    for (const std::string& t : rule.types) types += (types.empty() ? "" : ", ") + t;
    return "rule " + rule.id + " does not check " + (data ? "data " : "") + std::string(resource.type) +
           " resources (it checks " + (rule.data_sources ? "data " : "") + types + ")";
  }
  if (resource.action == model::Action::Delete || (!data && !resource.checked)) {
    return std::string(resource.address) + " is being destroyed: rules give it no verdict";
  }
  return "";
}

bool selects(const bytecode::Rule& rule, const EvalOptions& opts) {
  bool filtered = opts.rules_exact || !opts.rules.empty();
  if (filtered && std::find(opts.rules.begin(), opts.rules.end(), rule.id) == opts.rules.end()) return false;
  int min_rank = opts.min_severity.empty() ? -1 : severity_rank(opts.min_severity);
  return severity_rank(rule.severity) >= min_rank;
}

unsigned resolve_jobs(unsigned jobs) {
  if (jobs != 0) return jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

namespace {
// One rule to run on resources of one type, and the bucket (rule-id rank) its results go to.
struct Dispatch {
  const bytecode::Rule* rule;
  size_t bucket;
};
// The results of one chunk of consecutive resources (in address order), per bucket.
struct ChunkResults {
  std::vector<std::vector<Result>> buckets;
  Summary summary;
};
}  // namespace

Results evaluate(const bytecode::Program& program, const model::ResourceSet& resources, const EvalOptions& opts) {
  // Results come out sorted by rule id, then address, without sorting the results themselves:
  // resources are visited in address order (one sort of n resources) and each rule collects its
  // results in its own bucket, concatenated in rule-id order. With several threads each takes
  // whole chunks of that order; concatenating bucket by bucket, chunk by chunk, gives the same
  // sequence as one thread, so the output does not depend on the number of threads.
  std::vector<const bytecode::Rule*> rules_by_id;
  for (const bytecode::Rule& rule : program.rules) rules_by_id.push_back(&rule);
  std::stable_sort(rules_by_id.begin(), rules_by_id.end(),
                   [](const bytecode::Rule* a, const bytecode::Rule* b) { return a->id < b->id; });
  std::vector<size_t> rank(program.rules.size());
  for (size_t i = 0; i < rules_by_id.size(); ++i) rank[static_cast<size_t>(rules_by_id[i] - program.rules.data())] = i;
  // Dispatch table: type -> rules, managed and data separately.
  std::unordered_map<std::string_view, std::vector<Dispatch>> managed, data;
  for (size_t i = 0; i < program.rules.size(); ++i) {
    const bytecode::Rule& rule = program.rules[i];
    if (!selects(rule, opts)) continue;
    for (const std::string& t : rule.types) (rule.data_sources ? data : managed)[t].push_back({&rule, rank[i]});
  }
  const auto& all = resources.resources();
  // The checked resources some selected rule dispatches on, in address order, with their rules.
  std::vector<uint32_t> order = internal::address_order(all);  // linear when the input is in address order
  std::vector<std::pair<uint32_t, const std::vector<Dispatch>*>> work;
  for (uint32_t id : order) {
    const model::Resource& r = all[id];
    bool is_data = r.mode == model::Mode::Data;
    if (!is_data && !r.checked) continue;
    if (is_data && r.action == model::Action::Delete) continue;
    auto& table = is_data ? data : managed;
    auto it = table.find(r.type);
    if (it != table.end()) work.push_back({id, &it->second});
  }

  vm::Context context(program, resources, opts.now_unix != 0 ? opts.now_unix : default_now());
  unsigned jobs = static_cast<unsigned>(std::min<size_t>(resolve_jobs(opts.jobs), std::max<size_t>(work.size(), 1)));
  // Several chunks per thread, taken in turn, so that a thread given the expensive resources does
  // not leave the others idle; one chunk when there is one thread.
  size_t chunks = jobs == 1 ? 1 : std::min<size_t>(work.size(), size_t{jobs} * 16);
  std::vector<ChunkResults> parts(std::max<size_t>(chunks, 1));
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    RuleRunner runner(context, opts.trace, opts.budget);
    for (size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
      ChunkResults& part = parts[c];
      part.buckets.resize(rules_by_id.size());
      for (size_t w = work.size() * c / chunks, end = work.size() * (c + 1) / chunks; w < end; ++w) {
        const model::Resource& r = all[work[w].first];
        for (const Dispatch& d : *work[w].second) {
          part.buckets[d.bucket].push_back(runner.run(*d.rule, r));
          part.summary.add(part.buckets[d.bucket].back().status);
        }
      }
    }
  };
  if (jobs == 1) {
    worker();
  } else {
    // An engine failure (not a rule's error, which is a result) in a thread is rethrown here.
    std::vector<std::exception_ptr> failures(jobs);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
      threads.emplace_back([&, t]() {
        try {
          worker();
        } catch (...) {
          failures[t] = std::current_exception();
          next.store(chunks);  // the others stop after their current chunk
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& e : failures) {
      if (e) std::rethrow_exception(e);
    }
  }

  Results out;
  size_t total = 0;
  for (const ChunkResults& part : parts) {
    for (const auto& b : part.buckets) total += b.size();
    out.summary.pass += part.summary.pass;
    out.summary.fail += part.summary.fail;
    out.summary.skip += part.summary.skip;
    out.summary.unknown += part.summary.unknown;
    out.summary.error += part.summary.error;
  }
  out.items.reserve(total);
  for (size_t b = 0; b < rules_by_id.size(); ++b) {
    for (ChunkResults& part : parts) {
      if (b >= part.buckets.size()) continue;
      for (Result& r : part.buckets[b]) out.items.push_back(std::move(r));
    }
  }
  return out;
}

Result evaluate_one(const bytecode::Program& program, const model::ResourceSet& resources, const bytecode::Rule& rule,
                    const model::Resource& resource, const EvalOptions& opts) {
  vm::Context context(program, resources, opts.now_unix != 0 ? opts.now_unix : default_now());
  RuleRunner runner(context, opts.trace, opts.budget);
  return runner.run(rule, resource);
}

}  // namespace edict::engine
