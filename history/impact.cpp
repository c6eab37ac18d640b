// Impact of a rule change: compile each side's rules from its revision's blobs, evaluate only the
// changed rules over the inputs on both sides, and keep the verdicts that differ.
#include "history/impact.h"

#include <algorithm>
#include <map>
#include <set>

#include "compiler/compiler.h"
#include "lang/diagnostics.h"
#include "loaders/loader.h"

namespace edict::history {

namespace {

using Key = std::pair<std::string, std::string>;  // rule id, resource address

struct Side {
  std::unique_ptr<bytecode::Program> program;
  std::map<Key, const engine::Result*> results;
  engine::Results all;
};

// Compiles a snapshot's rules (each broken file as its last good version) into one program.
std::unique_ptr<bytecode::Program> compile_snapshot(const Snapshot& snap, const Revision& rev) {
  auto sources = std::make_shared<lang::SourceManager>();
  for (const ParsedFile* f : snap.good_files()) {
    // An emptied file is a removal for history, but an error (E0106) for the compiler.
    if (f->module.rules.empty() && f->module.defs.empty()) continue;
    sources->add(f->path, f->sources->file(0).text());
  }
  lang::DiagnosticSink sink;
  compiler::CompileResult result = compiler::compile(sources, sink);
  if (sink.has_errors() || !result.program) {
    throw HistoryError("the rules at " + rev.spec + " do not compile:\n" + lang::render_all(sink, *sources));
  }
  return std::move(result.program);
}

void run(Side& side, const Snapshot& snap, const Revision& rev, const std::vector<std::string>& ids,
         model::ResourceSet& set, int64_t now) {
  if (ids.empty()) return;  // EvalOptions::rules empty would mean every rule
  side.program = compile_snapshot(snap, rev);
  engine::EvalOptions opts;
  opts.rules = ids;
  opts.now_unix = now;
  side.all = engine::evaluate(*side.program, set, opts);
  for (const engine::Result& r : side.all.items) side.results[{r.rule->id, std::string(r.resource->address)}] = &r;
}

}  // namespace

ImpactResult impact(const DiffResult& diff, const std::vector<std::string>& inputs, int64_t now_unix) {
  ImpactResult out;
  std::vector<std::string> old_ids, new_ids;
  for (const RuleChange& c : diff.changes) {
    if (c.kind == ChangeKind::Move) continue;  // same meaning, same verdicts
    out.rules.push_back(c.rule.id);
    if (c.kind != ChangeKind::Add) old_ids.push_back(c.rule.id);
    if (c.kind != ChangeKind::Remove) new_ids.push_back(c.rule.id);
  }
  model::ResourceSet set;
  for (const std::string& input : inputs) loaders::load_file(set, input);
  set.finish();
  out.resources = set.resources().size();

  Side before, after;
  run(before, diff.before, diff.source, old_ids, set, now_unix);
  run(after, diff.after, diff.target, new_ids, set, now_unix);

  std::set<Key> keys;
  for (const auto& [k, _] : before.results) keys.insert(k);
  for (const auto& [k, _] : after.results) keys.insert(k);
  for (const Key& k : keys) {
    auto b = before.results.find(k);
    auto a = after.results.find(k);
    const engine::Result* old_r = b == before.results.end() ? nullptr : b->second;
    const engine::Result* new_r = a == after.results.end() ? nullptr : a->second;
    if (old_r != nullptr && new_r != nullptr && old_r->status == new_r->status) continue;
    const engine::Result* any = new_r != nullptr ? new_r : old_r;
    Flip f;
    f.rule = k.first;
    f.address = k.second;
    f.type = std::string(any->resource->type);
    f.input = any->resource->file < set.files().size() ? set.files()[any->resource->file] : "";
    if (old_r != nullptr) f.before = old_r->status;
    if (new_r != nullptr) f.after = new_r->status;
    f.message = any->message;
    out.flips.push_back(std::move(f));
  }
  return out;
}

}  // namespace edict::history
