#include "dsl/core/decimal.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>

using smr::Decimal;

namespace {
Decimal d(const char* text) { return *Decimal::parse(text); }
}  // namespace

TEST_CASE("decimal literals parse exactly, with underscores", "[decimal]") {
  CHECK(d("1_000_000").raw() == 1'000'000'000'000);
  CHECK(d("0.375").raw() == 375'000);
  CHECK(d("12.5").to_string() == "12.5");
  CHECK(d("180000").to_grouped_string(2) == "180,000.00");
  CHECK(d("0.0000005").raw() == 0);  // half to even at the 7th digit: 0.5 millionth -> 0
  CHECK(d("0.0000015").raw() == 2);  // 1.5 millionths -> 2
  CHECK_FALSE(Decimal::parse("9223372036854.775808"));  // one millionth past the top
  CHECK(Decimal::parse("9223372036854.775807"));
  CHECK_FALSE(Decimal::parse("1.2.3"));
  CHECK_FALSE(Decimal::parse(""));
}

TEST_CASE("decimals read back what they print, short or long, with underscores", "[decimal]") {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    int64_t raw = static_cast<int64_t>(rng() >> (1 + rng() % 63));  // every width, not negative
    std::string text = Decimal::from_raw(raw).to_string();
    REQUIRE(Decimal::parse(text) == Decimal::from_raw(raw));
    std::string spaced = text;
    spaced.insert(rng() % spaced.size() + 1 > spaced.size() - 1 ? 1 : rng() % spaced.size() + 1,
                  "_");
    if (spaced.find("_.") == std::string::npos && spaced.find("._") == std::string::npos &&
        spaced.back() != '_') {
      CHECK(Decimal::parse(spaced) == Decimal::from_raw(raw));
    }
  }
  CHECK(Decimal::parse("9223372036854.775807") == Decimal::from_raw(INT64_MAX));
  CHECK_FALSE(Decimal::parse("9223372036854.775808"));
  CHECK_FALSE(Decimal::parse("99999999999999"));
  CHECK(Decimal::parse("8999999999999.999999") == Decimal::from_raw(8'999'999'999'999'999'999));
  CHECK(Decimal::parse("1.0000005") == Decimal::from_raw(1'000'000));  // half to even
  CHECK(Decimal::parse("1.0000015") == Decimal::from_raw(1'000'002));
  CHECK_FALSE(Decimal::parse("1.2.3"));
  CHECK_FALSE(Decimal::parse("_"));
  CHECK_FALSE(Decimal::parse("12a"));
}

TEST_CASE("multiplication and division round half to even to 6 digits", "[decimal]") {
  CHECK(*smr::multiply(d("180000"), d("0.3")) == d("54000"));
  CHECK(*smr::multiply(d("0.000001"), d("0.5")) == d("0"));         // 0.0000005 -> 0 (even)
  CHECK(*smr::multiply(d("0.000003"), d("0.5")) == d("0.000002"));  // 0.0000015 -> 0.000002
  CHECK(*smr::divide(d("1"), d("3")) == d("0.333333"));
  CHECK(*smr::divide(d("2"), d("3")) == d("0.666667"));
  CHECK(*smr::divide(*smr::negate(d("2")), d("3")) == *smr::negate(d("0.666667")));
  CHECK_FALSE(smr::divide(d("1"), d("0")));
}

TEST_CASE("rounding to the currency's 2 digits is half to even", "[decimal]") {
  CHECK(*smr::round_half_even(d("50.125"), 2) == d("50.12"));
  CHECK(*smr::round_half_even(d("50.135"), 2) == d("50.14"));
  CHECK(*smr::round_half_even(d("50.1251"), 2) == d("50.13"));
  CHECK(*smr::round_half_even(*smr::negate(d("50.125")), 2) == *smr::negate(d("50.12")));
  CHECK(*smr::round_half_even(*smr::negate(d("50.135")), 2) == *smr::negate(d("50.14")));
}

