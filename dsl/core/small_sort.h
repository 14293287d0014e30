// A stable sort for the short lists an evaluation sorts many times (a
// scenario's breaches, the people a selector picks): insertion sort while
// the list is short, which needs no buffer, std::stable_sort past that.
#pragma once

#include <algorithm>
#include <iterator>
#include <utility>

namespace smr {

template <typename It, typename Less>
void stable_sort_small(It first, It last, Less less) {
  constexpr std::ptrdiff_t kShort = 16;
  if (std::distance(first, last) > kShort) {
    std::stable_sort(first, last, less);
    return;
  }
  for (It i = first; i != last; ++i) {
    for (It j = i; j != first && less(*j, *std::prev(j)); --j) std::iter_swap(j, std::prev(j));
  }
}

}  // namespace smr
