// The ordered parallel map: results in input order whatever the threads do,
// and the work still done when no thread can be started.
#include "dsl/core/parallel.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

TEST_CASE("the parallel map keeps input order on any number of threads", "[parallel]") {
  for (int jobs : {1, 2, 4}) {
    std::vector<size_t> got;
    smr::ordered_parallel_map<size_t>(
        10'000, jobs, 16, [](size_t i) { return i * i; }, [&](size_t&& v) { got.push_back(v); });
    REQUIRE(got.size() == 10'000);
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == i * i);
  }
}

TEST_CASE("when threads cannot be started the work is done anyway, in order", "[parallel]") {
  for (int failures : {1, 3, 100}) {
    smr::fail_next_thread_starts(failures);
    std::vector<size_t> got;
    smr::ordered_parallel_map<size_t>(
        5'000, 3, 16, [](size_t i) { return i + 1; }, [&](size_t&& v) { got.push_back(v); });
    REQUIRE(got.size() == 5'000);
    CHECK(got.front() == 1);
    CHECK(got.back() == 5'000);
    smr::fail_next_thread_starts(0);
  }
}

TEST_CASE("an exception in produce reaches the caller after the threads stop", "[parallel]") {
  auto run = [] {
    smr::ordered_parallel_map<int>(
        10'000, 2, 16,
        [](size_t i) {
          if (i == 5'000) throw std::runtime_error("boom");
          return static_cast<int>(i);
        },
        [](int&&) {});
  };
  CHECK_THROWS_WITH(run(), "boom");
}
