// Evaluates scenarios against the checked model: breaches in date order,
// rules in source order, selectors on the breach date, exact arithmetic.
#pragma once

#include <string>
#include <vector>

#include "dsl/model.h"
#include "engine/org_graph.h"
#include "engine/result.h"

namespace smr {

struct EvalOptions {
  bool explain = false;  // record each sanction's inputs, conditions and arithmetic
  // Person ids to explain the absence of sanctions for (those not in the
  // scenario's org are skipped).
  std::vector<std::string> why_not;
  bool coverage = false;  // count what the scenario exercised (ScenarioResult::coverage)
  // Keep each sanction's path (SanctionRecord::path): explanations and
  // graphs show it; plain reports do not, and save copying it.
  bool paths = true;
  // Keep each sanction's record (PersonResult::records): explanations,
  // diffs and graphs read them; a plain report needs only the totals. A
  // regime with a fine cap keeps them regardless (the cap works from them).
  bool records = true;
  int64_t max_steps = 50'000'000;  // expression nodes and people judged, per scenario
};

// Runs one scenario. The graph must be the scenario's org. Never throws for
// bad data: overflow, division by zero, a missing table key or an unset fact
// come back as ScenarioResult::error.
ScenarioResult evaluate_scenario(const model::Model& model, const OrgGraph& graph, int scenario,
                                 const EvalOptions& options);
// The same for a scenario that is not part of the model (streamed in); it
// must refer to the model's declarations and to the graph's org.
ScenarioResult evaluate_scenario(const model::Model& model, const OrgGraph& graph,
                                 const model::Scenario& scenario, const EvalOptions& options);

// Formats a value as explanations show it: 180,000.00 for money, 30% for a
// percent, 2022-03-01 for a date, 12 months for a duration.
// JSON wants the numbers without grouping: 180000.00.
std::string format_value(const model::Value& v, bool percent, bool grouped = true);

}  // namespace smr
