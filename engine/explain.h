// Text for explanations: the path through the org that selected a person.
#pragma once

#include <string>

#include "dsl/model.h"
#include "engine/org_graph.h"

namespace smr {

// `child_safety -> responsible_for bob (from 2021-01-01) -> reports_to alice`
std::string describe_path(const model::Model& model, const model::Org& org,
                          const SelectionPath& path);
// ` (from 2021-01-01)`, ` (from A until B)`, ` (until B)`, or nothing.
std::string describe_dates(const model::Interval& when);

}  // namespace smr
