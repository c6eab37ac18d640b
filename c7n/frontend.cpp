// Custodian policy files to lang::Modules: the file read by c7n/policy_file.h (nodes keep their
// line and column), each policy checked as `custodian validate` does, its filters turned into one
// assert over c7n_* builtin calls on the record that c7n/record.cpp rebuilds from mappings/.
#include "c7n/frontend.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "c7n/internal/ast_build.h"
#include "c7n/internal/filters.h"
#include "c7n/internal/record.h"
#include "c7n/policy_file.h"
#include "lang/parser.h"
#include "lang/severity.h"

namespace edict::c7n {

namespace {

using namespace internal;
using lang::Code;

// Policy keys Custodian's schema allows; the ones edict refuses say why.
const std::map<std::string, std::string>& policy_keys() {
  static const std::map<std::string, std::string> keys = {
      {"name", ""}, {"resource", ""}, {"filters", ""}, {"actions", ""}, {"description", ""}, {"comment", ""},
      {"comments", ""}, {"metadata", ""}, {"mode", ""}, {"tags", ""}, {"source", ""}, {"max-resources", ""},
      {"max-resources-percent", ""}, {"region", ""}, {"tz", ""}, {"start", ""}, {"end", ""},
      {"conditions", "conditions are tested against the account, region and time of a live run"},
      {"query", "query parameters filter the live describe call"}};
  return keys;
}

class FileBuilder : public Context {
 public:
  FileBuilder(const lang::SourceManager& sources, uint32_t file, lang::DiagnosticSink& sink)
      : sources_(sources), file_(file), sink_(sink), text_(sources.file(file).text()) {}

  lang::Module build() {
    lang::Module m;
    m.file = file_;
    // YAML, tabs, duplicate keys, alias bombs, the file's shape and policy names: the shared reader.
    PolicyFile pf = parse_policy_source(sources_, file_, sink_);
    Filters filters(*this);
    for (const PolicyEntry& e : pf.policies) {
      lang::RuleDecl rule;
      if (policy(e.node, filters, rule, m)) m.rules.push_back(std::move(rule));
    }
    if (pf.ok && pf.policies.empty()) report(Code::EmptyFile, {file_, 0, 0}, "the policy file has no policies");
    return m;
  }

