// Calendar dates and durations of the language.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smr {

// A Gregorian calendar date, stored as days since 1970-01-01 so that
// comparison and ordering are integer operations.
class Date {
 public:
  // The range a model may use; dates outside it are rejected by the checker.
  static constexpr int kMinYear = 1000;
  static constexpr int kMaxYear = 9999;

  constexpr Date() = default;
  static constexpr Date from_days(int32_t days) { return Date(days); }
  // nullopt unless y-m-d is a real date within [kMinYear, kMaxYear].
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Parses exactly `YYYY-MM-DD`.
  static std::optional<Date> parse(std::string_view text);
  static Date min() { return Date(INT32_MIN); }
  static Date max() { return Date(INT32_MAX); }

  constexpr int32_t days() const { return days_; }
  friend constexpr auto operator<=>(Date, Date) = default;
  std::string to_string() const;

  // Calendar arithmetic: a day that does not exist in the target month clamps
  // to the month's last day (2024-03-31 minus one month is 2024-02-29).
  Date minus_months(int64_t months) const;
  Date minus_days(int64_t days) const;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// A length of time written as `12 months`, `30 days`, `2 years`.
struct Duration {
  enum class Unit { Days, Months, Years };
  int64_t amount = 0;
  Unit unit = Unit::Days;
  // The first day of the window [date - *this, date).
  Date before(Date date) const;
};

}  // namespace smr
