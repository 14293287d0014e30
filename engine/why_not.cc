#include "engine/why_not.h"

#include <algorithm>

#include "engine/model_text.h"
#include "engine/selection.h"

namespace smr {

WouldReach::WouldReach(const OrgGraph& g, const model::ScenarioBreach& b,
                       const std::vector<Selected>& accountable)
    : g_(g), b_(b), accountable_(accountable) {
  using Kind = model::Selector::Kind;
  for (Kind k : {Kind::Accountable, Kind::Delegates, Kind::Managers, Kind::AllHolders, Kind::Board,
                 Kind::Involved}) {
    model::Selector s;
    s.kind = k;
    if (k == Kind::Managers) s.levels = 1'000'000;
    candidates_.push_back(s);
  }
  walked_.resize(candidates_.size());
}

std::optional<std::pair<std::string, SelectionPath>> WouldReach::find(const model::Model& m,
                                                                      int person) {
  for (size_t i = 0; i < candidates_.size(); ++i) {
    if (!walked_[i]) walked_[i] = select(candidates_[i], g_, m, b_, accountable_);
    const auto& people = *walked_[i];
    auto it = std::lower_bound(people.begin(), people.end(), person,
                               [](const Selected& s, int p) { return s.person < p; });
    if (it == people.end() || it->person != person) continue;
    model::Selector used = candidates_[i];
    if (used.kind == model::Selector::Kind::Managers) {
      std::vector<int> edges = it->path.edges();
      used.levels = static_cast<int>(std::count_if(edges.begin(), edges.end(), [&](int e) {
        return g_.org().edges[e].kind == model::EdgeKind::ReportsTo;
      }));
    }
    return std::make_pair(selector_text(m, used), it->path);
  }
  return std::nullopt;
}

}  // namespace smr
