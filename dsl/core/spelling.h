// "Did you mean ...?": the closest known name to a misspelt one, and the one
// way every layer words an unknown name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace smr {

// Finds the known name closest to a misspelt one. Case is ignored and a
// swap of two neighbouring letters counts as one edit, so `Chair` finds
// `CHAIR` and `kowk` finds `kwok`. Names longer than kMaxLength get no
// suggestion, and each comparison is cut off once it cannot win, so a
// lookup costs at most a few hundred steps per candidate.
class Spelling {
 public:
  static constexpr size_t kMaxLength = 64;

  explicit Spelling(std::string_view name);
  // Offers one known name.
  void consider(std::string_view candidate);
  // The best candidate offered, or "" when none is close enough.
  const std::string& best() const { return best_; }

 private:
  std::string name_;   // lower-cased
  std::string lower_;  // scratch for the candidate
  std::string best_;
  size_t best_distance_;
  bool searching_;
  std::vector<size_t> rows_[3];
};

// The closest of `candidates` to `name`, or "".
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

// "unknown KIND 'NAME'" and `where` (" in org 'acme'"), then
// "; did you mean 'HINT'?" when there is a hint.
std::string unknown_name(std::string_view kind, std::string_view name, std::string_view hint,
                         std::string_view where = "");

}  // namespace smr
