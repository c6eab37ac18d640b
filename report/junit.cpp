// The JUnit XML report, for CI test views (GitLab, Jenkins, Azure DevOps, test-reporter actions).
// One test suite per rule that ran and one test case per (rule, resource): classname is the rule
// id, name the resource address. `fail` is a failure and `error` an error; everything that is
// neither passed nor failed is a skip with a message saying which: not applicable (`when` false),
// unknown before apply, waived (naming the waiver) or a known failure in the baseline. Test views
// then agree with the exit status, which baselined and waived findings do not change either.
#include <map>

#include "common/text.h"
#include "report/internal/common.h"
#include "report/report.h"

namespace edict::report {

namespace {

std::string attr(std::string_view s) { return text::xml_escape(s); }

// Element text keeps its line breaks (xml_escape writes them as character references).
std::string body(std::string_view s) {
  std::string escaped = text::xml_escape(s), out;
  for (size_t i = 0; i < escaped.size();) {
    if (escaped.compare(i, 5, "&#10;") == 0) {
      out += '\n';
      i += 5;
    } else {
      out += escaped[i++];
    }
  }
  return out;
}

struct Counts {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(const engine::Result& r) {
    ++tests;
    if (r.status == engine::Status::Fail && !r.baselined) ++failures;
    if (r.status == engine::Status::Error) ++errors;
    bool skip = r.status == engine::Status::Skip || r.status == engine::Status::Unknown ||
                r.status == engine::Status::Waived || (r.status == engine::Status::Fail && r.baselined);
    if (skip) ++skipped;
  }
  std::string attributes() const {
    return "tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
           std::to_string(errors) + "\" skipped=\"" + std::to_string(skipped) + "\"";
  }
};

std::string skipped(const std::string& message) { return "      <skipped message=\"" + attr(message) + "\"/>\n"; }

std::string testcase(const engine::Result& r, const model::ResourceSet& set) {
  const std::string& file = set.files()[r.resource->file];
  std::string out = "    <testcase classname=\"" + attr(r.rule->id) + "\" name=\"" + attr(r.resource->address) + "\"";
  if (internal::is_file(file)) out += " file=\"" + attr(file) + "\"";
  if (r.status == engine::Status::Pass) return out + "/>\n";
  out += ">\n";
  switch (r.status) {
    case engine::Status::Fail: {
      if (r.baselined) {
        out += skipped("known failure, in the baseline: " + r.message);
        break;
      }
      std::string text = internal::details(r);
      if (!r.location.empty()) text += "\nrule: " + r.location;
      if (!r.rule->remediation.empty()) text += "\nremediation: " + r.rule->remediation;
      out += "      <failure type=\"" + attr(r.rule->severity) + "\" message=\"" + attr(r.message) + "\">" +
             body(text) + "</failure>\n";
      break;
    }
    case engine::Status::Error:
      out += "      <error type=\"rule error\" message=\"" + attr(r.message) + "\">" + body(internal::details(r)) +
             "</error>\n";
      break;
    case engine::Status::Skip: out += skipped("not applicable: the rule's `when` is false"); break;
    case engine::Status::Unknown: out += skipped("unknown: " + r.message); break;
    case engine::Status::Waived: out += skipped(internal::waiver_text(*r.waiver) + " (" + r.message + ")"); break;
    case engine::Status::Pass: break;
  }
  return out + "    </testcase>\n";
}

}  // namespace

std::string render_junit(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info) {
  std::vector<const bytecode::Rule*> rules = internal::rules_of(results, info);
  std::map<const bytecode::Rule*, std::vector<const engine::Result*>> by_rule;
  for (const engine::Result& r : results.items) by_rule[r.rule].push_back(&r);
  Counts all;
  for (const engine::Result& r : results.items) all.add(r);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"edict\" " + all.attributes() + ">\n";
  for (const bytecode::Rule* rule : rules) {
    const std::vector<const engine::Result*>& items = by_rule[rule];
    Counts c;
    for (const engine::Result* r : items) c.add(*r);
    out += "  <testsuite name=\"" + attr(rule->id) + "\" " + c.attributes() + ">\n";
    out += "    <properties>\n";
    auto property = [&](const char* name, const std::string& value) {
      if (!value.empty()) out += "      <property name=\"" + std::string(name) + "\" value=\"" + attr(value) + "\"/>\n";
    };
    property("title", rule->title);
    property("severity", rule->severity);
    property("category", rule->category);
    std::string controls;
    for (const std::string& control : rule->controls) controls += (controls.empty() ? "" : ", ") + control;
    property("controls", controls);
    out += "    </properties>\n";
    for (const engine::Result* r : items) out += testcase(*r, set);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace edict::report
