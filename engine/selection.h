// Who a rule's selector picks for a breach: the org graph's walks combined
// as the selector says.
#pragma once

#include <vector>

#include "dsl/model.h"
#include "engine/org_graph.h"

namespace smr {

// Everyone `s` picks for breach `b` (on its date), with their paths;
// `accountable` is the breach's accountable persons. Without `with_paths`
// no one comes with a path (`accountable` then has none either: see
// OrgGraph::accountable).
std::vector<Selected> select(const model::Selector& s, const OrgGraph& g, const model::Model& m,
                             const model::ScenarioBreach& b,
                             const std::vector<Selected>& accountable, bool with_paths = true);

// The union of a clause's selector terms, in id order.
std::vector<Selected> select_all(const std::vector<model::Selector>& terms, const OrgGraph& g,
                                 const model::Model& m, const model::ScenarioBreach& b,
                                 const std::vector<Selected>& accountable, bool with_paths = true);

}  // namespace smr
