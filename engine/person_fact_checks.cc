#include "engine/person_fact_checks.h"

#include <fmt/format.h>

#include <set>

#include "engine/expression_eval.h"
#include "engine/selection.h"

namespace smr {
namespace {

// The person facts without a default that `e` reads, directly or through
// the rule's lets.
void needed_person_facts(const model::Model& m, const model::Rule& rule, const model::Expr& e,
                         std::set<int>& out) {
  model::any_node(e, [&](const model::Expr& x) {
    if (x.op == model::Op::PersonFact && !m.person_facts[x.index].default_value)
      out.insert(x.index);
    // A let's value is read where the let is (lets see only those above them).
    if (x.op == model::Op::Let) needed_person_facts(m, rule, rule.lets[x.index].value, out);
    return false;
  });
}

// Whether the rule's `when` holds for the breach; true when it cannot be
// worked out here (it then fails in evaluation, with its own message).
bool when_holds(const model::Model& m, const model::Scenario& sc, const model::ScenarioBreach& b,
                const model::Rule& rule) {
  if (!rule.when) return true;
  const model::Org& org = m.orgs[sc.org];
  expr_eval::Env env{m, org, sc, b};
  std::vector<std::optional<model::Value>> lets(rule.lets.size());
  env.lets = &rule.lets;
  env.let_values = &lets;
  try {
    return expr_eval::eval(*rule.when, env).boolean;
  } catch (const expr_eval::Failure&) {
    return true;
  }
}

bool is_set(const model::ScenarioBreach& b, int person, int fact) {
  for (const auto& p : b.persons) {
    if (p.person == person) return p.values[fact].has_value();
  }
  return false;
}

void check_breach(const model::Model& m, const OrgGraph& g, const model::Scenario& sc,
                  const model::ScenarioBreach& b, Diagnostics& diags) {
  const model::Org& org = m.orgs[sc.org];
  std::vector<Selected> accountable = g.accountable(m.breach_types[b.type].area, b.date);
  for (const model::Rule& rule : m.rules) {
    if (!rule.applies_to[b.type] || !when_holds(m, sc, b, rule)) continue;
    for (const model::Clause& clause : rule.clauses) {
      std::set<int> needed;
      if (clause.where) needed_person_facts(m, rule, *clause.where, needed);
      if (clause.amount) needed_person_facts(m, rule, *clause.amount, needed);
      if (clause.amount && m.fine_cap) needed_person_facts(m, rule, *m.fine_cap, needed);
      if (needed.empty()) continue;
      for (const Selected& s : select_all(clause.selector, g, m, b, accountable)) {
        for (int f : needed) {
          if (is_set(b, s.person, f)) continue;
          diags.error(b.loc,
                      fmt::format("breach '{}' on {} leaves person fact '{}' unset for '{}', whom "
                                  "rule '{}' judges, and it has no default",
                                  m.breach_types[b.type].id, b.date.to_string(),
                                  m.person_facts[f].name, org.persons[s.person].id, rule.id));
        }
      }
    }
  }
}

}  // namespace

void check_person_facts(const model::Model& model,
                        const std::vector<std::unique_ptr<OrgGraph>>& graphs, Diagnostics& diags) {
  bool any = false;
  for (const auto& f : model.person_facts) any = any || !f.default_value;
  if (!any) return;  // nothing can be missing
  for (const auto& sc : model.scenarios) {
    if (sc.org < 0) continue;
    for (const auto& b : sc.breaches) check_breach(model, *graphs[sc.org], sc, b, diags);
  }
}

}  // namespace smr
