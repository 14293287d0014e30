// What evaluating a scenario produces: each person's sanctions with the
// reasons behind them, the unattributed breaches, or the evaluation error.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/core/decimal.h"
#include "dsl/model.h"
#include "engine/coverage.h"
#include "engine/org_graph.h"
#include "engine/trace.h"

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
  // With --explain: inputs, lets, conditions, arithmetic; empty otherwise
  // (held apart, so that a record without one stays small).
  const Explanation& explanation() const;
  void set_explanation(Explanation e) {
    explained_ = std::make_shared<const Explanation>(std::move(e));
  }

 private:
  std::shared_ptr<const Explanation> explained_;
};

// A regime's fine_cap cutting one person's fines for one breach.
struct CapRecord {
  int breach = -1;
  Decimal fined;            // the fines for the breach before the cap
  Decimal cap;              // the cap's value
  Decimal removed;          // what the cap took off
  Explanation explanation;  // with --explain: the cap's inputs and arithmetic
};

// Why a rule gave one person nothing (or what it gave) for one breach: the
// answer to `--why-not PERSON`, one per (breach, rule) or, once the rule
// applies, per (breach, rule, clause).
struct WhyNot {
  enum class Reason : uint8_t {
    NotOn,       // the rule's `on` leaves out the breach type
    WhenFalse,   // its `when` was false
    NotReached,  // the clause's selector did not reach the person
    WhereFalse,  // reached, but `where` was false
    ZeroFine,    // the fine computed to zero
    Sanctioned,  // the clause did sanction them
    Capped       // the regime's fine_cap cut their fines for the breach
  };
  int person = -1;
  int breach = -1;
  int rule = -1;    // -1 for Capped
  int clause = -1;  // -1 for NotOn and WhenFalse
  Reason reason = Reason::NotOn;
  Explanation explanation;  // the conditions and values behind the answer
  // NotReached: whom the selector did reach (the first few) and how many;
  // and a selector that would have reached the person, with its path.
  std::vector<Selected> reached;
  size_t reached_count = 0;
  std::string would_reach;  // e.g. "delegates"; empty when nothing reaches them
  SelectionPath would_path;
  model::SanctionKind kind = model::SanctionKind::Censure;  // Sanctioned, ZeroFine
  Decimal amount;                                           // Sanctioned fines
  std::optional<CapRecord> cap;                             // Capped
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
  std::vector<int> unattributed;       // breach indices, in evaluation order
  std::vector<WhyNot> why_not;         // for EvalOptions::why_not, in evaluation order
  std::shared_ptr<Coverage> coverage;  // with EvalOptions::coverage
  std::optional<EvalError> error;
};

}  // namespace smr
