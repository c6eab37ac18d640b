// Rule meaning: the canonical form of each rule's AST, split into parts and hashed, so that
// comments, layout and bound-variable names never count as changes and a def counts by its body.
#include <algorithm>
#include <charconv>
#include <set>

#include "common/text.h"
#include "compiler/compiler.h"
#include "history/history.h"
#include "history/internal/git.h"
#include "lang/diagnostics.h"
#include "lang/parser.h"
#include "stdlib/builtins.h"

namespace edict::history {

using lang::Expr;
using lang::ExprKind;

namespace {

std::string short_hash(const std::string& canonical) { return internal::hash_hex(canonical).substr(0, 16); }

// Writes expressions in a canonical prefix form, reading what each name and call means from the
// checked program (so exactly as the compiler resolved it). Bound names (def parameters,
// quantifier and comprehension variables) become their slot, which is their binding depth, so
// renaming one changes nothing; calls to defs become the hash of the def's own canonical form.
class Canonicalizer {
 public:
  explicit Canonicalizer(const compiler::CheckedProgram& checked) : checked_(checked) {}

  std::string expr(const Expr* e) {
    std::string out;
    if (e != nullptr) write(out, *e);
    return out;
  }

 private:
  // The hash of a def's meaning: arity and body, with the defs it calls resolved in turn.
  std::string def_hash(uint32_t index) {
    if (auto it = memo_.find(index); it != memo_.end()) return it->second;
    const lang::DefDecl& d = *checked_.defs[index].decl;
    if (!active_.insert(index).second) return "(recursive " + d.name + ")";  // an error anyway
    std::string body = "(def " + std::to_string(d.params.size()) + " ";
    if (d.body) write(body, *d.body);
    body += ")";
    active_.erase(index);
    return memo_[index] = short_hash(body);
  }

  void kids(std::string& out, const Expr& e, size_t from = 0) {
    for (size_t i = from; i < e.kids.size(); ++i) {
      out += ' ';
      if (e.kids[i]) {
        write(out, *e.kids[i]);
      } else {
        out += '_';
      }
    }
  }

  void write(std::string& out, const Expr& e) {
    switch (e.kind) {
      case ExprKind::Null: out += "null"; return;
      case ExprKind::Bool: out += e.boolean ? "true" : "false"; return;
      case ExprKind::Number: {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, e.number);
        out.append(buf, r.ptr);
        return;
      }
      case ExprKind::String: text::append_json_string(out, e.text); return;
      case ExprKind::Self: out += "self"; return;
      case ExprKind::Name: {
        auto it = checked_.names.find(e.id);
        if (it != checked_.names.end() && it->second.kind == compiler::NameRes::Kind::Local) {
          out += "$" + std::to_string(it->second.slot);
          return;
        }
        // Unresolved only inside a def, where it is an error the compiler reports.
        out += it == checked_.names.end() ? "(name " : "(attr ";
        out += e.text + ")";
        return;
      }
      case ExprKind::Call: {
        using Kind = compiler::CallRes::Kind;
        auto it = checked_.calls.find(e.id);
        if (it != checked_.calls.end() && (it->second.kind == Kind::Resources || it->second.kind == Kind::Data)) {
          out += "(";
          out += stdlib::builtins()[it->second.index].name;
          out += " " + it->second.type + ")";
          return;
        }
        if (it != checked_.calls.end() && it->second.kind == Kind::Def) {
          out += "(def " + def_hash(it->second.index);
        } else {
          out += "(call " + e.text;  // a builtin (or an unknown function: the compiler reports it)
        }
        kids(out, e);
        out += ')';
        return;
      }
      case ExprKind::Quantifier:
      case ExprKind::Comprehension: {
        out += '(';
        out += e.kind == ExprKind::Comprehension ? "for" : lang::quant_text(e.quant);
        out += ' ';
        if (e.kids.empty() || !e.kids[0]) {
          out += "_)";
          return;
        }
        write(out, *e.kids[0]);
        out += " " + std::to_string(e.var2.empty() ? 1 : 2);
        kids(out, e, 1);
        out += ')';
        return;
      }
      case ExprKind::Object:
        out += "(object";
        for (size_t i = 0; i < e.kids.size(); ++i) {
          out += ' ';
          text::append_json_string(out, i < e.keys.size() ? e.keys[i] : std::string());
          out += ' ';
          if (e.kids[i]) write(out, *e.kids[i]);
        }
        out += ')';
        return;
      case ExprKind::Template: out += "(template"; break;
      case ExprKind::List: out += "(list"; break;
      case ExprKind::Meta: out += "(@" + e.text; break;
      case ExprKind::Member: out += "(. " + e.text; break;
      case ExprKind::Index: out += "(index"; break;
      case ExprKind::Unary:
      case ExprKind::Binary: out += std::string("(") + lang::op_text(e.op); break;
      case ExprKind::If: out += "(if"; break;
    }
    kids(out, e);
    out += ')';
  }

