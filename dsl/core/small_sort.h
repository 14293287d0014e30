// A stable sort for the short lists an evaluation sorts many times (a
// scenario's breaches, the people a selector picks, a scenario's results):
// insertion sort while the list is short, which needs no buffer and moves
// each element out once, std::stable_sort past that.
#pragma once

#include <algorithm>
#include <iterator>
#include <utility>

namespace smr {

// Lists up to this long are sorted by insertion.
inline constexpr std::ptrdiff_t kShortSort = 16;

template <typename It, typename Less>
void stable_sort_small(It first, It last, Less less) {
  if (std::distance(first, last) > kShortSort) {
    std::stable_sort(first, last, less);
    return;
  }
  for (It i = first; i != last; ++i) {
    if (i == first || !less(*i, *std::prev(i))) continue;
    auto held = std::move(*i);
    It j = i;
    for (; j != first && less(held, *std::prev(j)); --j) *j = std::move(*std::prev(j));
    *j = std::move(held);
  }
}

}  // namespace smr
