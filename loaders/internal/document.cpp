// The top level of a `terraform show -json` document, read forward once with simdjson On-Demand in
// any key order: detects plan or state, checks format_version, dispatches each section to its
// reader as it is met (sections read only in some cases are kept as text and read at the end),
// then commits the resources and builds the reference graph.
#include <memory>

#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

constexpr std::string_view kNotTerraform =
    ": not a Terraform plan or state (no resource_changes, planned_values or values.root_module)";

// What the top-level pass found.
struct TopLevel {
  bool plan_keys = false;       // resource_changes or planned_values is present: a plan
  bool changes_read = false;    // resource_changes was an array and has been read
  bool state_read = false;      // `values` was read as a state (before any plan key)
  bool state_root = false;      // values.root_module is present
  bool versions_only = true;    // no key but format_version and terraform_version
  bool has_version = false;
  int major = 0;                // of format_version; -1 when it is not "MAJOR.MINOR"
  std::string version_text;     // format_version as written, for messages
  std::string_view planned;     // planned_values, read only when there is no resource_changes
  std::unique_ptr<KeepText> keep_planned;
  std::vector<model::Resource> prior;  // prior_state data sources
};

// Major version of a "MAJOR.MINOR" format_version; -1 when it is not of that shape.
int major_version(std::string_view v) {
  size_t i = 0;
  int major = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i < 6) major = major * 10 + (v[i++] - '0');
  return i == 0 || (i < v.size() && v[i] != '.') ? -1 : major;
}

// A plan key after `values` was read as a state: the document is a plan, forget the state.
void become_plan(LoadContext& ctx, TopLevel& top) {
  if (top.state_read) {
    ctx.pending.clear();
    ctx.by_address.clear();
    ctx.graph.clear();
    top.state_read = false;
  }
  top.plan_keys = true;
}

void read_top_level(LoadContext& ctx, od::parser& parser, const Input& input, TopLevel& top) {
  simdjson::padded_string_view view(input.text().data(), input.text().size(),
                                    input.text().size() + simdjson::SIMDJSON_PADDING);
  od::document doc = take(parser.iterate(view));
  if (take(doc.type()) != od::json_type::object) throw InputError(ctx.name + std::string(kNotTerraform));
  uint32_t seen = 0;  // the first of each key counts
  auto first = [&](uint32_t bit) {
    bool is_first = (seen & bit) == 0;
    seen |= bit;
    return is_first;
  };
  for (auto result : take(doc.get_object())) {
    od::field field = take(std::move(result));
    consumed(ctx, field.key().raw());
    std::string_view key = key_text(field);
    od::value value = field.value();
    if (key != "format_version" && key != "terraform_version") top.versions_only = false;
    if (key == "format_version" && first(1)) {
      top.has_version = true;
      if (type_of(value) == od::json_type::string) {
        std::string_view token = value.raw_json_token();
        top.major = major_version(string_text(value));
        top.version_text = std::string(token.substr(0, token.rfind('"') + 1));
      } else {
        top.major = -1;
        top.version_text = std::string(skip(value));
      }
    } else if (key == "resource_changes" && first(2)) {
      become_plan(ctx, top);
      if (type_of(value) != od::json_type::array) continue;
      top.keep_planned.reset();  // planned_values will not be read
      check_depth(1, value);
      ctx.source = "plan";
      load_resource_changes(ctx, take(value.get_array()), 2);
      top.changes_read = true;
    } else if (key == "planned_values" && first(4)) {
      become_plan(ctx, top);
      if (!top.changes_read && type_of(value) == od::json_type::object) {
        top.planned = skip(value);
        top.keep_planned = std::make_unique<KeepText>(ctx);
        top.keep_planned->hold(top.planned);
      }
    } else if (key == "prior_state" && first(8)) {
      ctx.source = "plan";
      load_prior_state(ctx, value, 1, top.prior);
    } else if (key == "configuration" && first(16)) {
      read_configuration(ctx, value, 1);
    } else if (key == "values" && first(32) && !top.plan_keys) {
      // A state, unless a plan key comes later.
      ctx.source = "state";
      top.state_root = load_state_values(ctx, value, 1);
      top.state_read = true;
    }
  }
  // Anything after the top-level object is an error.
  if (doc.current_location().error() == simdjson::SUCCESS) fail(simdjson::TRAILING_CONTENT);
}

}  // namespace

Format load_terraform(LoadContext& ctx, Input& input) {
  TopLevel top;
  ctx.input = &input;
  {
    od::parser parser;  // its buffers (the structural index) go as soon as the pass is over
    read_top_level(ctx, parser, input, top);
  }
  Format format = top.plan_keys                           ? Format::Plan
                  : top.state_root                        ? Format::State
                  : top.has_version && top.versions_only  ? Format::State  // an empty state
                                                          : Format::Unknown;
  if (format == Format::Unknown) throw InputError(ctx.name + std::string(kNotTerraform));
  if (top.has_version && top.major != 0 && top.major != 1) {
    throw InputError(ctx.name + ": unsupported " + (format == Format::Plan ? "plan" : "state") +
                     " format_version " + top.version_text + " (edict reads 0.x and 1.x)");
  }
  if (format == Format::Plan) {
    if (!top.changes_read && !top.planned.empty()) {
      SpanReader reader(ctx.spans, top.planned);
      ctx.source = "plan";
      load_planned_values(ctx, reader.value(), 1);
    }
    for (const model::Resource& r : top.prior) {
      if (ctx.by_address.count(r.address) == 0) register_resource(ctx, r, false);
    }
  }
  top.keep_planned.reset();
  ctx.spans.clear();
  input.release();  // everything kept has been copied into arenas
  commit(ctx);
  if (format == Format::Plan) add_reference_edges(ctx);
  return format;
}

}  // namespace edict::loaders::internal