  const compiler::CheckedProgram& checked_;
  std::map<uint32_t, std::string> memo_;  // def index -> hash
  std::set<uint32_t> active_;
};

Fingerprint fingerprint(const lang::RuleDecl& r, const lang::Module& m, Canonicalizer& canon) {
  Fingerprint fp;
  // Metadata: keys in any order, `controls` as a set, then the messages.
  std::vector<std::pair<std::string, std::vector<std::string>>> meta;
  for (const lang::MetaField& f : r.meta) {
    std::vector<std::string> values = f.values;
    if (f.key == "controls") std::sort(values.begin(), values.end());
    meta.emplace_back(f.key, std::move(values));
  }
  std::sort(meta.begin(), meta.end());
  // Appended piece by piece: `"(" + key` (operator+ on a literal and a temporary) trips GCC 12's
  // -Wrestrict false positive at -O3.
  std::string md;
  for (const auto& [key, values] : meta) {
    md += '(';
    md += key;
    for (const std::string& v : values) {
      md += ' ';
      md += text::json_string(v);
    }
    md += ')';
  }
  md += "(message ";
  md += canon.expr(r.message.get());
  md += ')';
  for (size_t i = 0; i < r.asserts.size(); ++i) {
    if (!r.asserts[i].message) continue;
    md += "(else ";
    md += std::to_string(i);
    md += ' ';
    md += canon.expr(r.asserts[i].message.get());
    md += ')';
  }
  fp.metadata = short_hash(md);

  std::vector<std::string> types;
  for (const lang::TypeRef& t : r.types) types.push_back(t.name);
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  std::string ty = r.data_sources ? "(data" : "(managed";
  for (const std::string& t : types) ty += " " + t;
  fp.types = short_hash(ty + ")");

  fp.guard = short_hash("(when " + canon.expr(r.when.get()) + ")");
  std::string as;
  for (const lang::Assert& a : r.asserts) as += "(assert " + canon.expr(a.expr.get()) + ")";
  fp.asserts = short_hash(as);
  fp.package = short_hash("(package " + m.package + ")");
  return fp;
}

}  // namespace

std::string Fingerprint::combined() const { return short_hash(metadata + types + guard + asserts + package); }

std::vector<std::string> changed_parts(const Fingerprint& before, const Fingerprint& after) {
  std::vector<std::string> parts;
  if (before.metadata != after.metadata) parts.emplace_back("metadata");
  if (before.types != after.types) parts.emplace_back("types");
  if (before.guard != after.guard) parts.emplace_back("guard");
  if (before.asserts != after.asserts) parts.emplace_back("asserts");
  if (before.package != after.package) parts.emplace_back("package");
  return parts;
}

std::shared_ptr<const ParsedFile> parse_rule_file(std::string path, std::string text) {
  auto pf = std::make_shared<ParsedFile>();
  pf->path = path;
  pf->sources = std::make_shared<lang::SourceManager>();
  uint32_t id = pf->sources->add(std::move(path), std::move(text));
  lang::DiagnosticSink sink;
  pf->module = lang::parse_module(*pf->sources, id, sink);
  size_t errors = 0;
  for (const lang::Diagnostic& d : sink.sorted()) {
    // A file with no rules left is a file whose rules were all removed, not a broken file.
    if (d.severity != lang::Severity::Error || d.code == lang::Code::EmptyFile) continue;
    if (errors++ == 0) {
      std::string rendered = lang::render(d, *pf->sources);
      pf->error = rendered.substr(0, rendered.find('\n'));
    }
  }
  if (errors > 1) pf->error += " (and " + text::plural(errors - 1, "more error", "more errors") + ")";
  pf->ok = errors == 0;
  return pf;
}

RuleTable rule_table(const std::vector<const ParsedFile*>& files) {
  // The files are parsed one by one (and cached by blob), so every span says file 0 of its own
  // SourceManager: the checked program's diagnostics cannot be rendered and are not wanted here
  // (a revision's semantic errors do not stop its history). Only the side tables are read.
  std::vector<std::shared_ptr<const lang::Module>> modules;
  for (const ParsedFile* f : files) modules.emplace_back(std::shared_ptr<const void>(), &f->module);  // not owned
  lang::DiagnosticSink ignored;
  compiler::CheckedProgram checked =
      compiler::check(std::make_shared<lang::SourceManager>(), std::move(modules), ignored);
  Canonicalizer canon(checked);
  RuleTable table;
  for (const ParsedFile* f : files) {
    for (const lang::RuleDecl& r : f->module.rules) {
      if (table.count(r.id) != 0) continue;
      RuleVersion v;
      v.id = r.id;
      v.package = f->module.package;
      const lang::MetaField* sev = r.field("severity");
      v.severity = sev != nullptr && !sev->values.empty() ? sev->values.front() : "medium";
      v.file = f->path;
      for (const lang::TypeRef& t : r.types) v.types.push_back(t.name);
      v.fingerprint = fingerprint(r, f->module, canon);
      table.emplace(r.id, std::move(v));
    }
  }
  return table;
}

const char* change_name(ChangeKind k) {
  switch (k) {
    case ChangeKind::Add: return "added";
    case ChangeKind::Remove: return "removed";
    case ChangeKind::Modify: return "modified";
    case ChangeKind::Move: return "moved";
  }
  return "?";
}

const char* event_name(ChangeKind k) {
  switch (k) {
    case ChangeKind::Add: return "rule-add";
    case ChangeKind::Remove: return "rule-remove";
    case ChangeKind::Modify: return "rule-modify";
    case ChangeKind::Move: return "rule-move";
  }
  return "?";
}

std::vector<RuleChange> compare(const RuleTable& before, const RuleTable& after) {
  std::vector<RuleChange> out;
  for (const auto& [id, old] : before) {
    auto it = after.find(id);
    if (it == after.end()) {
      out.push_back({ChangeKind::Remove, old, {}, {}});
      continue;
    }
    std::vector<std::string> parts = changed_parts(old.fingerprint, it->second.fingerprint);
    if (!parts.empty()) {
      out.push_back({ChangeKind::Modify, it->second, old, std::move(parts)});
    } else if (old.file != it->second.file) {
      out.push_back({ChangeKind::Move, it->second, old, {}});
    }
  }
  for (const auto& [id, now] : after) {
    if (before.count(id) == 0) out.push_back({ChangeKind::Add, now, {}, {}});
  }
  std::sort(out.begin(), out.end(), [](const RuleChange& a, const RuleChange& b) { return a.rule.id < b.rule.id; });
  return out;
}

}  // namespace edict::history
