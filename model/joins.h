// The referrer index behind joins (`some r in aws_s3_bucket_policy: r.bucket refers self`): for one
// (type, path), which resources of the type refer to each target, by edge or by identity value.
// Built from a finished ResourceSet before evaluation (vm/context.h), then only read.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/resource.h"

namespace edict::model {

class JoinIndex {
 public:
  // Indexes the resources of `type` whose attribute `path` refers to something. Linear in the
  // resources of that type; adding a (type, path) twice is a no-op.
  void add(const ResourceSet& set, std::string_view type, Symbol path);
  bool has(std::string_view type, Symbol path) const { return find(type, path) != nullptr; }

  // Resources of `type` whose attribute `path` refers to `target`, sorted by id. Resources whose
  // value is unknown with no configuration reference might refer to anything: they are listed for
  // every target and `refers` decides (unknown) for each. Empty unless add(type, path) was called.
  const std::vector<uint32_t>& referrers(std::string_view type, Symbol path, uint32_t target) const;

 private:
  struct Referrers {
    std::unordered_map<uint32_t, std::vector<uint32_t>> by_target;  // already merged with `ambiguous`
    std::vector<uint32_t> ambiguous;
  };
  const Referrers* find(std::string_view type, Symbol path) const;
  std::deque<std::string> types_;  // deque: the keys below point into it
  std::unordered_map<std::string_view, std::unordered_map<Symbol, Referrers>> indexes_;
};

}  // namespace edict::model