TEST_CASE("round_down and round_up go towards minus and plus infinity", "[decimal]") {
  CHECK(*smr::round_down_to(d("321230"), d("100")) == d("321200"));
  CHECK(*smr::round_up_to(d("321230"), d("100")) == d("321300"));
  CHECK(*smr::round_down_to(*smr::negate(d("150")), d("100")) == *smr::negate(d("200")));
  CHECK(*smr::round_up_to(*smr::negate(d("150")), d("100")) == *smr::negate(d("100")));
  CHECK(*smr::round_down_to(d("300"), d("100")) == d("300"));
  CHECK_FALSE(smr::round_down_to(d("1"), d("0")));
}

TEST_CASE("overflow is reported, never wrapped", "[decimal]") {
  Decimal top = Decimal::from_raw(INT64_MAX);
  Decimal bottom = Decimal::from_raw(INT64_MIN);
  CHECK_FALSE(smr::add(top, d("0.000001")));
  CHECK_FALSE(smr::subtract(bottom, d("0.000001")));
  CHECK_FALSE(smr::negate(bottom));
  CHECK_FALSE(smr::multiply(top, d("2")));
  CHECK_FALSE(smr::multiply(d("10000000"), d("10000000")));  // 10^14 does not fit
  CHECK(smr::multiply(d("1000000"), d("1000000")));          // 10^12 does
  CHECK_FALSE(smr::divide(top, d("0.5")));
  CHECK_FALSE(Decimal::from_int(INT64_MAX / 1000));
  CHECK(bottom.to_string() == "-9223372036854.775808");
  CHECK(top.to_grouped_string(2) == "9,223,372,036,854.775807");
}

TEST_CASE("money at its edges: the largest values and negative intermediates", "[decimal][edges]") {
  Decimal top = Decimal::from_raw(INT64_MAX);
  Decimal bottom = Decimal::from_raw(INT64_MIN);
  CHECK(*smr::add(top, bottom) == *smr::negate(d("0.000001")));
  CHECK(*smr::multiply(top, d("1")) == top);
  CHECK(*smr::divide(top, d("1")) == top);
  CHECK(*smr::divide(bottom, d("1")) == bottom);
  CHECK_FALSE(smr::divide(bottom, *smr::negate(d("1"))));  // -MIN does not fit
  CHECK_FALSE(smr::round_half_even(top, 2));               // ...854.775807 rounds up past the top
  CHECK_FALSE(smr::round_half_even(bottom, 0));            // -...855 is below the bottom
  CHECK_FALSE(smr::round_up_to(top, d("100")));
  CHECK(*smr::round_down_to(top, d("100")) == d("9223372036800"));
  // Negative intermediates round half to even too.
  CHECK(*smr::multiply(*smr::negate(d("0.000001")), d("0.5")) == d("0"));
  CHECK(*smr::multiply(*smr::negate(d("0.000003")), d("0.5")) == *smr::negate(d("0.000002")));
  CHECK(*smr::divide(*smr::negate(d("1")), d("3")) == *smr::negate(d("0.333333")));
  CHECK(*smr::divide(d("1"), *smr::negate(d("8000000"))) ==
        *smr::negate(d("0")));  // -0.000000125 -> 0
  CHECK(*smr::divide(d("3"), *smr::negate(d("2000000"))) ==
        *smr::negate(d("0.000002")));  // -0.0000015 -> -0.000002
  CHECK(*smr::round_down_to(*smr::negate(d("0.01")), d("100")) == *smr::negate(d("100")));
}

