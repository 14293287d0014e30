// A check that needs the org graph and the rules: a person fact with no
// default that a rule reads must be set, in every scenario, for each person
// that rule would judge.
#pragma once

#include <memory>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/model.h"
#include "engine/org_graph.h"

namespace smr {

// For each breach of each scenario and each rule whose `when` holds (a
// `when` that cannot be worked out is taken to hold), runs the rule's
// selectors and reports, at the breach, each person they pick for whom a
// person fact that the clause reads (in `where`, the fine or a let) is
// unset and has no default.
void check_person_facts(const model::Model& model,
                        const std::vector<std::unique_ptr<OrgGraph>>& graphs, Diagnostics& diags);

}  // namespace smr
