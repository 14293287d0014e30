// The order of a list of names, by their bytes, equal names in list order,
// in time linear in the names' length for the names real orgs have: a
// radix sort of eight bytes of each name (taken past the prefix all the
// names share: "person_000123" ids differ only after "person_"), then
// each run of names equal in those bytes ordered by the whole name.
// std::sort of 100,000 ids spent 64 M instructions and a branch
// misprediction per comparison on the serial path of `smr check`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace smr {

// Positions 0..names.size()-1, ordered by names[i], ties in position order.
std::vector<uint32_t> name_order(const std::vector<std::string_view>& names);

}  // namespace smr
