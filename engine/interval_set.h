// Unions and gaps of time intervals, for the coverage checks.
#pragma once

#include <vector>

#include "dsl/model.h"

namespace smr {

// A set of dates as sorted, disjoint, non-adjacent half-open intervals.
class IntervalSet {
 public:
  void add(model::Interval i);
  // The parts of `within` that this set does not cover.
  std::vector<model::Interval> gaps(model::Interval within) const;
  const std::vector<model::Interval>& intervals() const { return items_; }

 private:
  std::vector<model::Interval> items_;
};

// "from 2021-01-01 until 2023-07-01", "before 2021-01-01", "at all times".
std::string describe_period(model::Interval i);

}  // namespace smr
