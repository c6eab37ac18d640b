// ResourceSet: storage and the address, type and identity indexes that finish() builds.
#include "model/resource.h"

#include <algorithm>

namespace edict::model {

namespace {
const std::vector<uint32_t> kEmpty;

}  // namespace

const Value* find_path(const Value& root, std::string_view path) {
  const Value* cur = &root;
  while (true) {
    size_t dot = path.find('.');
    while (cur->is_list() && cur->size() > 0) cur = &cur->as_list()[0];
    cur = cur->find(intern(path.substr(0, dot)));
    if (cur == nullptr || dot == std::string_view::npos) return cur;
    if (cur->is_unknown()) return cur;
    path = path.substr(dot + 1);
  }
}

namespace {

// Calls f on each identity string of r (see identities()), without building a list.
template <class F>
void for_each_identity(const Resource& r, F&& f) {
  static const Symbol kKeys[] = {intern("id"), intern("arn"), intern("bucket")};
  for (Symbol key : kKeys) {
    // `bucket` is an identity only of the bucket itself, not of resources that point at one.
    if (key == kKeys[2] && r.type != "aws_s3_bucket") continue;
    const Value* v = r.attrs.find(key);
    if (v != nullptr && v->is_string() && !v->as_string().empty()) f(v->as_string());
  }
}

bool edge_less(const Edge& a, const Edge& b) {
  if (a.from != b.from) return a.from < b.from;
  if (a.path != b.path) return a.path < b.path;
  return a.to < b.to;
}
}  // namespace

std::string_view action_name(Action a) {
  switch (a) {
    case Action::Create: return "create";
    case Action::Update: return "update";
    case Action::Replace: return "replace";
    case Action::Delete: return "delete";
    case Action::NoOp: return "no-op";
    case Action::Read: return "read";
    case Action::None: return "none";
  }
  return "none";
}

std::string_view mode_name(Mode m) { return m == Mode::Managed ? "managed" : "data"; }

ResourceSet::ResourceSet() : arena_(std::make_unique<Arena>(1 << 16)) {}

uint32_t ResourceSet::add(Resource r) {
  r.id = static_cast<uint32_t>(resources_.size());
  resources_.push_back(r);
  return r.id;
}

uint32_t ResourceSet::add_file(std::string path) {
  files_.push_back(std::move(path));
  return static_cast<uint32_t>(files_.size() - 1);
}

void ResourceSet::add_edge(uint32_t from, Symbol path, uint32_t to) { edges_.push_back({from, path, to}); }

void ResourceSet::finish() {
  // Loaders add edges resource by resource, so they are usually in order already: checking is
  // linear, and only out-of-order edges pay for the sort.
  if (!std::is_sorted(edges_.begin(), edges_.end(), edge_less)) std::sort(edges_.begin(), edges_.end(), edge_less);
  edges_.erase(std::unique(edges_.begin(), edges_.end(),
                           [](const Edge& a, const Edge& b) {
                             return a.from == b.from && a.path == b.path && a.to == b.to;
                           }),
               edges_.end());
  by_address_.clear();
  by_identity_.clear();
  by_type_[0].clear();
  by_type_[1].clear();
  // Sized once: growing the tables rehashes every entry several times over.
  by_address_.reserve(resources_.size());
  by_identity_.reserve(resources_.size() * 2);
  // Resources of one type come in runs (loaders read them grouped): the last type's list is
  // reused without hashing (or allocating) its name again.
  std::vector<uint32_t>* last_list = nullptr;
  std::string_view last_type;
  Mode last_mode = Mode::Managed;
  for (const Resource& r : resources_) {
    by_address_.emplace(r.address, &r);
    if (last_list == nullptr || r.type != last_type || r.mode != last_mode) {
      last_list = &by_type_[r.mode == Mode::Managed ? 0 : 1][std::string(r.type)];
      last_type = r.type;
      last_mode = r.mode;
    }
    last_list->push_back(r.id);
    for_each_identity(r, [&](std::string_view ident) { by_identity_[ident].push_back(r.id); });
  }
}

const std::vector<uint32_t>& ResourceSet::of_type(std::string_view type, Mode mode) const {
  const auto& map = by_type_[mode == Mode::Managed ? 0 : 1];
  auto it = map.find(std::string(type));
  return it == map.end() ? kEmpty : it->second;
}

const Resource* ResourceSet::by_address(std::string_view address) const {
  auto it = by_address_.find(address);
  return it == by_address_.end() ? nullptr : it->second;
}

std::vector<uint32_t> ResourceSet::targets(uint32_t from, Symbol path) const {
  std::vector<uint32_t> out;
  auto lo = std::lower_bound(edges_.begin(), edges_.end(), Edge{from, path, 0}, edge_less);
  for (auto it = lo; it != edges_.end() && it->from == from && it->path == path; ++it) out.push_back(it->to);
  return out;
}

std::vector<uint32_t> ResourceSet::targets(uint32_t from) const {
  std::vector<uint32_t> out;
  auto lo = std::lower_bound(edges_.begin(), edges_.end(), Edge{from, 0, 0}, edge_less);
  for (auto it = lo; it != edges_.end() && it->from == from; ++it) out.push_back(it->to);
  return out;
}

bool ResourceSet::has_edges(uint32_t from, Symbol path) const {
  auto lo = std::lower_bound(edges_.begin(), edges_.end(), Edge{from, path, 0}, edge_less);
  return lo != edges_.end() && lo->from == from && lo->path == path;
}

const std::vector<uint32_t>& ResourceSet::by_identity(std::string_view s) const {
  auto it = by_identity_.find(s);
  return it == by_identity_.end() ? kEmpty : it->second;
}

std::vector<uint32_t> ResourceSet::referenced(uint32_t from, std::string_view type, Symbol path,
                                              bool& ambiguous) const {
  ambiguous = false;
  std::vector<uint32_t> out;
  for (uint32_t to : targets(from, path)) {
    if (resources_[to].type == type) out.push_back(to);
  }
  const Value* v = find_path(resources_[from].attrs, symbol_name(path));
  auto add_ident = [&](const Value& s) {
    if (s.is_unknown() && out.empty() && !has_edges(from, path)) ambiguous = true;
    if (!s.is_string()) return;
    for (uint32_t to : by_identity(s.as_string())) {
      if (to != from && resources_[to].type == type) out.push_back(to);
    }
  };
  if (v != nullptr) {
    if (v->is_list()) {
      for (const Value& item : v->as_list()) add_ident(item);
    } else {
      add_ident(*v);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string_view> identities(const Resource& r) {
  std::vector<std::string_view> out;
  for_each_identity(r, [&](std::string_view ident) { out.push_back(ident); });
  return out;
}

}  // namespace edict::model
