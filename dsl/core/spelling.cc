#include "dsl/core/spelling.h"

#include <fmt/format.h>

#include <algorithm>

namespace smr {
namespace {

void lower_into(std::string_view s, std::string& out) {
  out.assign(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// Edit distance with adjacent transpositions (optimal string alignment),
// giving up with `limit` as soon as every cell of a row reaches it.
size_t distance(std::string_view a, std::string_view b, size_t limit,
                std::vector<size_t> (&rows)[3]) {
  for (auto& r : rows) r.assign(b.size() + 1, 0);
  std::vector<size_t>*before = &rows[0], *prev = &rows[1], *cur = &rows[2];
  for (size_t j = 0; j <= b.size(); ++j) (*prev)[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    (*cur)[0] = i;
    size_t row_min = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t d = std::min({(*prev)[j] + 1, (*cur)[j - 1] + 1, (*prev)[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, (*before)[j - 2] + 1);
      }
      (*cur)[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min >= limit) return limit;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return (*prev)[b.size()];
}

}  // namespace

Spelling::Spelling(std::string_view name)
    : best_distance_(std::max<size_t>(1, name.size() / 3) + 1),
      searching_(name.size() <= kMaxLength) {
  lower_into(name, name_);
}

void Spelling::consider(std::string_view candidate) {
  if (!searching_ || candidate.size() > kMaxLength) return;
  size_t gap = candidate.size() > name_.size() ? candidate.size() - name_.size()
                                               : name_.size() - candidate.size();
  if (gap > best_distance_) return;
  lower_into(candidate, lower_);
  size_t d = distance(name_, lower_, best_distance_ + 1, rows_);
  // Ties go to the smaller name, so the answer never depends on the order
  // candidates come in.
  if (d < best_distance_ || (d == best_distance_ && !best_.empty() && candidate < best_)) {
    best_distance_ = d;
    best_.assign(candidate);
  }
}

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  Spelling s(name);
  for (const auto& c : candidates) s.consider(c);
  return s.best();
}

std::string unknown_name(std::string_view kind, std::string_view name, std::string_view hint,
                         std::string_view where) {
  if (hint.empty()) return fmt::format("unknown {} '{}'{}", kind, name, where);
  return fmt::format("unknown {} '{}'{}; did you mean '{}'?", kind, name, where, hint);
}

}  // namespace smr
