// The top level of a `terraform show -json` document, in any key order, read in one pass with
// simdjson On-Demand over the structural index the caller built once for the whole document.
// The sections edict does not need are validated as they are passed (never converted); the
// input's pages are given back as the reading moves on. Then: format checks, commit, reference
// graph.
#include <memory>

#include "loaders/internal/json_value.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

// Names every format edict reads, so that a user with the wrong file learns what the right one is.
constexpr std::string_view kNotTerraform =
    ": not an input edict reads (no resource_changes, planned_values or values.root_module): expected a "
    "Terraform plan (terraform show -json PLAN), a Terraform state (terraform show -json), an AWS Config "
    "snapshot, history or item (configurationItems, configurationItem), or Cloud Custodian resources.json";

// The top-level members the loader reads (each at most once).
enum class Section : uint8_t { Other, Version, Changes, Planned, Prior, Configuration, Values };

// What the top-level pass found.
struct TopLevel {
  uint32_t seen = 0;          // Section bits: the keys met so far
  bool plan_keys = false;     // resource_changes or planned_values is present: a plan
  bool changes_read = false;  // resource_changes was an array and has been read
  bool state_read = false;    // `values` was read as a state (before any plan key)
  bool state_root = false;    // values.root_module is present
  bool versions_only = true;  // no key but format_version and terraform_version
  bool has_version = false;
  int major = 0;             // of format_version; -1 when it is not "MAJOR.MINOR"
  std::string version_text;  // format_version as written, for messages
  std::string_view planned;  // planned_values, read at the end if there is no resource_changes
  std::unique_ptr<KeepText> keep_planned;
  std::vector<model::Resource> prior;  // prior_state data sources
};

Section classify(TopLevel& top, std::string_view key) {
  if (key != "format_version" && key != "terraform_version") top.versions_only = false;
  Section s = key == "format_version"     ? Section::Version
              : key == "resource_changes" ? Section::Changes
              : key == "planned_values"   ? Section::Planned
              : key == "prior_state"      ? Section::Prior
              : key == "configuration"    ? Section::Configuration
              : key == "values"           ? Section::Values
                                          : Section::Other;
  uint32_t bit = 1u << static_cast<unsigned>(s);
  if (s == Section::Other) return s;
  // A section given twice is an error (readers disagree on which one counts); the second pass
  // over the text says where.
  if ((top.seen & bit) != 0) throw JsonFault{simdjson::TAPE_ERROR, key.data(), "duplicate key in an object"};
  top.seen |= bit;
  return s;
}

// Major version of a "MAJOR.MINOR" format_version; -1 when it is not of that shape.
int major_version(std::string_view v) {
  size_t i = 0;
  int major = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i < 6) major = major * 10 + (v[i++] - '0');
  return i == 0 || (i < v.size() && v[i] != '.') ? -1 : major;
}

// `text` is the value as written; `unescaped` its string contents (when it is a string).
void set_version(TopLevel& top, std::string_view text, const std::string_view* unescaped) {
  top.has_version = true;
  top.major = unescaped != nullptr ? major_version(*unescaped) : -1;
  top.version_text = std::string(text);
}

