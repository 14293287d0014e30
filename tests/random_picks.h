// For tests that make random text: picks, chances and numbers from a
// seeded generator, so a failing case can be made again.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>

namespace smr::testing {

class RandomPicks {
 public:
  explicit RandomPicks(uint32_t seed) : rng_(seed) {}

  // One of `options`, each as likely.
  std::string pick(std::initializer_list<const char*> options) {
    return *(options.begin() + below(static_cast<int>(options.size())));
  }
  // True `percent` times in a hundred.
  bool chance(int percent) { return below(100) < percent; }
  // 0 to n - 1.
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  // Blanks or comments between two tokens of a .smr text; `required`
  // between two words.
  std::string gap(bool required = false) {
    if (!required && chance(40)) return "";
    return pick({" ", " ", "  ", "\n", "\t", " /* a } comment */ ", " // a { comment\n", "\r\n"});
  }
  template <typename It>
  void shuffle(It first, It last) {
    std::shuffle(first, last, rng_);
  }

 private:
  std::mt19937 rng_;
};

}  // namespace smr::testing
