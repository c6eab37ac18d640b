// change.after + change.after_unknown -> the attributes of a planned resource (see after_unknown.h).
#include "loaders/internal/after_unknown.h"

#include <algorithm>
#include <cstring>

namespace edict::loaders::internal {

Value UnknownMerger::merge(const Value* after, const Value& unknown) {
  bool absent = after == nullptr || after->is_null();
  switch (unknown.kind()) {
    case Kind::Bool:
      if (unknown.as_bool()) return Value::unknown();
      break;
    case Kind::Object:
      if (!absent && after->is_object()) return merge_object(*after, unknown);
      break;
    case Kind::List:
      if (!absent && after->is_list()) return merge_list(*after, unknown);
      break;
    default: break;
  }
  if (absent) {
    Value built;
    if (build(unknown, built)) return built;
  }
  return after == nullptr ? Value::null() : *after;
}

size_t UnknownMerger::merge_into(Member* members, size_t n, const Value& unknown) {
  size_t base = pending_.size();
  for (const Member& m : unknown.as_object()) pending_.push_back({m.key, &m.value, false});
  size_t end = pending_.size();
  for (size_t k = 0; k < n; ++k) {
    size_t match = end;
    for (size_t i = base; i < end; ++i) {
      if (pending_[i].key == members[k].key && !pending_[i].used) {
        match = i;
        break;
      }
    }
    if (match == end) continue;
    pending_[match].used = true;
    const Value* u = pending_[match].value;  // copy: the recursion may grow pending_
    members[k].value = merge(&members[k].value, *u);
  }
  // Keys only in after_unknown, with an unknown leaf, are appended.
  size_t added_base = members_.size();
  for (size_t i = base; i < end; ++i) {
    Value built;
    if (!pending_[i].used && build(*pending_[i].value, built)) members_.push_back({pending_[i].key, built});
  }
  pending_.resize(base);
  return members_.size() - added_base;
}

Value UnknownMerger::merge_object(const Value& after, const Value& unknown) {
  // The converter made this array for `after` alone: merged members are written back in place.
  auto* members = const_cast<Member*>(after.as_object().data());
  size_t n = after.size();
  size_t added = merge_into(members, n, unknown);
  if (added == 0) return after;
  size_t from = members_.size() - added;
  Member* grown = arena_.make_array<Member>(n + added);
  if (n > 0) std::memcpy(static_cast<void*>(grown), members, n * sizeof(Member));
  std::memcpy(static_cast<void*>(grown + n), members_.data() + from, added * sizeof(Member));
  members_.resize(from);
  return Value::object(grown, n + added);
}

void UnknownMerger::merge_members(std::vector<Member>& after, const Value& unknown) {
  size_t added = merge_into(after.data(), after.size(), unknown);
  size_t from = members_.size() - added;
  after.insert(after.end(), members_.begin() + static_cast<std::ptrdiff_t>(from), members_.end());
  members_.resize(from);
}

Value UnknownMerger::merge_list(const Value& after, const Value& unknown) {
  auto* items = const_cast<Value*>(after.as_list().data());
  size_t n = after.size();
  std::span<const Value> u = unknown.as_list();
  size_t common = std::min(n, u.size());
  for (size_t i = 0; i < common; ++i) items[i] = merge(&items[i], u[i]);
  if (u.size() <= n) return after;
  // after_unknown longer than after: keep the tail only up to its last unknown leaf.
  size_t keep = n;
  Value* tail = nullptr;
  for (size_t i = n; i < u.size(); ++i) {
    Value built;
    if (!build(u[i], built)) continue;
    if (tail == nullptr) {
      tail = arena_.make_array<Value>(u.size());
      if (n > 0) std::memcpy(static_cast<void*>(tail), items, n * sizeof(Value));
      std::fill(tail + n, tail + u.size(), Value::null());
    }
    tail[i] = built;
    keep = i + 1;
  }
  return tail == nullptr ? after : Value::list(tail, keep);
}

bool UnknownMerger::build(const Value& unknown, Value& out) {
  switch (unknown.kind()) {
    case Kind::Bool:
      if (!unknown.as_bool()) return false;
      out = Value::unknown();
      return true;
    case Kind::Object: {
      size_t base = members_.size();
      for (const Member& m : unknown.as_object()) {
        Value v;
        if (build(m.value, v)) members_.push_back({m.key, v});
      }
      size_t n = members_.size() - base;
      if (n == 0) return false;
      Member* members = arena_.make_array<Member>(n);
      std::memcpy(static_cast<void*>(members), members_.data() + base, n * sizeof(Member));
      members_.resize(base);
      out = Value::object(members, n);
      return true;
    }
    case Kind::List: {
      std::span<const Value> list = unknown.as_list();
      Value* items = nullptr;
      for (size_t i = 0; i < list.size(); ++i) {
        Value v;
        if (!build(list[i], v)) continue;
        if (items == nullptr) {
          items = arena_.make_array<Value>(list.size());
          std::fill(items, items + list.size(), Value::null());
        }
        items[i] = v;
      }
      if (items == nullptr) return false;
      out = Value::list(items, list.size());
      return true;
    }
    default: return false;
  }
}

}  // namespace edict::loaders::internal