void check_version(const LoadContext& ctx, const TopLevel& top, Format format) {
  if (top.has_version && top.major != 0 && top.major != 1) {
    throw InputError(ctx.name + ": unsupported " + (format == Format::Plan ? "plan" : "state") + " format_version " +
                     top.version_text + " (edict reads 0.x and 1.x)");
  }
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

// Reads a section the caller has decided to read; `value` is at depth 1 (in the top object).
void read_section(LoadContext& ctx, TopLevel& top, Section s, od::value value) {
  switch (s) {
    case Section::Changes:
      check_depth(1, value);
      ctx.source = "plan";
      load_resource_changes(ctx, take(value.get_array()), 2);
      top.changes_read = true;
      break;
    case Section::Planned:
      ctx.source = "plan";
      load_planned_values(ctx, value, 1);
      break;
    case Section::Prior:
      ctx.source = "plan";
      load_prior_state(ctx, value, 1, top.prior);
      break;
    case Section::Configuration: read_configuration(ctx, value, 1); break;
    case Section::Values:
      ctx.source = "state";
      top.state_root = load_state_values(ctx, value, 1);
      top.state_read = true;
      break;
    default: break;
  }
}

// Validates `value` (a top-level member the loader does not read now) and returns its text, which
// runs up to the next structural character (the ',' or '}' after it).
std::string_view validated_span(LoadContext& ctx, od::document& doc, od::value& value) {
  const char* begin = value.raw_json_token().data();
  ctx.converter.validate(value, 1);
  const char* end = nullptr;
  check(doc.current_location().get(end));
  std::string_view span(begin, static_cast<size_t>(end - begin));
  while (!span.empty() && (span.back() == ' ' || span.back() == '\t' || span.back() == '\n' || span.back() == '\r')) {
    span.remove_suffix(1);
  }
  return span;
}

// The whole document at once. Sections read only in some cases (planned_values, when no
// resource_changes follows) are validated, kept as text and read at the end.
void read_whole(LoadContext& ctx, od::document& doc, TopLevel& top) {
  if (take(doc.type()) != od::json_type::object) throw InputError(ctx.name + std::string(kNotTerraform));
  for (auto result : take(doc.get_object())) {
    od::field field = take(std::move(result));
    consumed(ctx, field.key().raw());
    Section s = classify(top, key_text(field));
    od::value value = field.value();
    od::json_type type = type_of(value);
    if (s == Section::Version) {
      std::string_view token = value.raw_json_token();
      if (type == od::json_type::string) {
        std::string_view contents = string_text(value);
        set_version(top, token.substr(0, token.rfind('"') + 1), &contents);
      } else {
        set_version(top, validated_span(ctx, doc, value), nullptr);
      }
      continue;
    }
    if (s == Section::Changes || s == Section::Planned) {
      become_plan(ctx, top);
      check_version(ctx, top, Format::Plan);
    }
    if (s == Section::Changes && type != od::json_type::array) {
      throw InputError(ctx.name + ": resource_changes must be an array, found " +
                       (type == od::json_type::object   ? "an object"
                        : type == od::json_type::string ? "a string"
                                                        : "a scalar"));
    }
    if (s == Section::Changes) {
      top.keep_planned.reset();  // planned_values will not be read
      top.planned = {};
      // Entries take 0.5 KB of text or (much) more: room for all of them, so the tables never grow.
      size_t guess = ctx.input->text().size() / 1024 + 16;
      ctx.pending.reserve(guess);
      ctx.by_address.reserve(guess);
      ctx.graph.reserve(guess);
      read_section(ctx, top, s, value);
    } else if (s == Section::Planned && !top.changes_read && type == od::json_type::object) {
      top.planned = validated_span(ctx, doc, value);
      top.keep_planned = std::make_unique<KeepText>(ctx);
      top.keep_planned->hold(top.planned);
    } else if (s == Section::Prior || s == Section::Configuration || (s == Section::Values && !top.plan_keys)) {
      read_section(ctx, top, s, value);  // `values`: a state, unless a plan key comes later
    } else {
      // Not read, but a malformed document must still be refused: checked without building anything.
      ctx.converter.validate(value, 1);
    }
  }
  // Anything after the top-level object is an error.
  if (doc.current_location().error() == simdjson::SUCCESS) fail(simdjson::TRAILING_CONTENT);
  if (top.plan_keys && !top.changes_read && !top.planned.empty()) {
    SpanReader reader(ctx.spans, top.planned);
    read_section(ctx, top, Section::Planned, reader.value());
  }
  top.keep_planned.reset();
}

}  // namespace

Format load_terraform(LoadContext& ctx, Input& input, od::document& doc) {
  TopLevel top;
  ctx.input = &input;
  read_whole(ctx, doc, top);
  Format format = top.plan_keys                          ? Format::Plan
                  : top.state_root                       ? Format::State
                  : top.has_version && top.versions_only ? Format::State  // an empty state
                                                         : Format::Unknown;
  if (format == Format::Unknown) throw InputError(ctx.name + std::string(kNotTerraform));
  check_version(ctx, top, format);
  if (format == Format::Plan) {
    for (const model::Resource& r : top.prior) {
      if (!ctx.by_address.contains(r.address)) register_resource(ctx, r, false);
    }
  }
  ctx.spans.clear();
  input.release();  // everything kept has been copied into arenas
  commit(ctx);
  if (format == Format::Plan) add_reference_edges(ctx);
  return format;
}

}  // namespace edict::loaders::internal
