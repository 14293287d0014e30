// The short-list stable sort: the order std::stable_sort gives, keys that
// compare equal kept in their order, elements that can only be moved.
#include "dsl/core/small_sort.h"

#include <catch2/catch.hpp>
#include <memory>
#include <random>
#include <utility>
#include <vector>

using smr::stable_sort_small;

TEST_CASE("a short list is sorted stably, worked out by hand", "[small-sort]") {
  std::vector<std::pair<int, char>> v = {{3, 'a'}, {1, 'b'}, {3, 'c'}, {2, 'd'}, {1, 'e'}};
  stable_sort_small(v.begin(), v.end(),
                    [](const auto& x, const auto& y) { return x.first < y.first; });
  CHECK(v == std::vector<std::pair<int, char>>{{1, 'b'}, {1, 'e'}, {2, 'd'}, {3, 'a'}, {3, 'c'}});
}

TEST_CASE("every length up to and past the insertion limit sorts as std::stable_sort does",
          "[small-sort]") {
  std::mt19937 rng(20261130);
  auto by_key = [](const std::pair<int, int>& x, const std::pair<int, int>& y) {
    return x.first < y.first;
  };
  for (int n = 0; n <= 40; ++n) {
    for (int round = 0; round < 200; ++round) {
      std::vector<std::pair<int, int>> v(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) v[i] = {static_cast<int>(rng() % 5), i};  // many equal keys
      auto expected = v;
      std::stable_sort(expected.begin(), expected.end(), by_key);
      stable_sort_small(v.begin(), v.end(), by_key);
      REQUIRE(v == expected);
    }
  }
}

TEST_CASE("elements that can only be moved are sorted", "[small-sort]") {
  std::vector<std::unique_ptr<int>> v;
  for (int k : {5, 2, 9, 2, 1}) v.push_back(std::make_unique<int>(k));
  stable_sort_small(v.begin(), v.end(), [](const auto& x, const auto& y) { return *x < *y; });
  std::vector<int> keys;
  for (const auto& p : v) keys.push_back(*p);
  CHECK(keys == std::vector<int>{1, 2, 2, 5, 9});
}
