// engine/internal/address_order.cpp: the natural merge gives exactly what a stable sort by address
// gives, for sorted input, a few sorted runs, unsorted input and repeated addresses.
#include "engine/internal/address_order.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace edict::engine::internal {
namespace {

std::vector<uint32_t> stable_reference(const std::vector<model::Resource>& all) {
  std::vector<uint32_t> order(all.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return all[a].address < all[b].address; });
  return order;
}

std::vector<model::Resource> resources(const std::vector<std::string>& addresses) {
  std::vector<model::Resource> out(addresses.size());
  for (size_t i = 0; i < out.size(); ++i) out[i].address = addresses[i];
  return out;
}

TEST_CASE("address_order equals a stable sort by address", "[engine][order]") {
  std::mt19937 rng(7);
  for (int shape = 0; shape < 4; ++shape) {
    for (size_t n : {0u, 1u, 2u, 3u, 17u, 500u, 5000u}) {
      std::vector<std::string> addresses;
      for (size_t i = 0; i < n; ++i) addresses.push_back("aws_s3_bucket.b" + std::to_string(rng() % (n / 2 + 1)));
      if (shape == 0) std::sort(addresses.begin(), addresses.end());  // one run (a Terraform plan)
      if (shape == 1) {  // a handful of sorted runs (several inputs, prior_state data sources)
        for (size_t at = 0; at < n; at += n / 5 + 1) {
          std::sort(addresses.begin() + static_cast<ptrdiff_t>(at),
                    addresses.begin() + static_cast<ptrdiff_t>(std::min(n, at + n / 5 + 1)));
        }
      }
      if (shape == 2) std::sort(addresses.rbegin(), addresses.rend());  // descending: n runs
      // shape 3: random order, many repeats
      std::vector<model::Resource> all = resources(addresses);
      INFO("shape " << shape << ", n " << n);
      CHECK(address_order(all) == stable_reference(all));
    }
  }
}

}  // namespace
}  // namespace edict::engine::internal
