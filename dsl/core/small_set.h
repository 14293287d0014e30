// A set that is searched in order while it holds a few values and hashed or
// ordered past that: most uses hold a handful (an object's keys, the values
// a breach sets), some a hundred thousand.
#pragma once

#include <algorithm>
#include <set>
#include <vector>

namespace smr {

template <typename T, typename Many = std::set<T>>
class SmallSet {
 public:
  // True when `value` was not in the set (it is now).
  bool insert(const T& value) {
    if (many_.empty() && few_.size() < kFew) {
      if (std::find(few_.begin(), few_.end(), value) != few_.end()) return false;
      few_.push_back(value);
      return true;
    }
    if (many_.empty()) many_.insert(few_.begin(), few_.end());
    return many_.insert(value).second;
  }

 private:
  static constexpr size_t kFew = 16;
  std::vector<T> few_;
  Many many_;
};

}  // namespace smr
