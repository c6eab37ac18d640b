// Rule test reports: the text listing for people (with traces of mismatches and rule coverage)
// and JUnit XML for CI systems.
#include <algorithm>

#include "common/text.h"
#include "ruletest/ruletest.h"

namespace edict::ruletest {

namespace {

std::string mismatch_headline(const Mismatch& m) {
  std::string got = m.has_result ? std::string(engine::status_name(m.actual)) : "no verdict";
  return m.expected.rule + " " + m.expected.address + ": expected " +
         std::string(engine::status_name(m.expected.status)) + ", got " + got;
}

// The explanation of a mismatch, each line indented by `indent`. Messages, explanations and
// traces hold values from the fixtures: `escape` is text::printable for the terminal listing (so
// a value cannot move the cursor or start a line of its own) and none for JUnit, which escapes
// for XML instead.
std::string mismatch_details(const Mismatch& m, const std::string& indent, bool escape) {
  auto show = [escape](const std::string& s) { return escape ? text::printable(s) : s; };
  std::string out;
  if (!m.message.empty()) out += indent + "message: " + show(m.message) + "\n";
  for (const std::string& w : m.why) out += indent + "why: " + show(w) + "\n";
  if (!m.trace.empty()) {
    out += indent + "trace:\n";
    for (const std::string& t : m.trace) out += indent + "  " + show(t) + "\n";
  }
  return out;
}

std::string xml(std::string_view s) { return text::xml_escape(s); }

// Element text: newlines are kept, the rest escaped.
std::string xml_text(std::string_view s) {
  std::string out;
  size_t start = 0;
  for (size_t nl; (nl = s.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    out += xml(s.substr(start, nl - start)) + "\n";
  }
  return out + xml(s.substr(start));
}

}  // namespace

std::string render_text(const RunResult& r) {
  std::string out;
  const TestFile* current = nullptr;
  for (const CaseResult& c : r.cases) {
    if (c.file != current) {
      out += (current ? "\n" : "") + text::printable(c.file->path) + "\n";
      current = c.file;
    }
    if (!c.errors.empty()) {
      out += "  ERROR  " + text::printable(c.test->name) + "  (bad test: see stderr)\n";
      continue;
    }
    // Names and messages come from the test files: escaped, as in every human format.
    out += std::string(c.passed() ? "  ok     " : "  FAIL   ") + text::printable(c.test->name) + "\n";
    for (const Mismatch& m : c.mismatches) {
      out += "         " + text::printable(mismatch_headline(m)) + "\n" + mismatch_details(m, "           ", true);
    }
  }
  for (const auto& [path, error] : r.bad_files)
    out += (out.empty() ? "" : "\n") + text::printable(path) + "\n  not run: bad test file (see stderr)\n";
  size_t total = r.passed + r.failed + r.errored;
  out += "\n" + text::plural(total, "test", "tests") + ": " + std::to_string(r.passed) + " passed, " +
         std::to_string(r.failed) + " failed, " + std::to_string(r.errored) + " bad";
  if (!r.bad_files.empty()) out += "; " + text::plural(r.bad_files.size(), "bad test file", "bad test files");
  out += "\n";

  const Coverage& cov = r.coverage;
  size_t tested = cov.rules - cov.untested.size();
  out += "\nrule coverage: " + std::to_string(tested) + " of " + text::plural(cov.rules, "rule", "rules") + " tested; " +
         std::to_string(cov.asserts - cov.never_false.size()) + " of " + text::plural(cov.asserts, "assert", "asserts") +
         " seen false\n";
  for (const std::string& id : cov.untested) out += "  untested rule: " + text::printable(id) + "\n";
  for (const AssertGap& g : cov.never_false) {
    out += "  never false: " + g.rule + " assert #" + std::to_string(g.index + 1) + ": " + text::printable(g.text) + "\n";
  }
  return out;
}

std::string render_junit(const RunResult& r) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"edict test\" tests=\"" + std::to_string(r.cases.size() + r.bad_files.size()) +
         "\" failures=\"" + std::to_string(r.failed) + "\" errors=\"" + std::to_string(r.errored + r.bad_files.size()) +
         "\">\n";
  for (const TestFile& f : r.files) {
    std::vector<const CaseResult*> cases;
    for (const CaseResult& c : r.cases) {
      if (c.file == &f) cases.push_back(&c);
    }
    if (cases.empty()) continue;
    size_t failures = static_cast<size_t>(std::count_if(
        cases.begin(), cases.end(), [](const CaseResult* c) { return c->errors.empty() && !c->mismatches.empty(); }));
    size_t errors = static_cast<size_t>(
        std::count_if(cases.begin(), cases.end(), [](const CaseResult* c) { return !c->errors.empty(); }));
    out += "  <testsuite name=\"" + xml(f.path) + "\" tests=\"" + std::to_string(cases.size()) + "\" failures=\"" +
           std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\">\n";
    for (const CaseResult* c : cases) {
      out += "    <testcase classname=\"" + xml(f.path) + "\" name=\"" + xml(c->test->name) + "\" file=\"" +
             xml(f.path) + "\" line=\"" + std::to_string(c->test->pos.line) + "\"";
      if (c->passed()) {
        out += "/>\n";
        continue;
      }
      out += ">\n";
      if (!c->errors.empty()) {
        std::string all;
        for (const std::string& e : c->errors) all += e + "\n";
        out +=
            "      <error type=\"bad test\" message=\"" + xml(c->errors.front()) + "\">" + xml_text(all) + "</error>\n";
      } else {
        std::string details;
        for (const Mismatch& m : c->mismatches) details += mismatch_headline(m) + "\n" + mismatch_details(m, "  ", false);
        out += "      <failure type=\"status mismatch\" message=\"" + xml(mismatch_headline(c->mismatches.front())) +
               "\">" + xml_text(details) + "</failure>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  for (const auto& [path, error] : r.bad_files) {
    out += "  <testsuite name=\"" + xml(path) + "\" tests=\"1\" failures=\"0\" errors=\"1\">\n";
    out += "    <testcase classname=\"" + xml(path) + "\" name=\"(test file)\" file=\"" + xml(path) + "\">\n";
    out += "      <error type=\"bad test file\" message=\"" + xml(error) + "\">" + xml_text(error) + "</error>\n";
    out += "    </testcase>\n  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace edict::ruletest
