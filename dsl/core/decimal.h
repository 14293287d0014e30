// Exact decimal numbers: the one number type of the language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smr {

// A fixed-point decimal with six fractional digits, stored as a signed 64-bit
// count of millionths. Every operation is exact or rounds half to even, and
// reports overflow instead of wrapping: money is never binary floating point.
class Decimal {
 public:
  static constexpr int64_t kScale = 1'000'000;
  static constexpr int kDigits = 6;

  constexpr Decimal() = default;
  static constexpr Decimal from_raw(int64_t millionths) { return Decimal(millionths); }
  // nullopt when `value` times 10^6 does not fit.
  static std::optional<Decimal> from_int(int64_t value);
  // A 32-bit integer always fits.
  static constexpr Decimal from_int32(int32_t value) { return Decimal(int64_t{value} * kScale); }
  // Parses `digits[.digits]` with `_` allowed between digits. More than six
  // fractional digits round half to even. nullopt on overflow or bad text.
  static std::optional<Decimal> parse(std::string_view text);

  constexpr int64_t raw() const { return raw_; }
  constexpr bool is_zero() const { return raw_ == 0; }
  constexpr bool is_negative() const { return raw_ < 0; }
  constexpr bool is_integer() const { return raw_ % kScale == 0; }

  friend constexpr auto operator<=>(Decimal, Decimal) = default;

  // Plain text with at least `min_frac` and at most 6 fractional digits,
  // trailing zeros beyond `min_frac` removed: 54000.00, 0.3, -12.
  std::string to_string(int min_frac = 0) const;
  // to_string's text written into `buf`, which the view points into (a
  // report writes a fine per person, and builds no string for it).
  std::string_view write_to(char (&buf)[64], int min_frac = 0) const;
  // The same, with thousands separated by commas: 108,000.00.
  std::string to_grouped_string(int min_frac = 0) const;

 private:
  constexpr explicit Decimal(int64_t raw) : raw_(raw) {}
  int64_t raw_ = 0;
};

// How many fractional digits `text` writes (digits after '.', `_` not
// counted): more than kDigits cannot be held exactly.
int written_fraction_digits(std::string_view text);

// Checked arithmetic: nullopt means overflow (or, for divide, a zero divisor;
// callers that must tell the two apart test the divisor first).
std::optional<Decimal> add(Decimal a, Decimal b);
std::optional<Decimal> subtract(Decimal a, Decimal b);
std::optional<Decimal> negate(Decimal a);
std::optional<Decimal> multiply(Decimal a, Decimal b);  // rounds half to even
std::optional<Decimal> divide(Decimal a, Decimal b);    // rounds half to even
// Rounds half to even to `digits` fractional digits (0..6).
std::optional<Decimal> round_half_even(Decimal a, int digits);
// To a multiple of `step` (> 0), towards minus / plus infinity.
std::optional<Decimal> round_down_to(Decimal a, Decimal step);
std::optional<Decimal> round_up_to(Decimal a, Decimal step);

}  // namespace smr
