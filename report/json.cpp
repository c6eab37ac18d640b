// The JSON report. Field names are fixed by DESIGN.md; fields may be added, never renamed.
// Written with a streaming writer: reports of 100k results must cost little next to parsing.
#include "report/internal/common.h"
#include "report/internal/json_writer.h"
#include "report/report.h"

namespace edict::report {

namespace {

void waiver_fields(internal::JsonWriter& w, const triage::Waiver& waiver) {
  w.key("file");
  w.value(waiver.file);
  w.key("line");
  w.value(static_cast<size_t>(waiver.line));
  w.key("rule");
  w.value(waiver.rule);
  w.key("resource");
  w.value(waiver.resource);
  w.key("reason");
  w.value(waiver.reason);
  if (!waiver.owner.empty()) {
    w.key("owner");
    w.value(waiver.owner);
  }
  w.key("expires");
  w.value(waiver.expires);
}

// The run-level triage sections: which waivers expired or matched nothing, what the baseline held.
void triage_sections(internal::JsonWriter& w, const triage::Outcome& t) {
  if (t.waivers != nullptr) {
    w.key("waivers");
    w.begin_object();
    w.key("file");
    w.value(t.waivers->path);
    w.key("count");
    w.value(t.waivers->waivers.size());
    w.key("not_run");  // waivers for rules this run did not select: neither used nor orphaned
    w.value(t.not_run.size());
    w.key("expired");
    w.begin_array();
    for (size_t i = 0; i < t.expired.size(); ++i) {
      w.begin_object();
      waiver_fields(w, *t.expired[i]);
      w.key("matches");  // fail and unknown results it would cover: they count again
      w.value(t.expired_matches[i]);
      w.end_object();
    }
    w.end_array();
    w.key("orphaned");
    w.begin_array();
    for (const triage::Waiver* waiver : t.orphaned) {
      w.begin_object();
      waiver_fields(w, *waiver);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  if (t.baseline != nullptr) {
    w.key("baseline");
    w.begin_object();
    w.key("file");
    w.value(t.baseline->path);
    w.key("findings");
    w.value(t.baseline->findings.size());
    w.key("new");
    w.value(t.new_failures);
    w.key("absent");  // in the baseline, but no longer failing: the baseline can shrink
    w.begin_array();
    for (const triage::Finding& f : t.absent) {
      w.begin_object();
      w.key("rule");
      w.value(f.rule);
      w.key("resource");
      w.value(f.resource);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
}

}  // namespace

std::string render_json(const engine::Results& results, const model::ResourceSet& set, const RunInfo& info) {
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
  w.key("waived");
  w.value(s.waived);
  w.key("baselined");
  w.value(s.baselined);
  w.end_object();
  if (info.triage != nullptr) triage_sections(w, *info.triage);
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
    bool failed = r.status == engine::Status::Fail ||
                  (r.status == engine::Status::Waived && r.waived_status == engine::Status::Fail);
    if (!r.rule->remediation.empty() && failed) {
      w.key("remediation");
      w.value(r.rule->remediation);
    }
    if (r.waiver != nullptr) {
      w.key("waiver");
      w.begin_object();
      waiver_fields(w, *r.waiver);
      w.key("instead_of");
      w.value(engine::status_name(r.waived_status));
      w.end_object();
    }
    if (r.baselined) {
      w.key("baselined");
      w.value(true);
    }
    if (std::string seen = internal::first_seen(info, r); !seen.empty()) {
      w.key("first_seen");
      w.value(seen);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace edict::report
