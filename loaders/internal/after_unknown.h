// Applies a plan's change.after_unknown to change.after, both already converted to Values: a `true`
// leaf makes the attribute unknown, objects and arrays merge member- and element-wise. Used by the
// plan loader only.
#pragma once

#include <vector>

#include "vm/value.h"

namespace edict::loaders::internal {

// Unknown leaves are omitted from `after` (or null in arrays), so a key found only in
// after_unknown is inserted when it holds a `true`. `after`'s arrays are updated in place (they
// are fresh from the converter and shared with nothing); arrays that grow are made anew in arena.
class UnknownMerger {
 public:
  explicit UnknownMerger(Arena& arena) : arena_(arena) {}

  // `after` is nullptr when absent; null counts as absent too. `unknown` may live in another arena.
  Value merge(const Value* after, const Value& unknown);

  // The same for an `after` object whose members are still in a vector (Converter::members) and an
  // object `unknown`: the members grow there, so that the object is allocated once, at its size.
  void merge_members(std::vector<Member>& after, const Value& unknown);

 private:
  struct Pending {
    Symbol key;
    const Value* value;
    bool used;
  };

  Value merge_object(const Value& after, const Value& unknown);
  // Merges into members[0, n) in place and pushes the members only after_unknown has (with an
  // unknown leaf) on members_; returns how many it pushed.
  size_t merge_into(Member* members, size_t n, const Value& unknown);
  Value merge_list(const Value& after, const Value& unknown);
  // A value made from after_unknown alone: its `true` leaves become unknown, everything else is
  // left out (null inside arrays). Returns false when there is no `true` leaf at all.
  bool build(const Value& unknown, Value& out);

  Arena& arena_;
  std::vector<Pending> pending_;  // shared by nested merges, so that they allocate nothing
  std::vector<Member> members_;   // the same for build()
};

}  // namespace edict::loaders::internal
