// What evaluating a scenario produces: each person's sanctions with the
// reasons behind them, the unattributed breaches, or the evaluation error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/core/decimal.h"
#include "dsl/model.h"
#include "engine/org_graph.h"

namespace smr {

using model::Outcome;
using model::outcome_name;

// One sanction given to one person by one `then` clause for one breach.
struct SanctionRecord {
  int rule = -1;
  int clause = -1;
  int breach = -1;  // index into Scenario::breaches
  model::SanctionKind kind = model::SanctionKind::Censure;
  Decimal amount;       // fines: rounded to the currency's 2 digits
  bool imposed = true;  // false for a fine that computed to zero
  SelectionPath path;
  std::string arithmetic;  // with --explain: the fine's steps, values substituted
};

// A regime's fine_cap cutting one person's fines for one breach.
struct CapRecord {
  int breach = -1;
  Decimal fined;           // the fines for the breach before the cap
  Decimal cap;             // the cap's value
  Decimal removed;         // what the cap took off
  std::string arithmetic;  // with --explain: the cap's steps
};

struct PersonResult {
  int person = -1;
  model::Sanctions sanctions;  // the fine total is the sum, or the max by the regime
  std::vector<SanctionRecord> records;
  std::vector<CapRecord> caps;
  Outcome outcome() const { return sanctions.headline(); }
  bool sanctioned() const { return sanctions.any(); }
};

struct EvalError {
  SourceLoc loc;
  int breach = -1;
  std::string message;
};

struct ScenarioResult {
  int scenario = -1;                        // index in Model::scenarios, or -1 if streamed
  const model::Scenario* source = nullptr;  // the scenario evaluated
  // Only people with at least one record (a sanction, or a zero fine), in id
  // order: an org may have 100,000 people and a scenario touch five.
  std::vector<PersonResult> persons;
  // The person's result; an empty one (no sanction) when there is none.
  PersonResult of(int person) const;
  std::vector<int> unattributed;  // breach indices, in evaluation order
  std::optional<EvalError> error;
};

}  // namespace smr
