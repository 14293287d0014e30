#include "engine/interval_set.h"

#include <algorithm>

namespace smr {

void IntervalSet::add(model::Interval in) {
  if (!(in.from < in.until)) return;
  std::vector<model::Interval> out;
  bool placed = false;
  for (const auto& cur : items_) {
    if (cur.until < in.from) {
      out.push_back(cur);
    } else if (in.until < cur.from) {
      if (!placed) out.push_back(in), placed = true;
      out.push_back(cur);
    } else {
      in.from = std::min(in.from, cur.from);
      in.until = std::max(in.until, cur.until);
    }
  }
  if (!placed) out.push_back(in);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  items_ = std::move(out);
}

std::vector<model::Interval> IntervalSet::gaps(model::Interval within) const {
  std::vector<model::Interval> out;
  Date at = within.from;
  for (const auto& cur : items_) {
    if (cur.until <= at) continue;
    if (cur.from >= within.until) break;
    if (at < cur.from) out.push_back({at, cur.from});
    at = std::max(at, cur.until);
    if (at >= within.until) return out;
  }
  if (at < within.until) out.push_back({at, within.until});
  return out;
}

std::string describe_period(model::Interval i) {
  bool open_start = i.from == Date::min(), open_end = i.until == Date::max();
  if (open_start && open_end) return "at all times";
  if (open_start) return "before " + i.until.to_string();
  if (open_end) return "from " + i.from.to_string() + " on";
  return "from " + i.from.to_string() + " until " + i.until.to_string();
}

}  // namespace smr
