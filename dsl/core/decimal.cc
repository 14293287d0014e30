#include "dsl/core/decimal.h"

#include <cstring>
#include <limits>

namespace smr {
namespace {

using Wide = __int128;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

std::optional<Decimal> narrow(Wide v) {
  if (v > kMax || v < kMin) return std::nullopt;
  return Decimal::from_raw(static_cast<int64_t>(v));
}

// n / d rounded half to even; d is positive. One rule for the three
// widths below: 128 bits, 64 bits, and a 64-bit divisor known when
// compiling (inlined, the compiler divides by multiplying).
template <typename Int>
inline Int half_even_quotient(Int n, Int d) {
  Int q = n / d, r = n % d;
  if (r == 0) return q;
  Int twice = (r < 0 ? -r : r) * 2;
  bool away = twice > d || (twice == d && (q % 2 != 0));
  if (away) q += n < 0 ? -1 : 1;
  return q;
}

// Divides with rounding half to even; `d` is non-zero.
Wide divide_half_even(Wide n, Wide d) {
  if (d < 0) n = -n, d = -d;
  // Most operands fit in 64 bits, where division is one instruction rather
  // than a call into the 128-bit runtime; the arithmetic is the same.
  if (n > kMin && n <= kMax && d <= (Wide{1} << 61)) {
    return half_even_quotient<int64_t>(static_cast<int64_t>(n), static_cast<int64_t>(d));
  }
  return half_even_quotient<Wide>(n, d);
}

// n / D for a divisor known when compiling: a division instruction takes
// tens of cycles (a fine is a product, a rounding to cents and a rounding
// to a step: three divisions per person fined).
template <int64_t D>
int64_t divide_half_even_by(int64_t n) {
  return half_even_quotient<int64_t>(n, D);
}

Wide pow10(int n) {
  Wide p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// "00" to "99": whole numbers are written two digits at a time.
struct DigitPairs {
  char at[200] = {};
  constexpr DigitPairs() {
    for (int i = 0; i < 100; ++i) {
      at[2 * i] = static_cast<char>('0' + i / 10);
      at[2 * i + 1] = static_cast<char>('0' + i % 10);
    }
  }
};
constexpr DigitPairs kDigitPairs;

// Writes `whole` backwards, ending at `p`; returns where it begins.
char* write_whole(uint64_t whole, bool grouped, char* p) {
  if (grouped) {
    int n = 0;
    do {
      if (n > 0 && n % 3 == 0) *--p = ',';
      *--p = static_cast<char>('0' + whole % 10);
      whole /= 10;
      ++n;
    } while (whole > 0);
    return p;
  }
  while (whole >= 100) {
    const char* pair = kDigitPairs.at + 2 * (whole % 100);
    *--p = pair[1];
    *--p = pair[0];
    whole /= 100;
  }
  if (whole >= 10) {
    const char* pair = kDigitPairs.at + 2 * whole;
    *--p = pair[1];
    *--p = pair[0];
  } else {
    *--p = static_cast<char>('0' + whole);
  }
  return p;
}

// The text of `raw`, written backwards into `buf`, which it ends: money is
// formatted for every sanction of every report, so no string is built here.
std::string_view format(int64_t raw, int min_frac, bool grouped, char (&buf)[64]) {
  min_frac = min_frac < 0 ? 0 : (min_frac > Decimal::kDigits ? Decimal::kDigits : min_frac);
  bool negative = raw < 0;
  // Work on the magnitude in unsigned space so INT64_MIN is safe.
  uint64_t mag = negative ? 0 - static_cast<uint64_t>(raw) : static_cast<uint64_t>(raw);
  uint64_t whole = mag / Decimal::kScale;
  uint64_t frac = mag % Decimal::kScale;
  char* p = buf + sizeof buf;
  int frac_len = frac == 0 ? min_frac : Decimal::kDigits;  // whole amounts are the usual
  if (frac == 0) {
    p -= frac_len;  // "00" for money: no digit to work out
    std::memset(p, '0', static_cast<size_t>(frac_len));
  } else {
    while (frac_len > min_frac && frac % 10 == 0) {
      frac /= 10;
      --frac_len;
    }
    for (int i = 0; i < frac_len; ++i, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
  }
  if (frac_len > 0) *--p = '.';
  p = write_whole(whole, grouped, p);
  if (negative) *--p = '-';
  return std::string_view(p, static_cast<size_t>(buf + sizeof buf - p));
}

std::string format(int64_t raw, int min_frac, bool grouped) {
  char buf[64];
  return std::string(format(raw, min_frac, grouped, buf));
}

}  // namespace

std::optional<Decimal> Decimal::from_int(int64_t value) {
  return narrow(static_cast<Wide>(value) * kScale);
}

namespace {

// The digits of `digits[.digits]` (`_` anywhere), in `Int`: the whole part
// up to `whole_limit`, at most 30 fractional digits (the rest only round).
template <typename Int>
struct Digits {
  Int whole = 0, frac = 0;
  int frac_digits = 0;
};

// nullopt on a character that does not belong, a second '.', no digit, or
// a whole part past `whole_limit`.
template <typename Int>
std::optional<Digits<Int>> read_digits(std::string_view text, Int whole_limit) {
  Digits<Int> d;
  bool in_frac = false, any_digit = false;
  for (char c : text) {
    if (c == '_') continue;
    if (c == '.') {
      if (in_frac) return std::nullopt;
      in_frac = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any_digit = true;
    if (!in_frac) {
      d.whole = d.whole * 10 + (c - '0');
      if (d.whole > whole_limit) return std::nullopt;
    } else if (d.frac_digits < 30) {
      d.frac = d.frac * 10 + (c - '0');
      ++d.frac_digits;
    }
  }
  if (!any_digit) return std::nullopt;
  return d;
}

// Decimal::parse for the usual literal (up to 18 characters, at most six
// fractional digits, below 9 × 10^12) in 64-bit arithmetic; nullopt when
// the text is not of that kind, to be read the general way.
std::optional<Decimal> parse_short(std::string_view text) {
  constexpr int64_t kShortLimit = 9'000'000'000'000 - 1;
  if (text.size() > 18) return std::nullopt;
  auto d = read_digits<int64_t>(text, kShortLimit);
  if (!d || d->frac_digits > Decimal::kDigits) return std::nullopt;
  int64_t scale = 1;
  for (int i = d->frac_digits; i < Decimal::kDigits; ++i) scale *= 10;
  return Decimal::from_raw(d->whole * Decimal::kScale + d->frac * scale);
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  if (auto quick = parse_short(text)) return quick;
  auto digits = read_digits<Wide>(text, kMax);
  if (!digits) return std::nullopt;
  auto [whole, frac, frac_digits] = *digits;
  Wide scaled_frac = frac_digits <= kDigits ? frac * pow10(kDigits - frac_digits)
                                            : divide_half_even(frac, pow10(frac_digits - kDigits));
  return narrow(whole * kScale + scaled_frac);
}

std::string Decimal::to_string(int min_frac) const { return format(raw_, min_frac, false); }

std::string_view Decimal::write_to(char (&buf)[64], int min_frac) const {
  return format(raw_, min_frac, false, buf);
}

int written_fraction_digits(std::string_view text) {
  size_t dot = text.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1;
       i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '_'); ++i) {
    n += text[i] != '_';
  }
  return n;
}

std::string Decimal::to_grouped_string(int min_frac) const { return format(raw_, min_frac, true); }

std::optional<Decimal> add(Decimal a, Decimal b) { return narrow(Wide(a.raw()) + b.raw()); }
std::optional<Decimal> subtract(Decimal a, Decimal b) { return narrow(Wide(a.raw()) - b.raw()); }
std::optional<Decimal> negate(Decimal a) { return narrow(-Wide(a.raw())); }

std::optional<Decimal> multiply(Decimal a, Decimal b) {
  Wide product = Wide(a.raw()) * b.raw();
  if (product > kMin && product <= kMax) {
    return Decimal::from_raw(divide_half_even_by<Decimal::kScale>(static_cast<int64_t>(product)));
  }
  return narrow(divide_half_even(product, Decimal::kScale));
}

std::optional<Decimal> divide(Decimal a, Decimal b) {
  if (b.is_zero()) return std::nullopt;
  return narrow(divide_half_even(Wide(a.raw()) * Decimal::kScale, b.raw()));
}

std::optional<Decimal> round_half_even(Decimal a, int digits) {
  if (digits >= Decimal::kDigits) return a;
  if (digits == 2) {  // cents, as every fine is rounded
    constexpr int64_t kCent = Decimal::kScale / 100;
    return narrow(Wide(divide_half_even_by<kCent>(a.raw())) * kCent);
  }
  if (digits < 0) digits = 0;
  Wide unit = pow10(Decimal::kDigits - digits);
  return narrow(divide_half_even(a.raw(), unit) * unit);
}

// The quotient and remainder in 64 bits (a positive step cannot overflow
// them); only the product back may leave the range.
std::optional<Decimal> round_down_to(Decimal a, Decimal step) {
  if (step.raw() <= 0) return std::nullopt;
  int64_t q = a.raw() / step.raw();
  if (a.raw() % step.raw() != 0 && a.raw() < 0) --q;
  return narrow(Wide(q) * step.raw());
}

std::optional<Decimal> round_up_to(Decimal a, Decimal step) {
  if (step.raw() <= 0) return std::nullopt;
  int64_t q = a.raw() / step.raw();
  if (a.raw() % step.raw() != 0 && a.raw() > 0) ++q;
  return narrow(Wide(q) * step.raw());
}

}  // namespace smr
