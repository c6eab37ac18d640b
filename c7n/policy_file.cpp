// Reading Custodian policy files (c7n/policy_file.h): checks the bytes (size, UTF-8, tab
// indentation) before yaml-cpp sees them, then the document's shape, keys and alias expansion.
#include "c7n/policy_file.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <map>

#include "common/text.h"
#include "loaders/loader.h"

namespace edict::c7n {

using lang::Code;

namespace {

bool iequals_suffix(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
  }
  return true;
}

// Reports against one file's text; spans are clamped to it.
struct Reporter {
  lang::DiagnosticSink& sink;
  uint32_t file;
  size_t size;
  bool errors = false;

  lang::Span span_at(size_t pos, size_t len = 1) const {
    size_t b = std::min(pos, size);
    size_t e = std::min(b + std::max<size_t>(len, 1), size);
    return {file, static_cast<uint32_t>(b), static_cast<uint32_t>(std::max(e, b))};
  }
  lang::Span span_of(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    size_t len = n.IsScalar() && n.Scalar().find('\n') == std::string::npos ? n.Scalar().size() : 1;
    return span_at(m.pos < 0 ? 0 : static_cast<size_t>(m.pos), len);
  }
  void error(Code c, lang::Span s, std::string msg, std::vector<lang::Note> notes = {}) {
    errors = true;
    sink.report(c, s, std::move(msg), std::move(notes));
  }
};

// The first byte that is not UTF-8 text (a NUL counts: YAML forbids it), or npos.
size_t bad_utf8(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    size_t n = text::utf8_sequence_length(t, i);
    if (n == 0 || t[i] == '\0') return i;
    i += n;
  }
  return std::string_view::npos;
}

size_t indent_of(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

// Whether a line opens a block scalar (`key: |`, `- >-`, `|2 # note`): its content lines may
// start with tabs once past the indentation, which YAML only makes of spaces.
bool opens_block_scalar(std::string_view line) {
  if (size_t hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  size_t i = line.size();
  while (i > 0 && (std::isdigit(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '-' || line[i - 1] == '+')) --i;
  if (i == 0 || (line[i - 1] != '|' && line[i - 1] != '>')) return false;
  return i == 1 || line[i - 2] == ' ' || line[i - 2] == '\t';
}

// The offset of a tab used as indentation, or npos. PyYAML (which Custodian uses) rejects them and
// yaml-cpp's message for one ("illegal block entry") does not say so; block scalar content is exempt.
size_t tab_indent(std::string_view t) {
  size_t block_indent = std::string_view::npos;  // the indentation of the line that opened a block scalar
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find('\n', start);
    if (end == std::string_view::npos) end = t.size();
    std::string_view line = t.substr(start, end - start);
    size_t spaces = indent_of(line);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (block_indent != std::string_view::npos && !blank && spaces <= block_indent) block_indent = std::string_view::npos;
    if (block_indent == std::string_view::npos) {
      size_t ws = line.find_first_not_of(" \t");
      if (!blank && ws != std::string_view::npos && line.substr(0, ws).find('\t') != std::string_view::npos)
        return start + line.substr(0, ws).find('\t');
      if (opens_block_scalar(line)) block_indent = spaces;
    }
    start = end + 1;
  }
  return std::string_view::npos;
}

// Types `s` as an int or float into `v` (left a String when it is neither).
void number(const std::string& s, ScalarValue& v) {
  std::string d;
  for (char c : s)
    if (c != '_') d += c;
  if (d.empty() || d.size() > 64) return;
  size_t i = (d[0] == '-' || d[0] == '+') ? 1 : 0;
  if (i == d.size()) return;
  bool neg = d[0] == '-';
  std::string_view digits(d.data() + i, d.size() - i);
  if (digits == ".inf" || digits == ".Inf" || digits == ".INF") {
    v.kind = ScalarValue::Kind::Float;
    v.number = neg ? -HUGE_VAL : HUGE_VAL;
    return;
  }
  if (digits == ".nan" || digits == ".NaN" || digits == ".NAN") {
    v.kind = ScalarValue::Kind::Float;
    v.number = NAN;
    return;
  }
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'b')) {
    base = digits[1] == 'x' ? 16 : 2;
    digits.remove_prefix(2);
  } else if (digits.size() > 1 && digits[0] == '0' && digits.find_first_not_of("01234567") == std::string_view::npos) {
    base = 8;
    digits.remove_prefix(1);
  }
  bool integral = !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
    return base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : (c >= '0' && c < '0' + std::min(base, 10));
  });
  if (integral) {
    uint64_t u = 0;
    auto r = std::from_chars(digits.data(), digits.data() + digits.size(), u, base);
    if (r.ec == std::errc() && u <= (neg ? uint64_t{1} << 63 : uint64_t{INT64_MAX})) {
      v.kind = ScalarValue::Kind::Int;
      v.integer = neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
      return;
    }
    if (base != 10) return;
  } else if (base != 10 || d.find('.') == std::string::npos) {
    return;  // PyYAML: a float has a '.', so 1e3 is a string
  }
  char* end = nullptr;
  double f = std::strtod(d.c_str(), &end);
  if (end != d.c_str() + d.size()) return;
  v.kind = ScalarValue::Kind::Float;
  v.number = f;
}

