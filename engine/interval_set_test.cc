// Unions and gaps of dated intervals, the base of the coverage warnings.
#include "engine/interval_set.h"

#include <catch2/catch.hpp>

using smr::Date;
using smr::IntervalSet;
using smr::model::Interval;

namespace {
Date d(const char* s) { return *Date::parse(s); }
}  // namespace

TEST_CASE("intervals that overlap or meet are joined; gaps are what is left", "[interval_set]") {
  IntervalSet s;
  s.add({d("2021-03-01"), d("2021-06-01")});
  s.add({d("2021-01-01"), d("2021-03-01")});  // meets the first: joined
  s.add({d("2021-09-01"), d("2022-01-01")});
  s.add({d("2021-10-01"), d("2021-11-01")});  // inside the third: no change
  REQUIRE(s.intervals().size() == 2);
  CHECK(s.intervals()[0].from == d("2021-01-01"));
  CHECK(s.intervals()[0].until == d("2021-06-01"));
  auto gaps = s.gaps({d("2020-12-01"), d("2022-02-01")});
  REQUIRE(gaps.size() == 3);
  CHECK(smr::describe_period(gaps[0]) == "from 2020-12-01 until 2021-01-01");
  CHECK(smr::describe_period(gaps[1]) == "from 2021-06-01 until 2021-09-01");
  CHECK(smr::describe_period(gaps[2]) == "from 2022-01-01 until 2022-02-01");
}

TEST_CASE("open-ended periods are described in words", "[interval_set]") {
  CHECK(smr::describe_period(Interval{}) == "at all times");
  CHECK(smr::describe_period({Date::min(), d("2021-01-01")}) == "before 2021-01-01");
  IntervalSet empty;
  auto gaps = empty.gaps(Interval{});
  REQUIRE(gaps.size() == 1);
  CHECK(smr::describe_period(gaps[0]) == "at all times");
}
