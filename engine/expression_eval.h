// Evaluating one typed expression of the model for a breach (and, in
// `where` and fine amounts, a judged person). Private to engine/.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/model.h"
#include "engine/coverage.h"
#include "engine/org_graph.h"
#include "engine/trace.h"

namespace smr::expr_eval {

// An evaluation error on its way out to evaluate_scenario.
struct Failure {
  SourceLoc loc;
  std::string message;
};

// What an expression can see: the breach, and the person being judged.
struct Env {
  const model::Model& m;
  const model::Org& org;
  const model::Scenario& sc;
  const model::ScenarioBreach& breach;
  int person = -1;
  const model::PersonFactValues* person_facts = nullptr;
  // The judged person's relevant income: the breach's override, else the
  // org's figure (looked up only when an expression reads it).
  Decimal income() const {
    if (person_facts && person_facts->relevant_income) return *person_facts->relevant_income;
    return person >= 0 ? org.persons[person].relevant_income : Decimal();
  }
  Trace* trace = nullptr;        // explanation, when asked for
  Coverage* coverage = nullptr;  // table rows used, when counted
  const OrgGraph* graph = nullptr;
  // A scenario may take at most `max_steps` steps (expression nodes and
  // people judged): a runaway model ends in a diagnostic, not a hang.
  int64_t* step_count = nullptr;
  int64_t max_steps = 0;
  // The rule's lets, each worked out once for this environment.
  const std::vector<model::Let>* lets = nullptr;
  std::vector<std::optional<model::Value>>* let_values = nullptr;
  // Per person: the dates of earlier breaches that sanctioned them.
  const std::unordered_map<int, std::vector<Date>>* record = nullptr;
};

// The name an operand goes by in an arithmetic step: a fact's, a let's,
// `seriousness[4]`; empty for a literal or a computed value.
std::string operand_name(const model::Expr& e, const Env& env);
// Throws the Failure of a scenario past its limit of steps.
[[noreturn]] void too_many_steps(const Env& env, SourceLoc loc);
// Counts one step against the scenario's limit (inline: once per node).
inline void count_step(const Env& env, SourceLoc loc) {
  if (env.step_count && ++*env.step_count > env.max_steps) too_many_steps(env, loc);
}
// The value of `e`; throws Failure for overflow, division by zero and the
// like, at their place.
model::Value eval(const model::Expr& e, const Env& env);
// `r`, or a Failure naming `what` when it overflowed.
Decimal checked(std::optional<Decimal> r, const model::Expr& e, const char* what);

}  // namespace smr::expr_eval