// Canonical forms and the checks that need every node: duplicate keys and the expansion bound.
class Walker {
 public:
  explicit Walker(Reporter& rep)
      : rep_(rep), max_nodes_(kMaxExpandedNodes + rep.size), max_bytes_(kMaxExpandedBytes + rep.size) {}
  bool failed() const { return failed_; }

  // Appends `n`'s canonical form; with `skip_key`, a top-level mapping key of that name is left out.
  void canonical(std::string& out, const YAML::Node& n, std::string_view skip_key = {}) {
    if (failed_ || !count(n)) return;
    switch (n.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: out += "n"; return;
      case YAML::NodeType::Scalar: scalar(out, n); return;
      case YAML::NodeType::Sequence: {
        out += '[';
        for (const YAML::Node& item : n) {
          canonical(out, item);
          out += ',';
        }
        out += ']';
        return;
      }
      case YAML::NodeType::Map: {
        std::map<std::string, std::string> pairs;  // sorted by the key's canonical form
        for (auto it = n.begin(); it != n.end() && !failed_; ++it) {
          std::string key;
          canonical(key, it->first);
          if (!skip_key.empty() && it->first.IsScalar() && it->first.Scalar() == skip_key) continue;
          std::string value;
          canonical(value, it->second);
          if (!pairs.emplace(key, std::move(value)).second) {
            failed_ = true;
            std::string shown = it->first.IsScalar() ? "'" + text::printable(it->first.Scalar()) + "'" : "a key";
            rep_.error(Code::PolicyYaml, rep_.span_of(it->first), "duplicate key " + shown + " in one mapping",
                       {{false, {}, "YAML loaders disagree on which value wins; `custodian validate` refuses the file"}});
          }
        }
        out += '{';
        for (const auto& [k, v] : pairs) out += k + ":" + v + ",";
        out += '}';
        return;
      }
    }
  }

 private:
  bool count(const YAML::Node& n) {
    ++nodes_;
    if (n.IsScalar()) bytes_ += n.Scalar().size();
    if (nodes_ <= max_nodes_ && bytes_ <= max_bytes_) return true;
    failed_ = true;
    rep_.error(Code::PolicyYaml, rep_.span_of(n),
               "aliases expand the data past " + std::to_string(max_nodes_) + " nodes or " +
                   std::to_string(max_bytes_) + " bytes (the file's size plus " + std::to_string(kMaxExpandedNodes) +
                   " nodes or " + std::to_string(kMaxExpandedBytes >> 20) + " MiB)",
               {{false, {}, "an alias repeats its anchor's whole value; nested aliases multiply (an alias bomb)"}});
    return false;
  }

  static void scalar(std::string& out, const YAML::Node& n) {
    ScalarValue v = resolve_scalar(n);
    switch (v.kind) {
      case ScalarValue::Kind::Null: out += "n"; return;
      case ScalarValue::Kind::Bool: out += v.boolean ? "b1" : "b0"; return;
      case ScalarValue::Kind::Int: out += "i" + std::to_string(v.integer); return;
      case ScalarValue::Kind::Float: {
        char buf[40];
        std::snprintf(buf, sizeof buf, "f%.17g", v.number);
        out += buf;
        return;
      }
      case ScalarValue::Kind::String: out += "s"; text::append_json_string(out, v.text); return;
    }
  }

