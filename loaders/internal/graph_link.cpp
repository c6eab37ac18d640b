// The instance side of the reference graph: instances indexed by configuration key and by module
// instance path, and the edges from a referring instance to the instances of a target.
#include "loaders/internal/graph_builder.h"

namespace edict::loaders::internal {

// Lists of instances by configuration key and by module instance + resource are linked
// through next_* arrays: one hash entry per list, no vector per key.
void GraphBuilder::index_instances() {
  size_t n = ctx_.graph.size();
  instances_.reserve(n);
  by_config_key_.reserve(n);
  by_group_.reserve(n);
  in_graph_.assign(ctx_.set.resources().size() - ctx_.first_id, 0);
  Address a;
  for (uint32_t id : ctx_.graph) {
    std::string_view address = ctx_.set.resource(id).address;
    if (!parse_address(address, a)) continue;
    auto at = static_cast<uint32_t>(instances_.size());
    instances_.push_back(
        {id, static_cast<uint32_t>(steps_.size()), static_cast<uint32_t>(a.modules.size()), a.index, a.has_index});
    steps_.insert(steps_.end(), a.modules.begin(), a.modules.end());
    in_graph_[id - ctx_.first_id] = 1;
    // The address up to the end of the resource name is "module instance path.resource".
    std::string_view resource_end = a.name;
    std::string_view group =
        address.substr(0, static_cast<size_t>(resource_end.data() - address.data()) + resource_end.size());
    link_list(by_group_, next_in_group_, group, at);
    config_key(a, key_buffer_);
    link_list(by_config_key_, next_in_key_, keys_.copy(key_buffer_), at);
  }
}

void GraphBuilder::link_list(StringIndex& heads, std::vector<uint32_t>& next, std::string_view key, uint32_t at) {
  auto [head, inserted] = heads.emplace(key, at);
  next.push_back(inserted ? kEnd : *head);
  *head = at;
}

const Step& GraphBuilder::source_module(const Instance& source, size_t level) const {
  return steps_[source.first_module + level];
}

// Adds the edges from one referring instance to the instances of target `t`.
void GraphBuilder::link(const Instance& source, Symbol path, const Target& t) {
  const ConfigModule& module = modules_[static_cast<size_t>(t.module)];
  size_t depth = module.names.size();
  const KeyReq* keys = keys_used_.data() + t.first_key;
  // The wanted index: named in the reference, or the source's own (count.index / each.key).
  std::string_view want;
  bool has_want = false;
  if (t.has_index) {
    want = t.index;
    has_want = true;
  } else if (t.align && source.has_index) {
    want = source.index;
    has_want = true;
  }
  if (t.exact_only && !has_want) return;

  // The target's "module instance path.resource", when every level's key is known.
  std::string& group = group_buffer_;
  group.clear();
  bool determined = true, assumed_unkeyed = false;
  for (size_t i = 0; i < depth && determined; ++i) {
    std::string_view key;
    bool has_key = false;
    switch (keys[i].kind) {
      case KeyReq::Kind::Inherit:
        key = source_module(source, i).key;
        has_key = source_module(source, i).has_key;
        break;
      case KeyReq::Kind::None: assumed_unkeyed = true; break;
      case KeyReq::Kind::Literal:
        key = keys[i].literal;
        has_key = true;
        break;
      case KeyReq::Kind::Any: determined = false; break;
    }
    group += "module.";
    group += module.names[i];
    if (has_key) {
      group += '[';
      group += key;
      group += ']';
    }
    group += '.';
  }
  group += t.resource;

  if (determined) {
    if (has_want) {
      size_t len = group.size();
      group += '[';
      group += want;
      group += ']';
      const uint32_t* hit = ctx_.by_address.find(group);
      if (hit != nullptr && in_graph(*hit)) {
        edge(source.id, path, *hit);
        return;
      }
      if (t.exact_only) return;
      group.resize(len);
    }
    if (const uint32_t* list = by_group_.find(group)) {
      for (uint32_t i = *list; i != kEnd; i = next_in_group_[i]) edge(source.id, path, instances_[i].id);
      return;
    }
    // Found nothing although a call without count/for_each was assumed to have no keys:
    // trust the addresses over that assumption.
    if (!assumed_unkeyed) return;
  }
  filter(source, path, t, want, has_want);
}

// The slow path, when some module level's key is unknown: filters the instances of the
// target's configuration resource.
void GraphBuilder::filter(const Instance& source, Symbol path, const Target& t, std::string_view want, bool has_want) {
  const ConfigModule& module = modules_[static_cast<size_t>(t.module)];
  const KeyReq* keys = keys_used_.data() + t.first_key;
  std::string key = module.path.empty() ? std::string(t.resource) : module.path + "." + std::string(t.resource);
  const uint32_t* candidates = by_config_key_.find(key);
  if (candidates == nullptr) return;
  std::vector<uint32_t> matched, exact;
  for (uint32_t c = *candidates; c != kEnd; c = next_in_key_[c]) {
    const Instance& inst = instances_[c];
    bool ok = true;
    for (size_t i = 0; i < module.names.size() && ok; ++i) {
      const Step& step = steps_[inst.first_module + i];
      switch (keys[i].kind) {
        case KeyReq::Kind::Inherit:
          ok = step.has_key == source_module(source, i).has_key && step.key == source_module(source, i).key;
          break;
        case KeyReq::Kind::Literal: ok = step.has_key && step.key == keys[i].literal; break;
        case KeyReq::Kind::None:
        case KeyReq::Kind::Any: break;
      }
    }
    if (!ok) continue;
    matched.push_back(inst.id);
    if (has_want && inst.has_index && inst.index == want) exact.push_back(inst.id);
  }
  if (!exact.empty() || t.exact_only) matched.swap(exact);
  for (uint32_t to : matched) edge(source.id, path, to);
}

bool GraphBuilder::in_graph(uint32_t id) const {
  return id >= ctx_.first_id && id - ctx_.first_id < in_graph_.size() && in_graph_[id - ctx_.first_id] != 0;
}

void GraphBuilder::edge(uint32_t from, Symbol path, uint32_t to) {
  if (from != to) ctx_.set.add_edge(from, path, to);
}

}  // namespace edict::loaders::internal
