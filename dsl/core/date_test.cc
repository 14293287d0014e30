#include "dsl/core/date.h"

#include <catch2/catch.hpp>

using smr::Date;
using smr::Duration;

namespace {
Date d(const char* text) { return *Date::parse(text); }
}  // namespace

TEST_CASE("dates must be real Gregorian dates", "[date]") {
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2023-02-29"));
  CHECK_FALSE(Date::parse("2022-02-30"));
  CHECK_FALSE(Date::parse("2022-13-01"));
  CHECK_FALSE(Date::parse("2022-00-10"));
  CHECK_FALSE(Date::parse("1900-02-29"));
  CHECK(Date::parse("2000-02-29"));
  CHECK_FALSE(Date::parse("2022-1-01"));
  CHECK(d("2022-03-01").to_string() == "2022-03-01");
  CHECK(d("2022-03-01") < d("2022-03-02"));
  CHECK(d("2022-03-01").days() - d("2022-02-28").days() == 1);
}

TEST_CASE("months back clamp to the month's last day", "[date]") {
  CHECK(d("2023-03-31").minus_months(1) == d("2023-02-28"));
  CHECK(d("2024-03-31").minus_months(1) == d("2024-02-29"));
  CHECK(d("2024-05-31").minus_months(1) == d("2024-04-30"));
  CHECK(d("2022-09-01").minus_months(12) == d("2021-09-01"));
  CHECK(d("2024-02-29").minus_months(12) == d("2023-02-28"));
  CHECK(d("2022-01-15").minus_months(1) == d("2021-12-15"));
  CHECK((Duration{1, Duration::Unit::Years}.before(d("2024-02-29"))) == d("2023-02-28"));
  CHECK((Duration{30, Duration::Unit::Days}.before(d("2022-03-01"))) == d("2022-01-30"));
}
