// Compares the outcomes of one scenario under two versions of a model: the
// heart of `smr diff`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/decimal.h"
#include "dsl/model.h"
#include "engine/result.h"

namespace smr {

// A person's outcome reduced to what `diff` compares.
struct OutcomeSummary {
  bool censure = false, disqualification = false, criminal = false, fined = false;
  Decimal fine;
  Outcome outcome = Outcome::None;
  bool operator==(const OutcomeSummary& o) const;
};

// What one rule did to one person over a scenario.
struct RuleEffect {
  std::vector<model::SanctionKind> kinds;  // sorted, unique
  Decimal fine;                            // total of its imposed fines
  bool operator==(const RuleEffect& o) const { return kinds == o.kinds && fine == o.fine; }
};

struct RuleChange {
  std::string rule;
  std::optional<RuleEffect> before, after;  // nullopt: did not fire
};

struct PersonChange {
  std::string person;
  OutcomeSummary before, after;
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

}  // namespace smr