  Reporter& rep_;
  bool failed_ = false;
  uint64_t max_nodes_, max_bytes_;
  uint64_t nodes_ = 0, bytes_ = 0;
};

// A required string field of a policy: its text, or "" after reporting why not.
std::string string_field(Reporter& rep, const YAML::Node& policy, const char* key, const std::string& who) {
  YAML::Node v = policy[key];
  if (!v || v.IsNull()) {
    rep.error(Code::PolicyShape, rep.span_of(policy), who + " has no '" + key + "'",
              {{false, {}, "every policy needs a 'name' and a 'resource' (such as aws.s3)"}});
    return "";
  }
  if (!v.IsScalar() || v.Scalar().empty()) {
    rep.error(Code::PolicyShape, rep.span_of(v), who + ": '" + key + "' must be a non-empty string");
    return "";
  }
  return v.Scalar();
}

}  // namespace

ScalarValue resolve_scalar(const YAML::Node& n) {
  ScalarValue v;
  if (!n.IsScalar()) return v;
  v.text = n.Scalar();
  const std::string& tag = n.Tag();
  const std::string& s = v.text;
  v.kind = ScalarValue::Kind::String;
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return v;  // quoted, or !!str
  static const char* const nulls[] = {"", "~", "null", "Null", "NULL"};
  static const char* const trues[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static const char* const falses[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  auto any = [&](const auto& list) { return std::any_of(std::begin(list), std::end(list), [&](const char* w) { return s == w; }); };
  if (any(nulls)) {
    v.kind = ScalarValue::Kind::Null;
  } else if (any(trues) || any(falses)) {
    v.kind = ScalarValue::Kind::Bool;
    v.boolean = any(trues);
  } else {
    number(s, v);
  }
  return v;
}

ResourceName split_resource(std::string_view written) {
  size_t dot = written.find('.');
  if (dot == std::string_view::npos) return {"aws", std::string(written)};  // Custodian's default provider
  return {std::string(written.substr(0, dot)), std::string(written.substr(dot + 1))};
}

bool has_policy_extension(std::string_view path) { return iequals_suffix(path, ".yml") || iequals_suffix(path, ".yaml"); }

bool is_policy_file(std::string_view path, std::string_view t) {
  if (!has_policy_extension(path)) return false;
  for (size_t start = 0; start < t.size();) {
    size_t end = t.find('\n', start);
    if (end == std::string_view::npos) end = t.size();
    std::string_view line = t.substr(start, end - start);
    if (start == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    for (std::string_view key : {"policies", "\"policies\"", "'policies'", "{policies", "{\"policies\""}) {
      if (line.substr(0, key.size()) == key) {
        std::string_view rest = line.substr(key.size());
        size_t i = rest.find_first_not_of(' ');
        if (i != std::string_view::npos && rest[i] == ':') return true;
      }
    }
    start = end + 1;
  }
  return false;
}

PolicyFile read_policy_file(const std::string& path, lang::SourceManager& sources, lang::DiagnosticSink& sink) {
  std::string text;
  try {
    text = loaders::read_input(path);
  } catch (const loaders::InputError& e) {
    PolicyFile out;
    out.path = path;
    out.file = sources.add(path, "");
    sink.report(Code::IoError, {out.file, 0, 0}, e.what());
    return out;
  }
  return parse_policy_text(path, std::move(text), sources, sink);
}

PolicyFile parse_policy_text(std::string path, std::string text, lang::SourceManager& sources,
                             lang::DiagnosticSink& sink) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  uint32_t file = sources.add(path, text);
  return parse_policy_source(sources, file, sink);
}

PolicyFile parse_policy_source(const lang::SourceManager& sources, uint32_t file, lang::DiagnosticSink& sink) {
  PolicyFile out;
  out.path = sources.file(file).path();
  out.file = file;
  const std::string& t = sources.file(out.file).text();
  Reporter rep{sink, out.file, t.size()};
  if (t.size() > kMaxPolicyFileSize) {
    rep.error(Code::PolicyYaml, rep.span_at(0), "the policy file is " + std::to_string(t.size() >> 20) +
                                                    " MiB, above the limit of " +
                                                    std::to_string(kMaxPolicyFileSize >> 20) + " MiB");
    return out;
  }
  if (size_t bad = bad_utf8(t); bad != std::string::npos) {
    rep.error(Code::BadEncoding, rep.span_at(bad), "the policy file is not UTF-8 text (a NUL, or a byte that starts no UTF-8 character)");
    return out;
  }
  if (size_t tab = tab_indent(t); tab != std::string::npos) {
    rep.error(Code::PolicyYaml, rep.span_at(tab), "a tab in the indentation: YAML indents with spaces only");
    return out;
  }
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(t);
  } catch (const YAML::Exception& e) {  // ParserException, DeepRecursion, BadFile, ...
    rep.error(Code::PolicyYaml, rep.span_at(e.mark.pos < 0 ? 0 : static_cast<size_t>(e.mark.pos)),
              "malformed YAML: " + e.msg);
    return out;
  }
  if (docs.size() > 1) {
    rep.error(Code::PolicyYaml, rep.span_of(docs[1]), "a policy file holds one YAML document, this one holds " +
                                                          std::to_string(docs.size()));
    return out;
  }
  YAML::Node root = docs.empty() ? YAML::Node() : docs[0];
  if (!root.IsMap()) {
    rep.error(Code::PolicyShape, docs.empty() ? rep.span_at(0) : rep.span_of(root),
              "a policy file is a mapping with a 'policies' list at its top level");
    return out;
  }
  Walker walk(rep);
  std::string whole;
  walk.canonical(whole, root);  // duplicate keys anywhere, and the expansion bound, once for the file
  if (walk.failed()) return out;
  YAML::Node list = root["policies"];
  if (!list || !list.IsSequence()) {
    rep.error(Code::PolicyShape, list ? rep.span_of(list) : rep.span_of(root),
              list ? "'policies' must be a list of policies" : "the file has no top-level 'policies' list");
    return out;
  }
  std::map<std::string, size_t> seen;  // name -> index of its first policy
  size_t index = 0;
  for (const YAML::Node& p : list) {
    ++index;
    std::string who = "policy " + std::to_string(index);
    if (!p.IsMap()) {
      rep.error(Code::PolicyShape, rep.span_of(p), who + " is not a mapping (name:, resource:, filters:, ...)");
      continue;
    }
    PolicyEntry e;
    e.name = string_field(rep, p, "name", who);
    if (!e.name.empty()) who = "policy '" + text::printable(e.name) + "'";
    e.resource_written = string_field(rep, p, "resource", who);
    if (e.name.empty() || e.resource_written.empty()) continue;
    e.resource = split_resource(e.resource_written);
    e.node = p;
    e.span = rep.span_of(p);
    e.where = sources.file(out.file).line_col(e.span.begin);
    Walker w(rep);
    w.canonical(e.canonical, p);
    w.canonical(e.canonical_body, p, "name");
    if (auto [it, fresh] = seen.emplace(e.name, out.policies.size()); !fresh) {
      const PolicyEntry* first = &out.policies[it->second];
      lang::LineCol at = first->where;
      sink.report(Code::DuplicatePolicy, rep.span_of(p["name"]),
                  "a second policy named '" + text::printable(e.name) + "' (the first is at line " +
                      std::to_string(at.line) + ")",
                  {{true, first->span, "the first definition"},
                   {false, {}, "`custodian validate` refuses it and both would write one output directory: rename one"}});
    }
    out.policies.push_back(std::move(e));
  }
  out.ok = !rep.errors;
  return out;
}

std::string policies_yaml(const std::vector<const PolicyEntry*>& policies) {
  YAML::Emitter em;
  em << YAML::BeginMap << YAML::Key << "policies" << YAML::Value << YAML::BeginSeq;
  for (const PolicyEntry* p : policies) em << p->node;
  em << YAML::EndSeq << YAML::EndMap;
  return std::string(em.c_str()) + "\n";
}

}  // namespace edict::c7n