TEST_CASE("decimals print with the fraction digits asked for, grouped when asked", "[decimal]") {
  CHECK(Decimal().to_string() == "0");
  CHECK(Decimal().to_string(2) == "0.00");
  CHECK(d("7").to_string(2) == "7.00");
  char buf[64];
  std::string out = "fine ";
  out += smr::negate(d("1234.5"))->write_to(buf, 2);
  CHECK(out == "fine -1234.50");
  CHECK(d("0.000001").to_string() == "0.000001");
  CHECK(d("0.1").to_string(3) == "0.100");
  CHECK(d("0.123456").to_string(2) == "0.123456");  // never fewer digits than it has
  CHECK(d("999").to_grouped_string(0) == "999");
  CHECK(d("1000").to_grouped_string(0) == "1,000");
  CHECK(d("123456.5").to_grouped_string(2) == "123,456.50");
  CHECK(Decimal::from_raw(-1'234'500'000).to_grouped_string(2) == "-1,234.50");
  CHECK(Decimal::from_raw(-500'000).to_string() == "-0.5");
  CHECK(d("1000000").to_string() == "1000000");
  // Against the plainest way of writing them, for every width of number.
  auto reference = [](int64_t raw, int min_frac) {
    uint64_t mag = raw < 0 ? 0 - static_cast<uint64_t>(raw) : static_cast<uint64_t>(raw);
    std::string frac = std::to_string(mag % 1'000'000);
    frac = std::string(6 - frac.size(), '0') + frac;
    while (static_cast<int>(frac.size()) > min_frac && frac.back() == '0') frac.pop_back();
    return (raw < 0 ? "-" : "") + std::to_string(mag / 1'000'000) +
           (frac.empty() ? "" : "." + frac);
  };
  std::mt19937_64 rng(7);
  std::vector<int64_t> raws = {0, 1, -1, INT64_MIN, INT64_MAX, 99'000'000, 100'000'000};
  for (int i = 0; i < 20000; ++i) {
    int64_t r = static_cast<int64_t>(rng() >> (rng() % 64));
    raws.push_back(r);
    raws.push_back(r / 1'000'000 * 1'000'000);  // whole amounts
  }
  for (int64_t raw : raws) {
    for (int min_frac : {0, 2, 6}) {
      if (Decimal::from_raw(raw).to_string(min_frac) != reference(raw, min_frac)) {
        FAIL(raw << " with " << min_frac << ": " << Decimal::from_raw(raw).to_string(min_frac)
                 << " vs " << reference(raw, min_frac));
      }
    }
  }
}

TEST_CASE("products and quotients round half to even on every path", "[decimal]") {
  // A reference in 128-bit arithmetic, written apart from the library's.
  auto half_even = [](__int128 n, __int128 d) {
    if (d < 0) n = -n, d = -d;
    __int128 q = n / d, r = n % d, twice = (r < 0 ? -r : r) * 2;
    if (twice > d || (twice == d && q % 2 != 0)) q += n < 0 ? -1 : 1;
    return q;
  };
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20'000; ++i) {
    // Magnitudes from a millionth to ten million, both signs, and some halves.
    int64_t a = static_cast<int64_t>(rng() % 10'000'000'000'000) * (rng() % 2 ? 1 : -1);
    int64_t b = static_cast<int64_t>(rng() % 2'000'000) * (rng() % 2 ? 1 : -1);
    if (i % 4 == 0) b = 500'000;  // 0.5: a product ending in a half
    __int128 product = half_even(static_cast<__int128>(a) * b, 1'000'000);
    auto p = smr::multiply(Decimal::from_raw(a), Decimal::from_raw(b));
    REQUIRE(p);
    CHECK(p->raw() == static_cast<int64_t>(product));
    // Rounding to cents and to a positive step, against the same reference.
    auto cents = smr::round_half_even(Decimal::from_raw(a), 2);
    REQUIRE(cents);
    CHECK(cents->raw() == static_cast<int64_t>(half_even(a, 10'000) * 10'000));
    if (b > 0) {
      __int128 down = a / b - (a % b != 0 && a < 0 ? 1 : 0);
      __int128 up = a / b + (a % b != 0 && a > 0 ? 1 : 0);
      CHECK(smr::round_down_to(Decimal::from_raw(a), Decimal::from_raw(b))->raw() ==
            static_cast<int64_t>(down * b));
      CHECK(smr::round_up_to(Decimal::from_raw(a), Decimal::from_raw(b))->raw() ==
            static_cast<int64_t>(up * b));
    }
    if (b != 0) {
      __int128 quotient = half_even(static_cast<__int128>(a) * 1'000'000, b);
      auto q = smr::divide(Decimal::from_raw(a), Decimal::from_raw(b));
      if (quotient > INT64_MAX || quotient < INT64_MIN) {
        CHECK_FALSE(q);
      } else {
        REQUIRE(q);
        CHECK(q->raw() == static_cast<int64_t>(quotient));
      }
    }
  }
}
