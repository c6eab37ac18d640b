// The reference graph of a plan (FORMATS A.7): for every attribute expression in `configuration`
// that references other resources (directly, through input variables or through module outputs),
// an edge from each instance of the referring resource to each instance it refers to.
//
// Resolution works on configuration resources (module path + `type.name`) and is done once per
// attribute; only then is it applied to the instances. Module instance keys are carried along:
// a resource in module.m["a"] that names aws_s3_bucket.b refers to module.m["a"].aws_s3_bucket.b,
// never to module.m["b"].aws_s3_bucket.b.
#include <algorithm>

#include "loaders/internal/graph_builder.h"
#include "loaders/internal/json_value.h"

namespace edict::loaders::internal {

namespace {

// The keys of the configuration tree (config_tree.cpp) this file reads.
struct Keys {
  Symbol root_module = intern_key("root_module"), module_calls = intern_key("module_calls"),
         module = intern_key("module"), resources = intern_key("resources"), outputs = intern_key("outputs"),
         address = intern_key("address"), expressions = intern_key("expressions"),
         expression = intern_key("expression"), references = intern_key("references"),
         constant_value = intern_key("constant_value"), count_expression = intern_key("count_expression"),
         for_each_expression = intern_key("for_each_expression");
};

const Keys& config_keys() {
  static const Keys k;
  return k;
}

// Member `key` of `v` when `v` is an object and the member has the wanted kind; else nullptr.
const Value* member(const Value* v, Symbol key, Kind kind) {
  const Value* m = v == nullptr ? nullptr : v->find(key);
  return m != nullptr && m->kind() == kind ? m : nullptr;
}

// The same by name, for names taken from reference text (compared, never interned).
const Value* named_member(const Value* v, std::string_view name) {
  if (v == nullptr || !v->is_object()) return nullptr;
  for (const Member& m : v->as_object()) {
    if (symbol_name(m.key) == name) return &m.value;
  }
  return nullptr;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An expression object is `{}` or has only `references` (an array) and `constant_value`; any
// other object is a nested block.
bool is_expression(const Value& o) {
  for (const Member& m : o.as_object()) {
    if (m.key == config_keys().constant_value) continue;
    if (m.key == config_keys().references && m.value.is_list()) continue;
    return false;
  }
  return true;
}

// The references of one expression without the entries that are prefixes of longer ones
// (`aws_s3_bucket.b` beside `aws_s3_bucket.b[0].id`), sorted and without duplicates.
void significant(const Value& refs, std::vector<std::string_view>& out) {
  out.clear();
  for (const Value& r : refs.as_list()) {
    if (r.is_string() && r.size() > 0) out.push_back(r.as_string());
  }
  if (out.size() < 2) return;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    bool prefix = false;
    // Entries that start with out[i] follow it directly in sorted order.
    for (size_t j = i + 1; j < out.size() && starts_with(out[j], out[i]); ++j) {
      char next = out[j][out[i].size()];
      if (next == '.' || next == '[') {
        prefix = true;
        break;
      }
    }
    if (!prefix) out[kept++] = out[i];
  }
  out.resize(kept);
}

}  // namespace

void GraphBuilder::build(const Value& configuration) {
  const Value* root = member(&configuration, config_keys().root_module, Kind::Object);
  if (root == nullptr) return;
  add_module(root, -1, {}, nullptr);
  index_instances();
  if (instances_.empty()) return;
  for (size_t m = 0; m < modules_.size(); ++m) link_module(static_cast<int>(m));
  if (unresolved_locals_ > 0) {
    ctx_.set.notes.emplace_back(
        "unresolved references",
        ctx_.name + ": " + std::to_string(unresolved_locals_) +
            " attribute(s) use local values, which plan JSON does not describe: references made through "
            "them are not followed");
  }
}

int GraphBuilder::add_module(const Value* body, int parent, std::string_view call_name, const Value* call) {
  ConfigModule m;
  m.parent = parent;
  m.body = body;
  m.call = call;
  if (parent >= 0) {
    const ConfigModule& p = modules_[static_cast<size_t>(parent)];
    m.path = p.path.empty() ? "module." + std::string(call_name) : p.path + ".module." + std::string(call_name);
    m.names = p.names;
    m.names.push_back(call_name);
    m.keyed = call->find(config_keys().count_expression) != nullptr ||
              call->find(config_keys().for_each_expression) != nullptr;
  }
  int index = static_cast<int>(modules_.size());
  modules_.push_back(std::move(m));
  if (const Value* calls = member(body, config_keys().module_calls, Kind::Object)) {
    for (const Member& field : calls->as_object()) {
      const Value* child_body = member(&field.value, config_keys().module, Kind::Object);
      if (child_body == nullptr) continue;
      // Recursion depth is bounded by the JSON nesting limit.
      std::string_view name = symbol_name(field.key);
      int child = add_module(child_body, index, name, &field.value);
      modules_[static_cast<size_t>(index)].children.emplace(name, child);
    }
  }
  return index;
}

// Resolves every attribute of every configuration resource of module `m` and adds the edges.
void GraphBuilder::link_module(int m) {
  const ConfigModule& module = modules_[static_cast<size_t>(m)];
  const Value* resources = member(module.body, config_keys().resources, Kind::List);
  if (resources == nullptr) return;
  for (const Value& resource : resources->as_list()) {
    const Value* address = member(&resource, config_keys().address, Kind::String);
    if (address == nullptr) continue;
    key_buffer_ = module.path;
    if (!key_buffer_.empty()) key_buffer_ += '.';
    key_buffer_ += address->as_string();
    const uint32_t* sources = by_config_key_.find(key_buffer_);
    if (sources == nullptr) continue;  // no instances (count = 0, or not in this plan)
    const Value* expressions = member(&resource, config_keys().expressions, Kind::Object);
    for (uint32_t s = *sources; s != kEnd; s = next_in_key_[s]) {
      mark_configured(ctx_.set.resource(instances_[s].id), expressions);
    }
    if (expressions == nullptr) continue;
    const Value* for_each_refs = member(member(&resource, config_keys().for_each_expression, Kind::Object),
                                        config_keys().references, Kind::List);
    uint32_t first_source = *sources;
    path_buffer_.clear();
    walk(*expressions, path_buffer_, [&](const std::string& attr, const Value& refs) {
      link_attribute(m, first_source, attr, refs, for_each_refs);
    });
  }
}

// Calls fn(dotted path, references) for every expression with references in a block, nested
// blocks included (a list of blocks is an array of block objects; indices are not in the path).
template <class Fn>
void GraphBuilder::walk(const Value& block, std::string& path, const Fn& fn) {
  for (const Member& field : block.as_object()) {
    size_t len = path.size();
    if (!path.empty()) path += '.';
    path += symbol_name(field.key);
    const Value& v = field.value;
    if (v.is_object()) {
      if (!is_expression(v)) {
        walk(v, path, fn);
      } else if (const Value* refs = member(&v, config_keys().references, Kind::List)) {
        fn(path, *refs);
      }
    } else if (v.is_list()) {
      for (const Value& item : v.as_list()) {
        if (item.is_object()) walk(item, path, fn);
      }
    }
    path.resize(len);
  }
}

void GraphBuilder::link_attribute(int m, uint32_t first_source, const std::string& attr, const Value& refs,
                                  const Value* for_each_refs) {
  significant(refs, refs_buffer_);
  bool align = false, each_value = false;
  for (std::string_view r : refs_buffer_) {
    align |= r == "count.index" || starts_with(r, "each.");
    each_value |= r == "each.value" || starts_with(r, "each.value.") || starts_with(r, "each.value[");
  }
  targets_.clear();
  keys_used_.clear();
  if (!visited_.empty()) visited_.clear();
  saw_local_ = false;
  size_t depth = modules_[static_cast<size_t>(m)].names.size();
  std::vector<KeyReq>& keys = keys_stack_;
  keys.assign(depth, KeyReq{KeyReq::Kind::Inherit, {}});
  for (std::string_view r : refs_buffer_) resolve(m, r, keys, kMaxHops, align, false);
  // `for_each = aws_s3_bucket.b` with `bucket = each.value.id`: each instance refers to the
  // bucket with its own key, and to no other.
  if (each_value && for_each_refs != nullptr) {
    significant(*for_each_refs, refs_buffer_);
    for (std::string_view r : refs_buffer_) resolve(m, r, keys, kMaxHops, true, true);
  }
  if (targets_.empty()) {
    if (saw_local_) ++unresolved_locals_;
    return;
  }
  Symbol path = intern_key(attr);
  for (uint32_t s = first_source; s != kEnd; s = next_in_key_[s]) {
    for (const Target& t : targets_) link(instances_[s], path, t);
  }
}

void GraphBuilder::resolve(int m, std::string_view ref, std::vector<KeyReq>& keys, int budget, bool align,
                           bool exact_only) {
  if (budget <= 0) return;
  Step steps[3];
  size_t n = split_traversal(ref, steps, 3);
  if (n == 0) return;
  const ConfigModule& module = modules_[static_cast<size_t>(m)];
  std::string_view head = steps[0].name;
  if (head == "var") {
    const Value* refs =
        module.parent < 0 || n < 2
            ? nullptr
            : member(named_member(member(module.call, config_keys().expressions, Kind::Object), steps[1].name),
                     config_keys().references, Kind::List);
    if (refs == nullptr) {
      return;  // a root variable is a value, not a resource; or the variable keeps its default
    }
    if (!first_visit(m, ref, keys)) return;
    KeyReq saved = keys.back();
    keys.pop_back();
    std::vector<std::string_view> list;
    significant(*refs, list);
    for (std::string_view r : list) resolve(module.parent, r, keys, budget - 1, align, exact_only);
    keys.push_back(saved);
  } else if (head == "module") {
    if (n < 2) return;
    auto child = module.children.find(steps[1].name);
    if (child == module.children.end()) return;
    const ConfigModule& c = modules_[static_cast<size_t>(child->second)];
    const Value* outputs = member(c.body, config_keys().outputs, Kind::Object);
    if (outputs == nullptr || !first_visit(m, ref, keys)) return;
    KeyReq key{c.keyed ? KeyReq::Kind::Any : KeyReq::Kind::None, {}};
    if (steps[1].has_key) key = {KeyReq::Kind::Literal, steps[1].key};
    keys.push_back(key);
    std::vector<std::string_view> list;
    auto follow = [&](const Value* output) {
      const Value* refs =
          member(member(output, config_keys().expression, Kind::Object), config_keys().references, Kind::List);
      if (refs == nullptr) return;
      significant(*refs, list);
      for (std::string_view r : list) resolve(child->second, r, keys, budget - 1, align, exact_only);
    };
    if (n >= 3) {
      if (const Value* output = named_member(outputs, steps[2].name)) follow(output);
    } else {
      for (const Member& field : outputs->as_object()) follow(&field.value);  // the whole module object
    }
    keys.pop_back();
  } else if (head == "data") {
    if (n < 3 || steps[1].has_key) return;
    add_target(m, ref, steps[2], keys, align, exact_only);
  } else if (head == "local") {
    saw_local_ = true;
  } else if (head == "each" || head == "count" || head == "path" || head == "self" || head == "terraform") {
    return;
  } else if (n >= 2 && !steps[0].has_key) {
    add_target(m, ref, steps[1], keys, align, exact_only);
  }
}

// `name_step` is the step naming the resource: the target is the reference text up to it.
void GraphBuilder::add_target(int m, std::string_view ref, const Step& name_step, const std::vector<KeyReq>& keys,
                              bool align, bool exact_only) {
  std::string_view resource =
      ref.substr(0, static_cast<size_t>(name_step.name.data() - ref.data()) + name_step.name.size());
  auto first_key = static_cast<uint32_t>(keys_used_.size());
  keys_used_.insert(keys_used_.end(), keys.begin(), keys.end());
  targets_.push_back({m, resource, first_key, name_step.key, name_step.has_key, align, exact_only});
}

// Guards against cycles (a variable fed by an output that reads the same variable).
bool GraphBuilder::first_visit(int m, std::string_view ref, const std::vector<KeyReq>& keys) {
  std::string key = std::to_string(m) + '\x1f' + std::string(ref);
  for (const KeyReq& k : keys) {
    key += static_cast<char>('0' + static_cast<int>(k.kind));
    key += k.literal;
    key += '\x1f';
  }
  return visited_.insert(std::move(key)).second;
}

void add_reference_edges(LoadContext& ctx) { GraphBuilder(ctx).build(ctx.configuration); }

}  // namespace edict::loaders::internal
