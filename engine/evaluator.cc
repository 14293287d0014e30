#include "engine/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "engine/expression_eval.h"
#include "engine/selection.h"

namespace smr {

PersonResult ScenarioResult::of(int person) const {
  auto it = std::lower_bound(persons.begin(), persons.end(), person,
                             [](const PersonResult& p, int id) { return p.person < id; });
  if (it != persons.end() && it->person == person) return *it;
  PersonResult empty;
  empty.person = person;
  return empty;
}

std::string format_value(const model::Value& v, bool percent) {
  using model::Type;
  switch (v.type) {
    case Type::Bool:
      return v.boolean ? "true" : "false";
    case Type::Date:
      return v.date.to_string();
    case Type::Money:
      return v.number.to_grouped_string(2);
    case Type::Duration:
      return std::to_string(v.duration.amount);
    default:
      break;
  }
  if (percent) {
    auto hundred = multiply(v.number, *Decimal::from_int(100));
    if (hundred) return hundred->to_string() + "%";
  }
  return v.number.to_string();
}

namespace {

using expr_eval::checked;
using expr_eval::count_step;
using expr_eval::Env;
using expr_eval::eval;
using expr_eval::Failure;
using model::Value;

class ScenarioRun {
 public:
  ScenarioRun(const model::Model& m, const OrgGraph& g, const model::Scenario& sc, int index,
              const EvalOptions& o)
      : m_(m), g_(g), sc_(sc), org_(g.org()), opts_(o) {
    result_.scenario = index;
    result_.source = &sc;
  }

  ScenarioResult run() {
    std::vector<int> order(sc_.breaches.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return sc_.breaches[a].date < sc_.breaches[b].date; });
    int current = -1;
    try {
      for (int bi : order) {
        current = bi;
        run_breach(bi);
      }
    } catch (const Failure& f) {
      result_.error = EvalError{f.loc, current, f.message};
    }
    if (capped_) {
      for (auto& p : result_.persons) total_after_caps(p);
    }
    std::sort(result_.persons.begin(), result_.persons.end(),
              [](const PersonResult& a, const PersonResult& b) { return a.person < b.person; });
    return std::move(result_);
  }

 private:
  void run_breach(int bi) {
    const model::ScenarioBreach& b = sc_.breaches[bi];
    int area = m_.breach_types[b.type].area;
    std::vector<Selected> accountable = g_.accountable(area, b.date);
    if (accountable.empty()) result_.unattributed.push_back(bi);
    Env breach_env{m_, org_, sc_, b};
    breach_env.step_count = &steps_;
    breach_env.max_steps = opts_.max_steps;
    breach_env.record = &record_;
    sanctioned_now_.clear();
    fined_now_.clear();
    for (size_t r = 0; r < m_.rules.size(); ++r) {
      const model::Rule& rule = m_.rules[r];
      if (!rule.applies_to[b.type]) continue;
      std::vector<std::optional<Value>> lets(rule.lets.size());
      breach_env.lets = &rule.lets;
      breach_env.let_values = &lets;
      if (rule.when && !eval(*rule.when, breach_env).boolean) continue;
      for (size_t c = 0; c < rule.clauses.size(); ++c) {
        const model::Clause& clause = rule.clauses[c];
        std::vector<Selected> chosen = select_all(clause.selector, g_, m_, b, accountable);
        for (const Selected& s : chosen) judge(static_cast<int>(r), static_cast<int>(c), bi, s);
      }
    }
    apply_caps(bi);
    // The person's own record, for prior_sanctions in later breaches.
    for (int p : sanctioned_now_) record_[p].push_back(b.date);
  }

  // What a person-scope expression sees: the judged person's facts and income.
  Env person_env(const model::ScenarioBreach& b, int person) {
    Env env{m_, org_, sc_, b, person};
    env.step_count = &steps_;
    env.max_steps = opts_.max_steps;
    env.graph = &g_;
    env.record = &record_;
    auto pf =
        std::lower_bound(b.persons.begin(), b.persons.end(), person,
                         [](const model::PersonFactValues& v, int p) { return v.person < p; });
    if (pf != b.persons.end() && pf->person == person) env.person_facts = &*pf;
    env.income = env.person_facts && env.person_facts->relevant_income
                     ? *env.person_facts->relevant_income
                     : org_.persons[person].relevant_income;
    return env;
  }

  // The regime's fine_cap: each person's fines for breach `bi` cut to it.
  void apply_caps(int bi) {
    if (!m_.fine_cap) return;
    const model::ScenarioBreach& b = sc_.breaches[bi];
    for (const auto& [p, fined] : fined_now_) {
      Env env = person_env(b, p);
      std::vector<std::string> steps;
      env.steps = opts_.explain ? &steps : nullptr;
      Value v = eval(*m_.fine_cap, env);
      Decimal cap = checked(round_half_even(v.number, 2), *m_.fine_cap, "rounding the fine cap");
      if (!(cap < fined)) continue;
      CapRecord rec{bi, fined, cap, checked(subtract(fined, cap), *m_.fine_cap, "the fine cap"),
                    ""};
      for (size_t i = 0; i < steps.size(); ++i) rec.arithmetic += (i ? "; " : "") + steps[i];
      result_for(p).caps.push_back(std::move(rec));
      capped_ = true;
    }
  }

