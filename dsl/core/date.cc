#include "dsl/core/date.h"

#include <fmt/format.h>

namespace smr {
namespace {

// Howard Hinnant's civil-date algorithms (public domain).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Ymd {
  int64_t y;
  unsigned m, d;
};

Ymd civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

Date clamp_days(int64_t days) {
  if (days < INT32_MIN) return Date::min();
  if (days > INT32_MAX) return Date::max();
  return Date::from_days(static_cast<int32_t>(days));
}

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return Date(static_cast<int32_t>(days_from_civil(y, m, d)));
}

std::optional<Date> Date::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, m, d);
}

std::string Date::to_string() const {
  if (*this == min()) return "-inf";
  if (*this == max()) return "+inf";
  Ymd c = civil_from_days(days_);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

Date Date::minus_months(int64_t months) const {
  if (*this == min() || *this == max()) return *this;
  Ymd c = civil_from_days(days_);
  int64_t total = c.y * 12 + (c.m - 1) - months;
  if (total < int64_t{kMinYear} * 12) return min();
  int64_t y = total / 12;
  unsigned m = static_cast<unsigned>(total % 12) + 1;
  unsigned last = static_cast<unsigned>(days_in_month(static_cast<int>(y), static_cast<int>(m)));
  return clamp_days(days_from_civil(y, m, c.d > last ? last : c.d));
}

Date Date::minus_days(int64_t days) const {
  if (*this == min() || *this == max()) return *this;
  return clamp_days(int64_t{days_} - days);
}

Date Duration::before(Date date) const {
  switch (unit) {
    case Unit::Days:
      return date.minus_days(amount);
    case Unit::Months:
      return date.minus_months(amount);
    case Unit::Years:
      return date.minus_months(amount > INT64_MAX / 12 ? INT64_MAX : amount * 12);
  }
  return date;
}

}  // namespace smr
