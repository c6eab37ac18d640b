// The order in which evaluate() visits resources: by address, ties in input order (what a stable
// sort by address gives), computed in linear time when the input is already in address order.
// Used by engine/evaluate.cpp only.
#pragma once

#include <cstdint>
#include <vector>

#include "model/resource.h"

namespace edict::engine::internal {

// Resource ids (indexes into `all`) sorted by address, stably. Terraform writes resource_changes
// sorted by address, so a plan is one ascending run (plus its prior_state data sources, a second
// run): runs are found in one pass and merged, O(n log runs); only unsorted input pays n log n.
std::vector<uint32_t> address_order(const std::vector<model::Resource>& all);

}  // namespace edict::engine::internal
