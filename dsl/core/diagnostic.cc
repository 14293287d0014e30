#include "dsl/core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace smr {

void Diagnostics::error(SourceLoc loc, std::string message) {
  items_.push_back({Severity::Error, loc, std::move(message)});
  ++errors_;
}

void Diagnostics::warning(SourceLoc loc, std::string message) {
  items_.push_back({Severity::Warning, loc, std::move(message)});
  ++warnings_;
}

void Diagnostics::note(SourceLoc loc, std::string message) {
  items_.push_back({Severity::Note, loc, std::move(message)});
}

void Diagnostics::remark(SourceLoc loc, std::string message) {
  items_.push_back({Severity::Note, loc, std::move(message), true});
}

void Diagnostics::sort_by_place() {
  // Group each message with its notes, then order the groups.
  std::vector<std::vector<Diagnostic>> groups;
  for (auto& d : items_) {
    if (d.severity == Severity::Note && !d.standalone && !groups.empty()) {
      groups.back().push_back(std::move(d));
    } else {
      groups.push_back({std::move(d)});
    }
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return std::tie(a[0].loc.file, a[0].loc.offset) < std::tie(b[0].loc.file, b[0].loc.offset);
  });
  items_.clear();
  for (auto& g : groups) {
    for (auto& d : g) items_.push_back(std::move(d));
  }
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  errors_ += other.errors_;
  warnings_ += other.warnings_;
}

}  // namespace smr
