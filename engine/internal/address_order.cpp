// address_order(): a natural merge sort of resource ids by address (see address_order.h).
#include "engine/internal/address_order.h"

#include <algorithm>
#include <string_view>

namespace edict::engine::internal {

namespace {

// The address beside its id, so that comparisons read one contiguous array instead of
// following each id into the resource table.
struct Keyed {
  std::string_view address;
  uint32_t id;
};

}  // namespace

std::vector<uint32_t> address_order(const std::vector<model::Resource>& all) {
  std::vector<Keyed> keyed(all.size());
  for (uint32_t i = 0; i < keyed.size(); ++i) keyed[i] = {all[i].address, i};
  // Ascending runs, as [begin, end) offsets; equal addresses continue a run (input order kept).
  std::vector<size_t> bounds{0};
  for (size_t i = 1; i < keyed.size(); ++i) {
    if (keyed[i].address < keyed[i - 1].address) bounds.push_back(i);
  }
  bounds.push_back(keyed.size());
  size_t runs = bounds.size() - 1;
  auto by_address = [](const Keyed& a, const Keyed& b) { return a.address < b.address; };
  if (runs > 64 && runs > keyed.size() / 64) {
    // Mostly unsorted: one sort, with the id as the tie-break that keeps it stable.
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
      return a.address != b.address ? a.address < b.address : a.id < b.id;
    });
  } else {
    // Merge neighbouring runs pairwise until one is left; std::inplace_merge is stable, and the
    // left run always holds the lower ids, so equal addresses stay in input order.
    while (bounds.size() > 2) {
      std::vector<size_t> next{0};
      for (size_t r = 0; r + 2 < bounds.size(); r += 2) {
        std::inplace_merge(keyed.begin() + static_cast<ptrdiff_t>(bounds[r]),
                           keyed.begin() + static_cast<ptrdiff_t>(bounds[r + 1]),
                           keyed.begin() + static_cast<ptrdiff_t>(bounds[r + 2]), by_address);
        next.push_back(bounds[r + 2]);
      }
      if ((bounds.size() - 1) % 2 == 1) next.push_back(bounds.back());  // an odd run out, merged next round
      bounds.swap(next);
    }
  }
  std::vector<uint32_t> order(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].id;
  return order;
}

}  // namespace edict::engine::internal
