// The JSON report. Field names are fixed by DESIGN.md; fields may be added, never renamed.
// Written with a streaming writer: reports of 100k results must cost little next to parsing.
#include "report/internal/json_writer.h"
#include "report/report.h"

namespace edict::report {

std::string render_json(const engine::Results& results, const model::ResourceSet& set) {
  std::string out;
  out.reserve(results.items.size() * 400 + 256);
  internal::JsonWriter w(out);
  w.begin_object();
  w.key("version");
  w.value(EDICT_VERSION);
  const engine::Summary& s = results.summary;
  w.key("summary");
  w.begin_object();
  w.key("pass");
  w.value(s.pass);
  w.key("fail");
  w.value(s.fail);
  w.key("skip");
  w.value(s.skip);
  w.key("unknown");
  w.value(s.unknown);
  w.key("error");
  w.value(s.error);
  w.end_object();
  w.key("results");
  w.begin_array();
  for (const engine::Result& r : results.items) {
    const model::Resource& res = *r.resource;
    w.begin_object();
    w.key("rule");
    w.value(r.rule->id);
    w.key("title");
    w.value(r.rule->title);
    w.key("severity");
    w.value(r.rule->severity);
    w.key("status");
    w.value(engine::status_name(r.status));
    w.key("message");
    w.value(r.message);
    w.key("resource");
    w.begin_object();
    w.key("address");
    w.value(res.address);
    w.key("type");
    w.value(res.type);
    w.key("source");
    w.value(res.source);
    w.key("file");
    w.value(set.files()[res.file]);
    w.key("action");
    w.value(model::action_name(res.action));
    w.end_object();
    if (!r.why.empty()) {
      w.key("why");
      w.string_array(r.why);
    }
    if (!r.unknown_paths.empty()) {
      w.key("unknown_paths");
      w.string_array(r.unknown_paths);
    }
    if (!r.trace.empty()) {
      w.key("trace");
      w.string_array(r.trace);
    }
    if (!r.location.empty()) {
      w.key("location");
      w.value(r.location);
    }
    if (!r.rule->category.empty()) {
      w.key("category");
      w.value(r.rule->category);
    }
    if (!r.rule->controls.empty()) {
      w.key("controls");
      w.string_array(r.rule->controls);
    }
    if (!r.rule->remediation.empty() && r.status == engine::Status::Fail) {
      w.key("remediation");
      w.value(r.rule->remediation);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace edict::report