  // --- shared with the filter compiler (c7n/internal/filters.h) ---
  lang::Span span_of(const YAML::Node& n) const override {
    if (!n || n.Mark().is_null()) return {file_, 0, 0};
    lang::Span s = span_at(n.Mark());
    size_t len = 1;
    if (!n.IsScalar()) {
      // A block: to the end of its first line (yaml-cpp gives no end mark), so an explanation
      // quotes `type: bucket-encryption` rather than one character.
      size_t nl = text_.find('\n', s.begin);
      len = (nl == std::string::npos ? text_.size() : nl) - s.begin;
      while (len > 1 && (text_[s.begin + len - 1] == ' ' || text_[s.begin + len - 1] == '\r')) --len;
    } else {
      len = std::max<size_t>(1, n.Scalar().size());
      char c = s.begin < text_.size() ? text_[s.begin] : ' ';
      if (c == '"' || c == '\'') len += 2;
    }
    s.end = static_cast<uint32_t>(std::min<size_t>(s.begin + len, text_.size()));
    return s;
  }
  lang::Span span_at(const YAML::Mark& m) const {
    uint32_t pos = m.is_null() || m.pos < 0 ? 0 : static_cast<uint32_t>(std::min<size_t>(m.pos, text_.size()));
    return {file_, pos, pos};
  }
  void report(Code c, lang::Span s, std::string msg, std::vector<lang::Note> notes = {}) override {
    sink_.report(c, s, std::move(msg), std::move(notes));
  }
  // Every key of a mapping is one of `allowed`; a duplicate key is an error too (PyYAML would
  // silently keep the last, so the policy would not mean what its first line says).
  bool check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& what) override {
    bool ok = true;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) {
        report(Code::BadPolicy, span_of(it->first), "keys of " + what + " must be strings");
        ok = false;
        continue;
      }
      const std::string& k = it->first.Scalar();
      if (!seen.insert(k).second) {
        report(Code::BadPolicy, span_of(it->first), "duplicate key '" + k + "' in " + what);
        ok = false;
      }
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        std::vector<lang::Note> notes;
        std::string best = lang::did_you_mean(k, allowed);
        if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
        report(Code::BadPolicy, span_of(it->first), "unknown key '" + k + "' in " + what, notes);
        ok = false;
      }
    }
    return ok;
  }

 private:
  bool policy(const YAML::Node& p, Filters& filters, lang::RuleDecl& rule, lang::Module& m) {
    if (!p.IsMap()) {
      report(Code::BadPolicy, span_of(p), "a policy is a mapping with `name` and `resource`");
      return false;
    }
    std::vector<std::string> allowed;
    for (const auto& [k, why] : policy_keys()) allowed.push_back(k);
    if (!check_keys(p, allowed, "a policy")) return false;
    YAML::Node name = p["name"], resource = p["resource"];
    if (!name || !name.IsScalar() || name.Scalar().empty()) {
      report(Code::BadPolicy, span_of(p), "a policy needs a `name`");
      return false;
    }
    const std::string& id = name.Scalar();
    bool id_ok = !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char c) {
      return std::isalnum(c) != 0 || c == '_' || c == '-';
    });
    if (!id_ok) {
      report(Code::BadPolicy, span_of(name), "policy name '" + id + "' may hold only letters, digits, '-' and '_'");
      return false;
    }
    bool ok = true;
    for (const auto& [k, why] : policy_keys()) {
      if (!why.empty() && p[k]) {
        report(Code::LivePolicyData, span_of(p[k]), "policy '" + id + "': `" + k + "` cannot be run offline: " + why);
        ok = false;
      }
    }
    if (!resource || !resource.IsScalar()) {
      report(Code::BadPolicy, span_of(p), "policy '" + id + "' needs a `resource`");
      return false;
    }
    std::string res = resource.Scalar();
    if (res.find('.') == std::string::npos) res = "aws." + res;
    const loaders::internal::TypeMap* tm = nullptr;
    try {
      tm = loaders::internal::by_custodian_resource(res);
    } catch (const std::exception& e) {
      report(Code::BadPolicy, span_of(resource), std::string("the mappings do not load: ") + e.what());
      return false;
    }
    if (!tm) {
      std::vector<std::string> known;
      for (const auto& t : loaders::internal::mappings()) {
        for (const auto& r : t.custodian_resources) {
          if (r.rfind("aws.", 0) == 0) known.push_back(r);
        }
      }
      std::vector<lang::Note> notes;
      std::string best = lang::did_you_mean(res, known);
      if (!best.empty()) notes.push_back({false, {}, "did you mean '" + best + "'?"});
      notes.push_back({false, {}, "edict reads a resource type through its mapping (mappings/*.yaml, docs/mappings.md)"});
      report(Code::UnmappedKey, span_of(resource), "policy '" + id + "': resource '" + res + "' has no mapping", notes);
      return false;
    }
    rule.id = id;
    rule.id_span = span_of(name);
    rule.span = span_of(p);
    rule.types.push_back({tm->type, span_of(resource)});
    metadata(p, res, rule);

    // The record function, once per type and file.
    std::string fn = "c7n_record_" + std::to_string(file_) + "_" + tm->type;
    auto rec = records_.find(tm->type);
    if (rec == records_.end()) {
      Record r = build_record(*tm, fn, span_of(resource));
      m.defs.push_back(std::move(r.def));
      rec = records_.emplace(tm->type, std::move(r.shape)).first;
    }
    Scope scope;
    scope.policy = id;
    scope.resource = res;
    scope.type = tm;
    scope.shape = &rec->second;
    lang::Span at = rule.id_span;
    scope.doc = [fn, at] {
      std::vector<ExprPtr> args;
      args.push_back(node(lang::ExprKind::Self, at));
      return call_expr(fn, std::move(args), at);
    };
    YAML::Node f = p["filters"];
    ExprPtr matched;
    if (f && !f.IsNull()) {
      if (!f.IsSequence()) {
        report(Code::BadPolicy, span_of(f), "policy '" + id + "': `filters` must be a list");
        return false;
      }
      matched = filters.all(f, scope, true);
    } else {
      matched = bool_expr(true, rule.id_span);  // no filters: Custodian matches every resource
    }
    if (!matched) return false;
    lang::Assert a;
    a.span = f ? span_of(f) : rule.id_span;
    a.expr = unary_expr(lang::Op::Not, std::move(matched), a.span);
    rule.asserts.push_back(std::move(a));
    ExprPtr msg = node(lang::ExprKind::Template, rule.id_span);
    ExprPtr addr = node(lang::ExprKind::Meta, rule.id_span);
    addr->text = "address";
    msg->kids.push_back(std::move(addr));
    msg->kids.push_back(string_expr(" matches the filters of Custodian policy " + id, rule.id_span));
    rule.message = std::move(msg);
    return ok;
  }

  void meta(lang::RuleDecl& rule, const std::string& key, std::vector<std::string> values, const YAML::Node& n) {
    lang::MetaField f;
    f.key = key;
    f.key_span = span_of(n);
    f.value_span = span_of(n);
    f.values = std::move(values);
    rule.meta.push_back(std::move(f));
  }

  // description, metadata (severity, category, controls), mode and actions as rule metadata.
  void metadata(const YAML::Node& p, const std::string& res, lang::RuleDecl& rule) {
    meta(rule, "c7n-resource", {res}, p["resource"]);
    if (YAML::Node d = p["description"]; d && d.IsScalar()) {
      std::string text = d.Scalar();
      std::string first = text.substr(0, text.find('\n'));
      meta(rule, "title", {first}, d);
      meta(rule, "description", {text}, d);
    }
    if (YAML::Node md = p["metadata"]; md && md.IsMap()) {
      if (YAML::Node sev = md["severity"]; sev && sev.IsScalar()) {
        std::string s = sev.Scalar();
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        bool known = lang::severity_rank(s) >= 0;
        meta(rule, known ? "severity" : "c7n-severity", {known ? s : sev.Scalar()}, sev);
      }
      for (const char* key : {"category", "controls"}) {
        YAML::Node v = md[key];
        if (!v) continue;
        std::vector<std::string> values;
        if (v.IsScalar()) values.push_back(v.Scalar());
        if (v.IsSequence()) {
          for (const YAML::Node& e : v) {
            if (e.IsScalar()) values.push_back(e.Scalar());
          }
        }
        if (!values.empty()) meta(rule, key, values, v);
      }
    }
    if (YAML::Node mode = p["mode"]; mode && mode.IsMap() && mode["type"] && mode["type"].IsScalar()) {
      meta(rule, "c7n-mode", {mode["type"].Scalar()}, mode);
    }
    if (YAML::Node acts = p["actions"]; acts && acts.IsSequence()) {
      std::vector<std::string> values;
      for (const YAML::Node& a : acts) values.push_back(action_text(a));
      if (!values.empty()) meta(rule, "actions", values, acts);
    }
  }

  // An action as "type" or "type {params as JSON}", so reports can list what Custodian would do.
  static std::string action_text(const YAML::Node& a) {
    if (a.IsScalar()) return a.Scalar();
    if (!a.IsMap()) return "?";
    std::string type = a["type"] && a["type"].IsScalar() ? a["type"].Scalar() : "?";
    YAML::Emitter out;
    out.SetMapFormat(YAML::Flow);
    out.SetSeqFormat(YAML::Flow);
    out << YAML::BeginMap;
    bool any = false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == "type") continue;
      out << YAML::Key << it->first << YAML::Value << it->second;
      any = true;
    }
    out << YAML::EndMap;
    return any ? type + " " + out.c_str() : type;
  }

  const lang::SourceManager& sources_;
  uint32_t file_;
  lang::DiagnosticSink& sink_;
  const std::string& text_;
  std::map<std::string, Shape> records_;
};

}  // namespace

lang::Module build_module(const lang::SourceManager& sources, uint32_t file, lang::DiagnosticSink& sink) {
  return FileBuilder(sources, file, sink).build();
}

std::vector<lang::Module> parse_modules(const lang::SourceManager& sources, lang::DiagnosticSink& sink) {
  std::vector<lang::Module> out;
  for (uint32_t f = 0; f < sources.size(); ++f) {
    const lang::SourceFile& sf = sources.file(f);
    out.push_back(is_policy_file(sf.path(), sf.text()) ? build_module(sources, f, sink)
                                                       : lang::parse_module(sources, f, sink));
  }
  return out;
}

}  // namespace edict::c7n
