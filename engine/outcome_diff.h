// Compares the outcomes of one scenario under two versions of a model: the
// heart of `smr diff`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/core/decimal.h"
#include "dsl/model.h"
#include "engine/result.h"

namespace smr {

// What one rule did to one person over a scenario: the kinds it imposed and
// the total of its imposed fines.
using RuleEffect = model::Sanctions;

struct RuleChange {
  std::string rule;
  std::optional<RuleEffect> before, after;  // nullopt: did not fire
};

struct PersonChange {
  std::string person;
  model::Sanctions before, after;
  std::vector<std::string> rules_before, rules_after;  // names, sorted
  std::vector<RuleChange> rules_changed;               // by rule name
};

struct ScenarioDiff {
  std::vector<PersonChange> changes;  // by person id
  int persons_compared = 0;           // every person of either org
};

// Persons are matched by id; one missing from a version counts as `none`
// there. Both results must be of the same scenario and free of errors.
ScenarioDiff diff_scenario(const model::Model& base_model, const ScenarioResult& base,
                           const model::Model& head_model, const ScenarioResult& head);
// The same with `persons_compared` already counted (persons_in_either),
// so that a scenario costs what its results hold, not the org's size.
ScenarioDiff diff_scenario(const model::Model& base_model, const ScenarioResult& base,
                           const model::Model& head_model, const ScenarioResult& head,
                           int persons_compared);
// The persons of either org, each id once.
int persons_in_either(const model::Org& base, const model::Org& head);

}  // namespace smr
