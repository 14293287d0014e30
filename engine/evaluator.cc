#include "engine/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "dsl/core/small_sort.h"
#include "engine/expression_eval.h"
#include "engine/model_text.h"
#include "engine/selection.h"
#include "engine/why_not.h"

namespace smr {

const Explanation& SanctionRecord::explanation() const {
  static const Explanation kNone;
  return explained_ ? *explained_ : kNone;
}

PersonResult ScenarioResult::of(int person) const {
  auto it = std::lower_bound(persons.begin(), persons.end(), person,
                             [](const PersonResult& p, int id) { return p.person < id; });
  if (it != persons.end() && it->person == person) return *it;
  PersonResult empty;
  empty.person = person;
  return empty;
}

namespace {

const char* duration_unit(const Duration& d) {
  bool one = d.amount == 1;
  switch (d.unit) {
    case Duration::Unit::Days:
      return one ? "day" : "days";
    case Duration::Unit::Months:
      return one ? "month" : "months";
    case Duration::Unit::Years:
      return one ? "year" : "years";
  }
  return "";
}

}  // namespace

std::string format_value(const model::Value& v, bool percent, bool grouped) {
  using model::Type;
  switch (v.type) {
    case Type::Bool:
      return v.boolean ? "true" : "false";
    case Type::Date:
      return v.date.to_string();
    case Type::Money:
      return grouped ? v.number.to_grouped_string(2) : v.number.to_string(2);
    case Type::Duration:
      return fmt::format("{} {}", v.duration.amount, duration_unit(v.duration));
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

// For each person of an org, where their result is in the scenario being
// evaluated (-1: none yet). One per thread, kept between scenarios: only
// the slots a scenario took are given back, so a scenario pays for the
// people it touches, not for the org.
class PersonSlots {
 public:
  static PersonSlots& of_thread(size_t persons) {
    thread_local PersonSlots slots;
    if (slots.slot_.size() < persons) slots.slot_.resize(persons, -1);
    return slots;
  }
  int32_t& at(int person) { return slot_[static_cast<size_t>(person)]; }

 private:
  std::vector<int32_t> slot_;
};

// A thread's working lists for the scenarios it evaluates, kept between
// scenarios so that each does not allocate them again.
struct RunScratch {
  static RunScratch& of_thread() {
    thread_local RunScratch scratch;
    return scratch;
  }
  std::vector<int> order;  // the breaches in date order
  // The breach's selections by Clause::selector_id (see selected()).
  std::vector<std::optional<std::vector<Selected>>> selections;
  std::vector<int> selected_ids;  // the slots of `selections` filled for this breach
  std::vector<int8_t> whens;      // the breach's `when` values by Rule::when_id: -1 not yet
};

// One `then` clause being applied for one breach.
struct Judged {
  int rule = -1, clause = -1, breach = -1;
  const Explanation* when = nullptr;  // the rule's `when`, when explaining
};

class ScenarioRun {
 public:
  ScenarioRun(const model::Model& m, const OrgGraph& g, const model::Scenario& sc, int index,
              const EvalOptions& o)
      : m_(m), g_(g), sc_(sc), org_(g.org()), opts_(o) {
    result_.scenario = index;
    result_.source = &sc;
    for (const auto& id : o.why_not) {
      int p = org_.find_person(id);
      if (p >= 0 && !wants_why_not(p)) why_not_.push_back(p);
    }
    tracing_ = o.explain || !why_not_.empty();
    with_paths_ = o.paths || tracing_;
    with_records_ = o.records || tracing_ || m.fine_cap;
    if (o.coverage) result_.coverage = std::make_shared<Coverage>(m);
  }

  ScenarioResult run() {
    std::vector<int>& order = scratch_.order;
    order.resize(sc_.breaches.size());
    std::iota(order.begin(), order.end(), 0);
    stable_sort_small(order.begin(), order.end(),
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
    release_slots();
    sort_persons();
    return std::move(result_);
  }

  ~ScenarioRun() {
    release_slots();
    forget_selections();
  }

 private:
  void run_breach(int bi) {
    const model::ScenarioBreach& b = sc_.breaches[bi];
    int area = m_.breach_types[b.type].area;
    std::vector<Selected> accountable = g_.accountable(area, b.date, with_paths_);
    if (accountable.empty()) result_.unattributed.push_back(bi);
    Env breach_env{m_, org_, sc_, b};
    breach_env.step_count = &steps_;
    breach_env.max_steps = opts_.max_steps;
    breach_env.record = &record_;
    breach_env.coverage = result_.coverage.get();
    if (result_.coverage) ++result_.coverage->breach_types[b.type];
    sanctioned_now_.clear();
    fined_now_.clear();
    std::optional<WouldReach> would;  // --why-not only
    if (!why_not_.empty()) would.emplace(g_, b, accountable);
    forget_selections();
    if (selections_.size() != static_cast<size_t>(m_.selector_count))
      selections_.resize(m_.selector_count);
    whens_.assign(m_.when_count, -1);
    // Only the rules on the breach's type, unless --why-not must say of
    // every other rule that it is not on it.
    bool applying_only = why_not_.empty() && m_.rules_indexed();
    size_t count = applying_only ? m_.rules_for_type[b.type].size() : m_.rules.size();
    for (size_t k = 0; k < count; ++k) {
      int ri = applying_only ? m_.rules_for_type[b.type][k] : static_cast<int>(k);
      const model::Rule& rule = m_.rules[ri];
      if (!applying_only && !rule.applies_to[b.type]) {
        for (int p : why_not_) why_not(p, bi, ri, -1, WhyNot::Reason::NotOn);
        continue;
      }
      std::vector<std::optional<Value>> lets(rule.lets.size());
      breach_env.lets = &rule.lets;
      breach_env.let_values = &lets;
      if (tracing_) when_ = Explanation();  // untouched otherwise: stays empty
      if (rule.when && !holds_when(rule, breach_env, when_)) {
        for (int p : why_not_)
          why_not(p, bi, ri, -1, WhyNot::Reason::WhenFalse).explanation = when_;
        continue;
      }
      for (size_t c = 0; c < rule.clauses.size(); ++c) {
        const model::Clause& clause = rule.clauses[c];
        const std::vector<Selected>& chosen = selected(clause, b, accountable);
        Judged judged{ri, static_cast<int>(c), bi, &when_};
        for (const Selected& s : chosen) judge(judged, s);
        for (int p : why_not_) missed(judged, p, chosen, *would);
      }
    }
    apply_caps(bi);
    // The person's own record, for prior_sanctions in later breaches.
    for (int p : sanctioned_now_) record_[p].push_back(b.date);
  }

  // The previous breach's selections forgotten (only the slots it filled).
  void forget_selections() {
    for (int id : selected_ids_) selections_[id].reset();
    selected_ids_.clear();
  }

  // Whom the clause's selector picks for breach `b`: worked out once per
  // breach for clauses whose selectors are written alike.
  const std::vector<Selected>& selected(const model::Clause& clause, const model::ScenarioBreach& b,
                                        const std::vector<Selected>& accountable) {
    // `to accountable`, the usual selector: the breach's own list, not a copy.
    if (clause.selector.size() == 1 &&
        clause.selector[0].kind == model::Selector::Kind::Accountable) {
      return accountable;
    }
    if (clause.selector_id < 0 || clause.selector_id >= static_cast<int>(selections_.size())) {
      unshared_ = select_all(clause.selector, g_, m_, b, accountable, with_paths_);
      return unshared_;
    }
    auto& slot = selections_[clause.selector_id];
    if (!slot) {
      slot = select_all(clause.selector, g_, m_, b, accountable, with_paths_);
      selected_ids_.push_back(clause.selector_id);
    }
    return *slot;
  }

  // Evaluates the rule's `when`, recording it in `when` when explaining;
  // otherwise once per breach for `when`s written alike.
  bool holds_when(const model::Rule& rule, Env& env, Explanation& when) {
    bool value = false;
    if (tracing_ || rule.when_id < 0 || rule.when_id >= static_cast<int>(whens_.size())) {
      value = when_value(rule, env, when);
    } else {
      int8_t& known = whens_[rule.when_id];
      if (known < 0) known = eval(*rule.when, env).boolean ? 1 : 0;
      value = known == 1;
    }
    if (result_.coverage) ++result_.coverage->when[&rule - m_.rules.data()][value];
    return value;
  }

  bool when_value(const model::Rule& rule, Env& env, Explanation& when) {
    if (!tracing_) return eval(*rule.when, env).boolean;
    Trace trace;
    env.trace = &trace;
    trace.begin_condition();
    bool value = eval(*rule.when, env).boolean;
    trace.end_condition("when", expression_text(m_, *rule.when), value);
    env.trace = nullptr;
    when = trace.take();
    return value;
  }

  bool wants_why_not(int person) const {
    return std::find(why_not_.begin(), why_not_.end(), person) != why_not_.end();
  }

  WhyNot& why_not(int person, int breach, int rule, int clause, WhyNot::Reason reason) {
    WhyNot& w = result_.why_not.emplace_back();
    w.person = person;
    w.breach = breach;
    w.rule = rule;
    w.clause = clause;
    w.reason = reason;
    return w;
  }

  // --why-not: a clause whose selector did not reach `person`.
  void missed(const Judged& j, int person, const std::vector<Selected>& chosen, WouldReach& would) {
    auto it = std::lower_bound(chosen.begin(), chosen.end(), person,
                               [](const Selected& s, int p) { return s.person < p; });
    if (it != chosen.end() && it->person == person) return;  // judged: recorded there
    WhyNot& w = why_not(person, j.breach, j.rule, j.clause, WhyNot::Reason::NotReached);
    w.explanation = *j.when;
    constexpr size_t kShown = 5;
    w.reached.assign(chosen.begin(), chosen.begin() + std::min(chosen.size(), kShown));
    w.reached_count = chosen.size();
    if (auto found = would.find(m_, person)) {
      w.would_reach = found->first;
      w.would_path = found->second;
    }
  }

  // What a person-scope expression sees: the judged person's facts and income.
  Env person_env(const model::ScenarioBreach& b, int person) {
    Env env{m_, org_, sc_, b, person};
    env.step_count = &steps_;
    env.max_steps = opts_.max_steps;
    env.graph = &g_;
    env.record = &record_;
    env.coverage = result_.coverage.get();
    auto pf =
        std::lower_bound(b.persons.begin(), b.persons.end(), person,
                         [](const model::PersonFactValues& v, int p) { return v.person < p; });
    if (pf != b.persons.end() && pf->person == person) env.person_facts = &*pf;
    return env;
  }

  // The regime's fine_cap: each person's fines for breach `bi` cut to it.
  void apply_caps(int bi) {
    if (!m_.fine_cap) return;
    const model::ScenarioBreach& b = sc_.breaches[bi];
    for (const auto& [p, fined] : fined_now_) {
      Env env = person_env(b, p);
      bool target = !why_not_.empty() && wants_why_not(p);
      Trace trace;
      trace.record_steps(true);
      env.trace = opts_.explain || target ? &trace : nullptr;
      Value v = eval(*m_.fine_cap, env);
      Decimal cap = checked(round_half_even(v.number, 2), *m_.fine_cap, "rounding the fine cap");
      if (!(cap < fined)) continue;
      CapRecord rec{bi, fined, cap, checked(subtract(fined, cap), *m_.fine_cap, "the fine cap"),
                    trace.take()};
      if (target) why_not(p, bi, -1, -1, WhyNot::Reason::Capped).cap = rec;
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

  void judge(const Judged& j, const Selected& s) {
    bool target = !why_not_.empty() && wants_why_not(s.person);
    if (opts_.explain || target) {
      Trace trace(*j.when);
      judge(j, s, &trace, target);
    } else {
      judge(j, s, nullptr, false);
    }
  }

  // `trace` records the explanation (--explain, or the person --why-not
  // asks about: a `target`); null otherwise.
  void judge(const Judged& j, const Selected& s, Trace* trace, bool target) {
    const model::Rule& rule = m_.rules[j.rule];
    const model::Clause& clause = rule.clauses[j.clause];
    Env env = person_env(sc_.breaches[j.breach], s.person);
    std::vector<std::optional<Value>> lets(rule.lets.size());
    env.lets = &rule.lets;
    env.let_values = &lets;
    env.trace = trace;
    count_step(env, clause.loc);
    if (clause.where && !holds_where(j, clause, env)) {
      if (target) {
        why_not(s.person, j.breach, j.rule, j.clause, WhyNot::Reason::WhereFalse).explanation =
            trace->take();
      }
      return;
    }
    PersonResult& person = result_for(s.person);
    Decimal amount;
    bool imposed = true;
    if (clause.sanction == model::SanctionKind::Fine) {
      amount = fine_amount(clause, env, s.person);
      imposed = !amount.is_zero();
      if (imposed) add_fine(person, s.person, amount, *clause.amount);
    } else {
      auto& s = person.sanctions;
      s.censure = s.censure || clause.sanction == model::SanctionKind::Censure;
      s.disqualification =
          s.disqualification || clause.sanction == model::SanctionKind::Disqualification;
      s.criminal = s.criminal || clause.sanction == model::SanctionKind::Criminal;
    }
    if (target) {
      auto reason = imposed ? WhyNot::Reason::Sanctioned : WhyNot::Reason::ZeroFine;
      WhyNot& w = why_not(s.person, j.breach, j.rule, j.clause, reason);
      w.kind = clause.sanction;
      w.amount = amount;
      w.explanation = trace->explanation();
    }
    if (imposed && m_.reads_prior_sanctions) sanctioned_now_.insert(s.person);
    if (imposed && result_.coverage) {
      ++result_.coverage->rule_sanctions[j.rule];
      ++result_.coverage->clause_sanctions[j.rule][j.clause];
    }
    if (!with_records_) return;  // plain eval: the sanctions above are all it reports
    SanctionRecord rec;
    rec.rule = j.rule;
    rec.clause = j.clause;
    rec.breach = j.breach;
    rec.kind = clause.sanction;
    rec.path = s.path;  // none unless with_paths_
    rec.amount = amount;
    rec.imposed = imposed;
    if (opts_.explain) rec.set_explanation(trace->take());
    if (person.records.empty()) person.records.reserve(4);
    person.records.push_back(std::move(rec));
  }

  bool holds_where(const Judged& j, const model::Clause& clause, Env& env) {
    bool value = false;
    if (!env.trace) {
      value = eval(*clause.where, env).boolean;
    } else {
      env.trace->begin_condition();
      value = eval(*clause.where, env).boolean;
      env.trace->end_condition("where", expression_text(m_, *clause.where), value);
    }
    if (result_.coverage) ++result_.coverage->where[j.rule][j.clause][value];
    return value;
  }

  // The fine a clause computes for the judged person, rounded to cents.
  Decimal fine_amount(const model::Clause& clause, Env& env, int who) {
    if (env.trace) env.trace->record_steps(true);
    Value amount = eval(*clause.amount, env);
    Decimal rounded = checked(round_half_even(amount.number, 2), *clause.amount, "rounding");
    if (rounded.is_negative()) {
      throw Failure{clause.amount->loc,
                    fmt::format("the fine for '{}' computes to {}, which is negative",
                                org_.persons[who].id, rounded.to_grouped_string(2))};
    }
    if (env.trace) {
      if (env.trace->explanation().arithmetic.empty()) {
        env.trace->step(Step{"value",
                             {{expr_eval::operand_name(*clause.amount, env), Shown{amount, false}}},
                             Shown{amount, false}});
      }
      if (rounded != amount.number) {
        Value r = amount;
        r.number = rounded;
        env.trace->step(Step{"round_half_even", {{"", Shown{amount, false}}}, Shown{r, false}});
      }
      env.trace->record_steps(false);
    }
    return rounded;
  }

  // An imposed fine into the person's total (sum or max, by the regime).
  void add_fine(PersonResult& person, int who, Decimal amount, const model::Expr& at) {
    if (m_.fine_cap) fined_now_[who] = add(fined_now_[who], amount).value_or(fined_now_[who]);
    auto& total = person.sanctions.fine;
    if (!total) {
      total = amount;
    } else if (m_.fines_max) {
      total = std::max(*total, amount);
    } else {
      total = checked(add(*total, amount), at, "the fine total");
    }
  }

  // The person's result, found through the thread's slots (see
  // PersonSlots): one lookup whether a scenario touches five people or a
  // board of 100,000.
  PersonResult& result_for(int person) {
    auto& persons = result_.persons;
    int32_t& slot = slots_.at(person);
    if (slot >= 0) return persons[slot];
    if (persons.empty()) persons.reserve(8);  // grown once, not 1, 2, 4, 8
    slot = static_cast<int32_t>(persons.size());
    persons.emplace_back().person = person;
    return persons.back();
  }

  // Every slot result_for took, given back (also when a run throws).
  void release_slots() {
    for (const auto& p : result_.persons) slots_.at(p.person) = -1;
  }

  // The results in person order. A few (the usual scenario touches under
  // ten people) are sorted in place; more are each moved once into a new
  // list (a PersonResult is large: sorting many in place would move each
  // many times).
  void sort_persons() {
    auto& persons = result_.persons;
    auto by_person = [](const PersonResult& a, const PersonResult& b) {
      return a.person < b.person;
    };
    if (std::is_sorted(persons.begin(), persons.end(), by_person)) return;
    if (static_cast<std::ptrdiff_t>(persons.size()) <= kShortSort) {
      return stable_sort_small(persons.begin(), persons.end(), by_person);
    }
    std::vector<std::pair<int, uint32_t>> order(persons.size());
    for (size_t i = 0; i < persons.size(); ++i) order[i] = {persons[i].person, i};
    std::sort(order.begin(), order.end());
    std::vector<PersonResult> sorted;
    sorted.reserve(persons.size());
    for (const auto& [person, at] : order) sorted.push_back(std::move(persons[at]));
    persons = std::move(sorted);
  }

  const model::Model& m_;
  const OrgGraph& g_;
  const model::Scenario& sc_;
  const model::Org& org_;
  EvalOptions opts_;
  ScenarioResult result_;
  PersonSlots& slots_ = PersonSlots::of_thread(org_.persons.size());
  // Person -> dates of the breaches that sanctioned them (for prior_sanctions).
  std::unordered_map<int, std::vector<Date>> record_;
  std::set<int> sanctioned_now_;      // by the breach being evaluated
  std::map<int, Decimal> fined_now_;  // person -> imposed fines for the breach being evaluated
  bool capped_ = false;
  int64_t steps_ = 0;
  std::vector<int> why_not_;  // persons to explain absences for
  RunScratch& scratch_ = RunScratch::of_thread();
  std::vector<std::optional<std::vector<Selected>>>& selections_ = scratch_.selections;
  std::vector<int>& selected_ids_ = scratch_.selected_ids;
  std::vector<Selected> unshared_;
  std::vector<int8_t>& whens_ = scratch_.whens;
  bool tracing_ = false;      // --explain or --why-not: conditions are recorded
  Explanation when_;          // the `when` of the rule being applied, when tracing
  bool with_paths_ = true;    // selections carry their paths (explanations, graphs)
  bool with_records_ = true;  // sanction records kept (EvalOptions::records)
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
