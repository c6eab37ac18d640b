// GitHub Actions annotations: workflow commands (`::error file=F,title=T::message`) that the
// runner turns into annotations on the run and, for files in the pull request, on its diff.
//
// What is annotated: each `fail` (::error for critical and high, ::warning for medium, ::notice
// for low and info), each `error` (::error: the rule could not check the resource) and each
// `unknown` (::notice). Waived and baselined failures are accepted, so they are only counted in
// the closing summary notice; expired and orphaned waivers are warnings on their line of the
// waiver file. As in SARIF, a plan gives no line for a resource, so annotations name the plan
// file without a line (none for stdin).
//
// Escaping follows the runner's command format: in the message, '%', CR and LF become %25, %0D
// and %0A; property values (file, title) also escape ':' and ',' (%3A, %2C), which would
// otherwise end the value. Nothing that an input or a rule says can start a command of its own.
#include "report/internal/common.h"
#include "report/report.h"

namespace edict::report {

namespace {

std::string escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

struct Annotation {
  std::string_view command;  // error, warning, notice
  std::string file;          // empty: none
  int line = 0;              // 0: none
  std::string title;
  std::string message;

  std::string render() const {
    std::string props;
    auto add = [&](const char* key, const std::string& value) {
      props += (props.empty() ? " " : ",") + std::string(key) + "=" + escape_property(value);
    };
    if (!file.empty()) add("file", file);
    if (line > 0) add("line", std::to_string(line));
    add("title", title);
    return "::" + std::string(command) + props + "::" + escape_data(message) + "\n";
  }
};

std::string counted_again(size_t n) {
  if (n == 0) return "";
  return n == 1 ? "; the finding it covered counts again"
                : "; the " + std::to_string(n) + " findings it covered count again";
}

std::string_view command_for(std::string_view severity) {
  std::string_view level = severity_level(severity);
  return level == "note" ? "notice" : level;
}

}  // namespace

std::string render_github(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info) {
  std::string out;
  for (const engine::Result& r : results.items) {
    Annotation a;
    const std::string& file = set.files()[r.resource->file];
    if (internal::is_file(file)) a.file = file;
    std::string who = r.rule->id + " [" + r.rule->severity + "] " + std::string(r.resource->address);
    switch (r.status) {
      case engine::Status::Fail:
        if (r.baselined) continue;
        a.command = command_for(r.rule->severity);
        a.title = who;
        a.message = internal::details(r);
        if (!r.rule->remediation.empty()) a.message += "\nRemediation: " + r.rule->remediation;
        break;
      case engine::Status::Error:
        a.command = "error";
        a.title = "rule error " + who;
        a.message = internal::details(r);
        break;
      case engine::Status::Unknown:
        a.command = "notice";
        a.title = "unknown before apply " + who;
        a.message = r.message;
        break;
      default: continue;
    }
    out += a.render();
  }
  if (info.triage != nullptr) {
    for (size_t i = 0; i < info.triage->expired.size(); ++i) {
      const triage::Waiver& w = *info.triage->expired[i];
      out += Annotation{"warning", w.file, w.line, "expired waiver",
                        "The waiver for " + w.rule + " on " + w.resource + " expired on " + w.expires +
                            " and no longer applies" + counted_again(info.triage->expired_matches[i]) + "."}
                 .render();
    }
    for (const triage::Waiver* w : info.triage->orphaned) {
      out += Annotation{"warning", w->file, w->line, "orphaned waiver",
                        "The waiver for " + w->rule + " on " + w->resource +
                            " matched no failing or unknown result: remove it, or check its rule and resource."}
                 .render();
    }
  }
  out += Annotation{"notice", "", 0, "edict summary", summary_line(results.summary)}.render();
  return out;
}

}  // namespace edict::report
