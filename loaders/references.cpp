// The reference graph of a plan (FORMATS A.7): for every attribute expression in `configuration`
// that references other resources (directly, through input variables or through module outputs),
// an edge from each instance of the referring resource to each instance it refers to.
//
// Resolution works on configuration resources (module path + `type.name`) and is done once per
// attribute; only then is it applied to the instances. Module instance keys are carried along:
// a resource in module.m["a"] that names aws_s3_bucket.b refers to module.m["a"].aws_s3_bucket.b,
// never to module.m["b"].aws_s3_bucket.b.
#include <algorithm>
#include <unordered_set>

#include "loaders/internal/address.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders::internal {

namespace {

using simdjson::SUCCESS;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// Hops through variables and module outputs followed for one attribute; cycles stop earlier.
constexpr int kMaxHops = 64;

// A module of the configuration tree.
struct ConfigModule {
  std::string path;                     // module.a.module.b ("" for the root)
  std::vector<std::string_view> names;  // the call names from the root: {a, b}
  int parent = -1;
  object body;  // resources, outputs, module_calls
  object call;  // the module_calls entry in the parent (not set for the root)
  bool keyed = false;  // the call has count or for_each, so its instances have keys
  std::unordered_map<std::string_view, int> children;
};

// What is known about the instance key of one module level on the way to a target.
struct KeyReq {
  enum class Kind : uint8_t {
    Inherit,  // the same as the referring instance's key at this level
    None,     // the call has no count/for_each: no key
    Literal,  // named in the reference: module.m["a"].out
    Any,      // unknown: any instance
  };
  Kind kind;
  std::string_view literal;
};

// A configuration resource some attribute refers to, with what narrows its instances.
struct Target {
  int module;
  std::string resource;  // [data.]type.name
  std::vector<KeyReq> keys;  // one per module level of `module`
  std::string_view index;    // named in the reference: aws_s3_bucket.b[0]
  bool has_index = false;
  bool align = false;       // prefer the referring instance's own index (count.index, each.key)
  bool exact_only = false;  // only the instance with the referring instance's own index
};

struct Instance {
  uint32_t id;
  Address address;
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An expression object is `{}` or has only `references` (an array) and `constant_value`; any
// other object is a nested block.
bool is_expression(object o) {
  for (simdjson::dom::key_value_pair field : o) {
    if (field.key == "constant_value") continue;
    if (field.key == "references" && field.value.is_array()) continue;
    return false;
  }
  return true;
}

// The references of one expression without the entries that are prefixes of longer ones
// (`aws_s3_bucket.b` beside `aws_s3_bucket.b[0].id`), sorted and without duplicates.
std::vector<std::string_view> significant(array refs) {
  std::vector<std::string_view> all;
  for (element r : refs) {
    std::string_view s;
    if (r.get(s) == SUCCESS && !s.empty()) all.push_back(s);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<std::string_view> out;
  for (size_t i = 0; i < all.size(); ++i) {
    bool prefix = false;
    // Entries that start with all[i] follow it directly in sorted order.
    for (size_t j = i + 1; j < all.size() && starts_with(all[j], all[i]); ++j) {
      char next = all[j][all[i].size()];
      if (next == '.' || next == '[') {
        prefix = true;
        break;
      }
    }
    if (!prefix) out.push_back(all[i]);
  }
  return out;
}

class GraphBuilder {
 public:
  explicit GraphBuilder(LoadContext& ctx) : ctx_(ctx) {}

  void build(object configuration) {
    object root;
    if (configuration["root_module"].get(root) != SUCCESS) return;
    add_module(root, -1, {}, object());
    index_instances();
    if (by_config_key_.empty()) return;
    for (size_t m = 0; m < modules_.size(); ++m) link_module(static_cast<int>(m));
    if (unresolved_locals_ > 0) {
      ctx_.set.notes.emplace_back(
          "unresolved references",
          ctx_.name + ": " + std::to_string(unresolved_locals_) +
              " attribute(s) refer to resources only through local values, which plan JSON does not describe");
    }
  }

 private:
  int add_module(object body, int parent, std::string_view call_name, object call) {
    ConfigModule m;
    m.parent = parent;
    m.body = body;
    m.call = call;
    if (parent >= 0) {
      const ConfigModule& p = modules_[static_cast<size_t>(parent)];
      m.path = p.path.empty() ? "module." + std::string(call_name) : p.path + ".module." + std::string(call_name);
      m.names = p.names;
      m.names.push_back(call_name);
      m.keyed = call["count_expression"].error() == SUCCESS || call["for_each_expression"].error() == SUCCESS;
    }
    int index = static_cast<int>(modules_.size());
    modules_.push_back(std::move(m));
    object calls;
    if (body["module_calls"].get(calls) == SUCCESS) {
      for (simdjson::dom::key_value_pair field : calls) {
        object child_call, child_body;
        if (field.value.get(child_call) != SUCCESS || child_call["module"].get(child_body) != SUCCESS) continue;
        // Recursion depth is bounded by the JSON nesting limit.
        int child = add_module(child_body, index, field.key, child_call);
        modules_[static_cast<size_t>(index)].children.emplace(field.key, child);
      }
    }
    return index;
  }

  void index_instances() {
    instances_.reserve(ctx_.graph.size());
    for (uint32_t id : ctx_.graph) {
      Instance inst{id, {}};
      if (!parse_address(ctx_.set.resource(id).address, inst.address)) continue;
      size_t at = instances_.size();
      instances_.push_back(std::move(inst));
      const Address& a = instances_[at].address;
      by_config_key_[config_key(a)].push_back(at);
      std::string group = module_instance_path(a) + '|' + resource_part(a.data, a.type, a.name);
      by_group_[group].push_back(id);
      by_address_.emplace(ctx_.set.resource(id).address, id);
    }
  }

  static std::string resource_part(bool data, std::string_view type, std::string_view name) {
    std::string s = data ? "data." : "";
    s += type;
    s += '.';
    s += name;
    return s;
  }

  // Resolves every attribute of every configuration resource of module `m` and adds the edges.
  void link_module(int m) {
    const ConfigModule& module = modules_[static_cast<size_t>(m)];
    array resources;
    if (module.body["resources"].get(resources) != SUCCESS) return;
    for (element r : resources) {
      object resource, expressions;
      std::string_view address;
      if (r.get(resource) != SUCCESS || resource["address"].get(address) != SUCCESS) continue;
      std::string key = module.path.empty() ? std::string(address) : module.path + "." + std::string(address);
      auto sources = by_config_key_.find(key);
      if (sources == by_config_key_.end()) continue;  // no instances (count = 0, or not in this plan)
      if (resource["expressions"].get(expressions) != SUCCESS) continue;
      array for_each_refs;
      object for_each;
      bool has_for_each = resource["for_each_expression"].get(for_each) == SUCCESS &&
                          for_each["references"].get(for_each_refs) == SUCCESS;
      std::string path;
      walk(expressions, path, [&](const std::string& attr, array refs) {
        link_attribute(m, sources->second, attr, refs, has_for_each ? &for_each_refs : nullptr);
      });
    }
  }

  // Calls fn(dotted path, references) for every expression with references in a block, nested
  // blocks included (a list of blocks is an array of block objects; indices are not in the path).
  template <class Fn>
  void walk(object block, std::string& path, const Fn& fn) {
    for (simdjson::dom::key_value_pair field : block) {
      size_t len = path.size();
      if (!path.empty()) path += '.';
      path += field.key;
      object o;
      array list;
      if (field.value.get(o) == SUCCESS) {
        array refs;
        if (!is_expression(o)) {
          walk(o, path, fn);
        } else if (o["references"].get(refs) == SUCCESS) {
          fn(path, refs);
        }
      } else if (field.value.get(list) == SUCCESS) {
        for (element item : list) {
          object nested;
          if (item.get(nested) == SUCCESS) walk(nested, path, fn);
        }
      }
      path.resize(len);
    }
  }

  void link_attribute(int m, const std::vector<size_t>& sources, const std::string& attr, array refs,
                      const array* for_each_refs) {
    std::vector<std::string_view> list = significant(refs);
    bool align = false, each_value = false;
    for (std::string_view r : list) {
      align |= r == "count.index" || starts_with(r, "each.");
      each_value |= r == "each.value" || starts_with(r, "each.value.") || starts_with(r, "each.value[");
    }
    targets_.clear();
    visited_.clear();
    saw_local_ = false;
    size_t depth = modules_[static_cast<size_t>(m)].names.size();
    std::vector<KeyReq> keys(depth, KeyReq{KeyReq::Kind::Inherit, {}});
    for (std::string_view r : list) resolve(m, r, keys, kMaxHops, align, false);
    // `for_each = aws_s3_bucket.b` with `bucket = each.value.id`: each instance refers to the
    // bucket with its own key, and to no other.
    if (each_value && for_each_refs != nullptr) {
      for (std::string_view r : significant(*for_each_refs)) resolve(m, r, keys, kMaxHops, true, true);
    }
    if (targets_.empty()) {
      if (saw_local_) ++unresolved_locals_;
      return;
    }
    Symbol path = intern(attr);
    for (size_t s : sources) {
      for (const Target& t : targets_) link(instances_[s], path, t);
    }
  }

  void resolve(int m, std::string_view ref, std::vector<KeyReq>& keys, int budget, bool align, bool exact_only) {
    if (budget <= 0) return;
    std::vector<Step> steps;
    if (!split_traversal(ref, steps)) return;
    const ConfigModule& module = modules_[static_cast<size_t>(m)];
    std::string_view head = steps[0].name;
    if (head == "var") {
      object expressions, expr;
      array refs;
      if (module.parent < 0 || steps.size() < 2 || module.call["expressions"].get(expressions) != SUCCESS ||
          expressions[steps[1].name].get(expr) != SUCCESS || expr["references"].get(refs) != SUCCESS) {
        return;  // a root variable is a value, not a resource; or the variable keeps its default
      }
      if (!first_visit(m, ref, keys)) return;
      KeyReq saved = keys.back();
      keys.pop_back();
      for (std::string_view r : significant(refs)) resolve(module.parent, r, keys, budget - 1, align, exact_only);
      keys.push_back(saved);
    } else if (head == "module") {
      if (steps.size() < 2) return;
      auto child = module.children.find(steps[1].name);
      if (child == module.children.end()) return;
      const ConfigModule& c = modules_[static_cast<size_t>(child->second)];
      object outputs;
      if (c.body["outputs"].get(outputs) != SUCCESS || !first_visit(m, ref, keys)) return;
      KeyReq key{c.keyed ? KeyReq::Kind::Any : KeyReq::Kind::None, {}};
      if (steps[1].has_key) key = {KeyReq::Kind::Literal, steps[1].key};
      keys.push_back(key);
      auto follow = [&](element output) {
        array refs;
        if (output.at_pointer("/expression/references").get(refs) != SUCCESS) return;
        for (std::string_view r : significant(refs)) resolve(child->second, r, keys, budget - 1, align, exact_only);
      };
      if (steps.size() >= 3) {
        element output;
        if (outputs[steps[2].name].get(output) == SUCCESS) follow(output);
      } else {
        for (simdjson::dom::key_value_pair field : outputs) follow(field.value);  // the whole module object
      }
      keys.pop_back();
    } else if (head == "data") {
      if (steps.size() < 3 || steps[1].has_key) return;
      add_target(m, resource_part(true, steps[1].name, steps[2].name), keys, steps[2], align, exact_only);
    } else if (head == "local") {
      saw_local_ = true;
    } else if (head == "each" || head == "count" || head == "path" || head == "self" || head == "terraform") {
      return;
    } else if (steps.size() >= 2 && !steps[0].has_key) {
      add_target(m, resource_part(false, steps[0].name, steps[1].name), keys, steps[1], align, exact_only);
    }
  }

  void add_target(int m, std::string resource, const std::vector<KeyReq>& keys, const Step& step, bool align,
                  bool exact_only) {
    Target t{m, std::move(resource), keys, step.key, step.has_key, align, exact_only};
    targets_.push_back(std::move(t));
  }

  // Guards against cycles (a variable fed by an output that reads the same variable).
  bool first_visit(int m, std::string_view ref, const std::vector<KeyReq>& keys) {
    std::string key = std::to_string(m) + '\x1f' + std::string(ref);
    for (const KeyReq& k : keys) {
      key += static_cast<char>('0' + static_cast<int>(k.kind));
      key += k.literal;
      key += '\x1f';
    }
    return visited_.insert(std::move(key)).second;
  }

  // Adds the edges from one referring instance to the instances of target `t`.
  void link(const Instance& source, Symbol path, const Target& t) {
    const ConfigModule& module = modules_[static_cast<size_t>(t.module)];
    // The wanted index: named in the reference, or the source's own (count.index / each.key).
    std::string_view want;
    bool has_want = false;
    if (t.has_index) {
      want = t.index;
      has_want = true;
    } else if (t.align && source.address.has_index) {
      want = source.address.index;
      has_want = true;
    }
    if (t.exact_only && !has_want) return;

    // The target's module instance path, when every level's key is known.
    std::string prefix;
    bool determined = true;
    for (size_t i = 0; i < t.keys.size() && determined; ++i) {
      const KeyReq& k = t.keys[i];
      std::string_view key;
      bool has_key = false;
      switch (k.kind) {
        case KeyReq::Kind::Inherit:
          key = source.address.modules[i].key;
          has_key = source.address.modules[i].has_key;
          break;
        case KeyReq::Kind::None: break;
        case KeyReq::Kind::Literal:
          key = k.literal;
          has_key = true;
          break;
        case KeyReq::Kind::Any: determined = false; break;
      }
      if (!prefix.empty()) prefix += '.';
      prefix += "module.";
      prefix += module.names[i];
      if (has_key) {
        prefix += '[';
        prefix += key;
        prefix += ']';
      }
    }

    if (determined) {
      if (has_want) {
        std::string address = prefix.empty() ? t.resource : prefix + "." + t.resource;
        address += '[';
        address += want;
        address += ']';
        auto hit = by_address_.find(address);
        if (hit != by_address_.end()) {
          edge(source.id, path, hit->second);
          return;
        }
        if (t.exact_only) return;
      }
      auto group = by_group_.find(prefix + '|' + t.resource);
      if (group == by_group_.end()) return;
      for (uint32_t to : group->second) edge(source.id, path, to);
      return;
    }

    // Some level's key is unknown: filter the configuration resource's instances.
    std::string key = module.path.empty() ? t.resource : module.path + "." + t.resource;
    auto candidates = by_config_key_.find(key);
    if (candidates == by_config_key_.end()) return;
    std::vector<uint32_t> matched, exact;
    for (size_t c : candidates->second) {
      const Address& a = instances_[c].address;
      bool ok = true;
      for (size_t i = 0; i < t.keys.size() && ok; ++i) {
        const KeyReq& k = t.keys[i];
        const Step& step = a.modules[i];
        switch (k.kind) {
          case KeyReq::Kind::Inherit:
            ok = step.has_key == source.address.modules[i].has_key && step.key == source.address.modules[i].key;
            break;
          case KeyReq::Kind::None: ok = !step.has_key; break;
          case KeyReq::Kind::Literal: ok = step.has_key && step.key == k.literal; break;
          case KeyReq::Kind::Any: break;
        }
      }
      if (!ok) continue;
      matched.push_back(instances_[c].id);
      if (has_want && a.has_index && a.index == want) exact.push_back(instances_[c].id);
    }
    if (!exact.empty() || t.exact_only) matched.swap(exact);
    for (uint32_t to : matched) edge(source.id, path, to);
  }

  void edge(uint32_t from, Symbol path, uint32_t to) {
    if (from != to) ctx_.set.add_edge(from, path, to);
  }

  LoadContext& ctx_;
  std::vector<ConfigModule> modules_;
  std::vector<Instance> instances_;
  std::unordered_map<std::string, std::vector<size_t>> by_config_key_;  // -> indices into instances_
  std::unordered_map<std::string, std::vector<uint32_t>> by_group_;     // module instance|resource -> ids
  std::unordered_map<std::string_view, uint32_t> by_address_;           // instances only
  // Per attribute being resolved:
  std::vector<Target> targets_;
  std::unordered_set<std::string> visited_;
  bool saw_local_ = false;
  size_t unresolved_locals_ = 0;
};

}  // namespace

void add_reference_edges(LoadContext& ctx, object configuration) { GraphBuilder(ctx).build(configuration); }

}  // namespace edict::loaders::internal