  // After caps: each capped person's fine total, worked out again from the
  // imposed fines of each breach, each breach's cut to its cap.
  void total_after_caps(PersonResult& person) {
    if (person.caps.empty()) return;
    std::map<int, std::pair<Decimal, Decimal>> by_breach;  // breach -> (sum, largest)
    for (const auto& rec : person.records) {
      if (rec.kind != model::SanctionKind::Fine || !rec.imposed) continue;
      auto& [sum, largest] = by_breach[rec.breach];
      sum = add(sum, rec.amount).value_or(sum);
      largest = std::max(largest, rec.amount);
    }
    for (const auto& cap : person.caps) {
      auto& [sum, largest] = by_breach[cap.breach];
      sum = cap.cap;
      largest = std::min(largest, cap.cap);
    }
    Decimal total;
    for (const auto& [breach, fines] : by_breach) {
      total =
          m_.fines_max ? std::max(total, fines.second) : add(total, fines.first).value_or(total);
    }
    person.sanctions.fine = total.is_zero() ? std::nullopt : std::optional<Decimal>(total);
  }

  void judge(int r, int c, int bi, const Selected& s) {
    const model::ScenarioBreach& b = sc_.breaches[bi];
    const model::Clause& clause = m_.rules[r].clauses[c];
    Env env = person_env(b, s.person);
    std::vector<std::optional<Value>> lets(m_.rules[r].lets.size());
    env.lets = &m_.rules[r].lets;
    env.let_values = &lets;
    count_step(env, clause.loc);
    if (clause.where && !eval(*clause.where, env).boolean) return;
    SanctionRecord rec;
    rec.rule = r;
    rec.clause = c;
    rec.breach = bi;
    rec.kind = clause.sanction;
    rec.path = s.path;
    PersonResult& person = result_for(s.person);
    if (clause.sanction == model::SanctionKind::Fine) {
      std::vector<std::string> steps;
      env.steps = opts_.explain ? &steps : nullptr;
      Value amount = eval(*clause.amount, env);
      Decimal rounded = checked(round_half_even(amount.number, 2), *clause.amount, "rounding");
      if (rounded.is_negative()) {
        throw Failure{clause.amount->loc,
                      fmt::format("the fine for '{}' computes to {}, which is negative",
                                  org_.persons[s.person].id, rounded.to_grouped_string(2))};
      }
      if (opts_.explain) {
        if (steps.empty()) steps.push_back(format_value(amount, false));
        if (rounded != amount.number) {
          steps.push_back(
              fmt::format("rounded half to even to 2 digits: {}", rounded.to_grouped_string(2)));
        }
        for (size_t i = 0; i < steps.size(); ++i) rec.arithmetic += (i ? "; " : "") + steps[i];
      }
      rec.amount = rounded;
      rec.imposed = !rounded.is_zero();
      if (rec.imposed)
        if (m_.fine_cap)
          fined_now_[s.person] = add(fined_now_[s.person], rounded).value_or(fined_now_[s.person]);
      if (rec.imposed) {
        auto& total = person.sanctions.fine;
        if (!total) {
          total = rounded;
        } else if (m_.fines_max) {
          total = std::max(*total, rounded);
        } else {
          total = checked(add(*total, rounded), *clause.amount, "the fine total");
        }
      }
    } else {
      auto& s = person.sanctions;
      s.censure = s.censure || clause.sanction == model::SanctionKind::Censure;
      s.disqualification =
          s.disqualification || clause.sanction == model::SanctionKind::Disqualification;
      s.criminal = s.criminal || clause.sanction == model::SanctionKind::Criminal;
    }
    if (rec.imposed && m_.reads_prior_sanctions) sanctioned_now_.insert(s.person);
    person.records.push_back(std::move(rec));
  }

  // Most scenarios touch a few people, and a linear search beats any map;
  // past a handful (a board of 100,000), look them up by hash instead.
  PersonResult& result_for(int person) {
    auto& persons = result_.persons;
    constexpr size_t kLinear = 16;
    if (index_.empty() && persons.size() > kLinear) {
      for (size_t i = 0; i < persons.size(); ++i) index_.emplace(persons[i].person, i);
    }
    if (index_.empty()) {
      for (auto& p : persons) {
        if (p.person == person) return p;
      }
    } else if (auto it = index_.find(person); it != index_.end()) {
      return persons[it->second];
    }
    persons.emplace_back().person = person;
    if (!index_.empty()) index_.emplace(person, persons.size() - 1);
    return persons.back();
  }

  const model::Model& m_;
  const OrgGraph& g_;
  const model::Scenario& sc_;
  const model::Org& org_;
  EvalOptions opts_;
  ScenarioResult result_;
  std::unordered_map<int, size_t>
      index_;  // person -> index in result_.persons, once there are many
  // Person -> dates of the breaches that sanctioned them (for prior_sanctions).
  std::unordered_map<int, std::vector<Date>> record_;
  std::set<int> sanctioned_now_;      // by the breach being evaluated
  std::map<int, Decimal> fined_now_;  // person -> imposed fines for the breach being evaluated
  bool capped_ = false;
  int64_t steps_ = 0;
};

}  // namespace

ScenarioResult evaluate_scenario(const model::Model& model, const OrgGraph& graph, int scenario,
                                 const EvalOptions& options) {
  return ScenarioRun(model, graph, model.scenarios[scenario], scenario, options).run();
}

ScenarioResult evaluate_scenario(const model::Model& model, const OrgGraph& graph,
                                 const model::Scenario& scenario, const EvalOptions& options) {
  return ScenarioRun(model, graph, scenario, -1, options).run();
}

}  // namespace smr
