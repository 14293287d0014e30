// Graphviz DOT output of an org on a date, optionally with the paths a
// scenario's sanctions used highlighted.
#pragma once

#include <map>
#include <set>
#include <string>

#include "dsl/model.h"
#include "engine/result.h"

namespace smr {

struct DotHighlight {
  std::set<int> accountable;            // persons accountable for some breach
  std::set<int> edges;                  // Org::edges used by a sanction's path
  std::map<int, std::string> outcomes;  // sanctioned persons: "fine 108,000.00 GBP"
};

// People (labelled with name, id and the functions they hold on `date`),
// responsibility areas, and the edges valid on `date`: reporting lines
// solid, responsibilities dashed, delegations dotted. Highlighted people
// and edges are drawn in red.
std::string org_to_dot(const model::Model& m, int org, Date date, const DotHighlight* highlight);

// The highlight for a scenario's result: its accountable people and every
// edge a sanction's path went through.
DotHighlight highlight_for(const model::Model& m, const ScenarioResult& r,
                           const std::map<int, std::string>& outcomes);

}  // namespace smr
