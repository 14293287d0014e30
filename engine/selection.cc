#include "engine/selection.h"

namespace smr {

std::vector<Selected> select(const model::Selector& s, const OrgGraph& g, const model::Model& m,
                             const model::ScenarioBreach& b,
                             const std::vector<Selected>& accountable, bool with_paths) {
  using Kind = model::Selector::Kind;
  int area = m.breach_types[b.type].area;
  Date d = b.date;
  auto union_of = [&](const std::vector<model::Selector>& terms) {
    return select_all(terms, g, m, b, accountable, with_paths);
  };
  switch (s.kind) {
    case Kind::Involved: {
      std::vector<Selected> out;
      for (const auto& p : b.persons) {
        out.push_back(
            {p.person, SelectionPath::start(SelectionPath::Root::Involved, -1, -1, with_paths)});
      }
      normalise(out);  // as every term: in id order, each once
      return out;
    }
    case Kind::AllHolders: {
      std::vector<Selected> out;
      for (size_t f = 0; f < m.functions.size(); ++f) {
        auto some = g.holders(static_cast<int>(f), d, SelectionPath::Root::Function, with_paths);
        out.insert(out.end(), std::make_move_iterator(some.begin()),
                   std::make_move_iterator(some.end()));
      }
      normalise(out);
      return out;
    }
    case Kind::Group:
      return union_of(s.of);
    case Kind::Accountable:
      return accountable;
    case Kind::Delegates:
      return g.delegates(accountable, area, d);
    case Kind::Holders:
      return g.holders(s.function, d, SelectionPath::Root::Function, with_paths);
    case Kind::Board:
      return g.board(d, with_paths);
    case Kind::Managers: {
      std::vector<Selected> start = s.of.empty() ? accountable : union_of(s.of);
      return g.managers(start, s.levels, d);
    }
  }
  return {};
}

std::vector<Selected> select_all(const std::vector<model::Selector>& terms, const OrgGraph& g,
                                 const model::Model& m, const model::ScenarioBreach& b,
                                 const std::vector<Selected>& accountable, bool with_paths) {
  // Each term's people come in id order, each once: one term is its own union.
  if (terms.size() == 1) return select(terms[0], g, m, b, accountable, with_paths);
  std::vector<Selected> out;
  for (const auto& t : terms) {
    auto some = select(t, g, m, b, accountable, with_paths);
    out.insert(out.end(), std::make_move_iterator(some.begin()),
               std::make_move_iterator(some.end()));
  }
  normalise(out);
  return out;
}

}  // namespace smr
