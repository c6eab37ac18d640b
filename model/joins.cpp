// JoinIndex: built once per (type, path) with every target's list complete, so that reading it
// needs no lock and no lazy state (evaluation threads share one index).
#include "model/joins.h"

#include <algorithm>

namespace edict::model {

namespace {
const std::vector<uint32_t> kNone;

void sort_unique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
}  // namespace

void JoinIndex::add(const ResourceSet& set, std::string_view type, Symbol path) {
  if (has(type, path)) return;
  Referrers index;
  std::string_view path_name = symbol_name(path);
  for (uint32_t from : set.of_type(type)) {
    for (uint32_t to : set.targets(from, path)) index.by_target[to].push_back(from);
    // Literal values join by identity (e.g. bucket = "my-bucket" with no reference).
    const Value* v = find_path(set.resources()[from].attrs, path_name);
    if (v == nullptr) continue;
    if (v->is_unknown() && !set.has_edges(from, path)) index.ambiguous.push_back(from);
    auto add_ident = [&](const Value& s) {
      if (!s.is_string()) return;
      for (uint32_t to : set.by_identity(s.as_string())) {
        if (to != from) index.by_target[to].push_back(from);
      }
    };
    if (v->is_list()) {
      for (const Value& item : v->as_list()) add_ident(item);
    } else {
      add_ident(*v);
    }
  }
  sort_unique(index.ambiguous);
  for (auto& [_, list] : index.by_target) {
    list.insert(list.end(), index.ambiguous.begin(), index.ambiguous.end());
    sort_unique(list);
  }
  auto types = indexes_.find(type);
  if (types == indexes_.end()) types = indexes_.emplace(types_.emplace_back(type), std::unordered_map<Symbol, Referrers>{}).first;
  types->second.emplace(path, std::move(index));
}

const JoinIndex::Referrers* JoinIndex::find(std::string_view type, Symbol path) const {
  auto types = indexes_.find(type);
  if (types == indexes_.end()) return nullptr;
  auto it = types->second.find(path);
  return it == types->second.end() ? nullptr : &it->second;
}

const std::vector<uint32_t>& JoinIndex::referrers(std::string_view type, Symbol path, uint32_t target) const {
  const Referrers* index = find(type, path);
  if (index == nullptr) return kNone;
  auto hit = index->by_target.find(target);
  return hit == index->by_target.end() ? index->ambiguous : hit->second;
}

}  // namespace edict::model
