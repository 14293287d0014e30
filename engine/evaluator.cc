#include "engine/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

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

using model::Expr;
using model::Op;
using model::Type;
using model::Value;

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
  Decimal income;
  std::vector<std::string>* steps = nullptr;  // explanation, when asked for
  const OrgGraph* graph = nullptr;
  // A scenario may take at most `max_steps` steps (expression nodes and
  // people judged): a runaway model ends in a diagnostic, not a hang.
  int64_t* step_count = nullptr;
  int64_t max_steps = 0;
  // The rule's lets, each worked out once for this environment.
  const std::vector<model::Let>* lets = nullptr;
  std::vector<std::optional<Value>>* let_values = nullptr;
  // Per person: the dates of earlier breaches that sanctioned them.
  const std::unordered_map<int, std::vector<Date>>* record = nullptr;
};

void count_step(const Env& env, SourceLoc loc) {
  if (env.step_count && ++*env.step_count > env.max_steps) {
    throw Failure{loc, fmt::format("evaluation took more than {} steps; stopped", env.max_steps)};
  }
}

std::string breach_label(const model::Model& m, const model::ScenarioBreach& b) {
  return fmt::format("breach '{}' on {}", m.breach_types[b.type].id, b.date.to_string());
}

Value number(Type t, Decimal d) {
  Value v;
  v.type = t;
  v.number = d;
  return v;
}

Value boolean(bool b) {
  Value v;
  v.type = Type::Bool;
  v.boolean = b;
  return v;
}

Decimal checked(std::optional<Decimal> r, const Expr& e, const char* what) {
  if (!r)
    throw Failure{e.loc,
                  fmt::format("arithmetic overflow in {} (values beyond about 9.2 × 10^12)", what)};
  return *r;
}

int compare(const Value& a, const Value& b) {
  if (a.type == Type::Date) return a.date < b.date ? -1 : (b.date < a.date ? 1 : 0);
  if (a.type == Type::Bool) return static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
  return a.number < b.number ? -1 : (b.number < a.number ? 1 : 0);
}

const char* symbol(Op op) {
  switch (op) {
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "×";
    case Op::Div:
      return "÷";
    default:
      return "?";
  }
}

Value eval(const Expr& e, const Env& env);

int prior_breaches(const Expr& e, const Env& env) {
  const model::Value& d = e.args[0].constant;
  Date start = d.duration.before(env.breach.date);
  int area = env.m.breach_types[env.breach.type].area;
  int n = 0;
  for (const auto& other : env.sc.breaches) {
    if (env.m.breach_types[other.type].area != area) continue;
    if (other.date >= start && other.date < env.breach.date) ++n;
  }
  return n;
}

Value eval_call(const Expr& e, const Env& env) {
  std::vector<Value> args;
  for (const auto& a : e.args) args.push_back(eval(a, env));
  Value out;
  out.type = e.type;
  out.percent = e.percent;
  if (e.op == Op::Min || e.op == Op::Max) {
    out = args[0];
    for (size_t i = 1; i < args.size(); ++i) {
      int c = compare(args[i], out);
      if ((e.op == Op::Min && c < 0) || (e.op == Op::Max && c > 0)) out = args[i];
    }
    out.type = e.type;
  } else {
    if (!args[1].number.is_negative() && args[1].number.is_zero()) {
      throw Failure{e.loc, fmt::format("{} needs a step greater than zero", e.name)};
    }
    if (args[1].number.is_negative()) {
      throw Failure{e.loc, fmt::format("{} needs a step greater than zero, not {}", e.name,
                                       format_value(args[1], args[1].percent))};
    }
    auto r = e.op == Op::RoundDown ? round_down_to(args[0].number, args[1].number)
                                   : round_up_to(args[0].number, args[1].number);
    out.number = checked(r, e, e.name.c_str());
  }
  if (env.steps) {
    std::string list;
    for (size_t i = 0; i < args.size(); ++i) {
      list += (i ? ", " : "") + format_value(args[i], e.args[i].percent);
    }
    env.steps->push_back(fmt::format("{}({}) = {}", e.name, list, format_value(out, e.percent)));
  }
  return out;
}

// `a op b op c ...`, folded from the left: the checker gathers a chain of
// one operator into one node, so long chains need no deep recursion.
Value eval_arith(const Expr& e, const Env& env) {
  Value a = eval(e.args[0], env);
  bool a_percent = e.args[0].percent;
  for (size_t i = 1; i < e.args.size(); ++i) {
    Value b = eval(e.args[i], env);
    Decimal r;
    switch (e.op) {
      case Op::Add:
        r = checked(add(a.number, b.number), e, "an addition");
        break;
      case Op::Sub:
        r = checked(subtract(a.number, b.number), e, "a subtraction");
        break;
      case Op::Mul:
        r = checked(multiply(a.number, b.number), e, "a multiplication");
        break;
      default:
        if (b.number.is_zero()) throw Failure{e.loc, "division by zero"};
        r = checked(divide(a.number, b.number), e, "a division");
        break;
    }
    Value out = number(e.type, r);
    if (env.steps) {
      env.steps->push_back(fmt::format("{} {} {} = {}", format_value(a, a_percent), symbol(e.op),
                                       format_value(b, e.args[i].percent),
                                       format_value(out, false)));
    }
    a = out;
    a_percent = false;
  }
  return a;
}

// `and` / `or` over any number of terms, stopping at the first that decides.
Value eval_logic(const Expr& e, const Env& env) {
  bool stop_on = e.op == Op::Or;
  for (const auto& term : e.args) {
    if (eval(term, env).boolean == stop_on) return boolean(stop_on);
  }
  return boolean(!stop_on);
}

Value fact_value(const Expr& e, const Env& env) {
  const auto& v = env.breach.facts[e.index];
  if (!v) {
    throw Failure{e.loc, fmt::format("fact '{}' has no value in {} and no default", e.name,
                                     breach_label(env.m, env.breach))};
  }
  return *v;
}

Value person_fact_value(const Expr& e, const Env& env) {
  if (env.person_facts && env.person_facts->values[e.index])
    return *env.person_facts->values[e.index];
  const auto& def = env.m.person_facts[e.index];
  if (def.default_value) return *def.default_value;
  throw Failure{e.loc,
                fmt::format("person fact '{}' has no value for '{}' in {} and no default", e.name,
                            env.org.persons[env.person].id, breach_label(env.m, env.breach))};
}

Value lookup(const Expr& e, const Env& env) {
  Value key = eval(e.args[0], env);
  const model::Table& t = env.m.tables[e.index];
  const model::TableVersion& v = t.at(env.breach.date);
  int64_t k = key.number.raw() / Decimal::kScale;
  auto it = v.entries.find(k);
  const Value* found = it != v.entries.end() ? &it->second
                       : v.default_value     ? &*v.default_value
                                             : nullptr;
  if (!found || !key.number.is_integer()) {
    std::string when = v.from == Date::min() ? "" : " (its block from " + v.from.to_string() + ")";
    throw Failure{e.loc, fmt::format("table '{}'{} has no entry for key {} and no default", t.name,
                                     when, key.number.to_string())};
  }
  if (env.steps) {
    env.steps->push_back(fmt::format("{}[{}] = {}", t.name, k, format_value(*found, t.percent)));
  }
  return *found;
}

// How many earlier breaches of the scenario, dated in [date - D, date),
// gave the judged person an imposed sanction.
int prior_sanctions(const Expr& e, const Env& env) {
  if (!env.record) return 0;
  auto it = env.record->find(env.person);
  if (it == env.record->end()) return 0;
  Date start = e.args[0].constant.duration.before(env.breach.date);
  return static_cast<int>(std::count_if(it->second.begin(), it->second.end(),
                                        [&](Date d) { return d >= start && d < env.breach.date; }));
}

Value let_value(const Expr& e, const Env& env) {
  auto& memo = (*env.let_values)[e.index];
  if (memo) return *memo;
  const model::Let& let = (*env.lets)[e.index];
  Value v = eval(let.value, env);
  if (env.steps)
    env.steps->push_back(fmt::format("{} = {}", let.name, format_value(v, let.value.percent)));
  memo = v;
  return v;
}

Value days_in_post(const Expr& e, const Env& env) {
  // No function on the day: 0; held since an open start: 100,000 days.
  auto since = env.graph->in_post_since(env.person, env.breach.date);
  int64_t days = !since                  ? 0
                 : *since == Date::min() ? 100'000
                                         : env.breach.date.days() - since->days();
  return number(Type::Int, *Decimal::from_int(days));
}

Value eval(const Expr& e, const Env& env) {
  count_step(env, e.loc);
  switch (e.op) {
    case Op::Const:
      return e.constant;
    case Op::Severity:
      return number(Type::Int, *Decimal::from_int(env.breach.severity));
    case Op::BreachDate: {
      Value v;
      v.type = Type::Date;
      v.date = env.breach.date;
      return v;
    }
    case Op::Income:
      return number(Type::Money, env.income);
    case Op::Fact:
      return fact_value(e, env);
    case Op::PersonFact:
      return person_fact_value(e, env);
    case Op::Lookup:
      return lookup(e, env);
    case Op::Neg: {
      Value v = eval(e.args[0], env);
      v.number = checked(negate(v.number), e, "a negation");
      return v;
    }
    case Op::Not:
      return boolean(!eval(e.args[0], env).boolean);
    case Op::And:
    case Op::Or:
      return eval_logic(e, env);
    case Op::Eq:
      return boolean(compare(eval(e.args[0], env), eval(e.args[1], env)) == 0);
    case Op::Ne:
      return boolean(compare(eval(e.args[0], env), eval(e.args[1], env)) != 0);
    case Op::Lt:
      return boolean(compare(eval(e.args[0], env), eval(e.args[1], env)) < 0);
    case Op::Le:
      return boolean(compare(eval(e.args[0], env), eval(e.args[1], env)) <= 0);
    case Op::Gt:
      return boolean(compare(eval(e.args[0], env), eval(e.args[1], env)) > 0);
    case Op::Ge:
      return boolean(compare(eval(e.args[0], env), eval(e.args[1], env)) >= 0);
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return eval_arith(e, env);
    case Op::If: {
      Value v = eval(e.args[0], env).boolean ? eval(e.args[1], env) : eval(e.args[2], env);
      v.type = e.type;
      return v;
    }
    case Op::Min:
    case Op::Max:
    case Op::RoundDown:
    case Op::RoundUp:
      return eval_call(e, env);
    case Op::PriorBreaches:
      return number(Type::Int, *Decimal::from_int(prior_breaches(e, env)));
    case Op::PriorSanctions:
      return number(Type::Int, *Decimal::from_int(prior_sanctions(e, env)));
    case Op::Let:
      return let_value(e, env);
    case Op::DaysInPost:
      return days_in_post(e, env);
  }
  throw Failure{e.loc, "internal error: unknown operation"};
}

// Everyone a selector picks for a breach (on its date), with their paths.
std::vector<Selected> select(const model::Selector& s, const OrgGraph& g, const model::Model& m,
                             const model::ScenarioBreach& b,
                             const std::vector<Selected>& accountable) {
  using Kind = model::Selector::Kind;
  int area = m.breach_types[b.type].area;
  Date d = b.date;
  auto union_of = [&](const std::vector<model::Selector>& terms) {
    std::vector<Selected> out;
    for (const auto& t : terms) {
      auto some = select(t, g, m, b, accountable);
      out.insert(out.end(), std::make_move_iterator(some.begin()),
                 std::make_move_iterator(some.end()));
    }
    normalise(out);
    return out;
  };
  switch (s.kind) {
    case Kind::Involved: {
      std::vector<Selected> out;
      for (const auto& p : b.persons) {
        out.push_back({p.person, SelectionPath::start(SelectionPath::Root::Involved, -1, -1)});
      }
      return out;
    }
    case Kind::AllHolders: {
      std::vector<Selected> out;
      for (size_t f = 0; f < m.functions.size(); ++f) {
        auto some = g.holders(static_cast<int>(f), d, SelectionPath::Root::Function);
        out.insert(out.end(), std::make_move_iterator(some.begin()),
                   std::make_move_iterator(some.end()));
      }
      normalise(out);
      return out;
    }
    case Kind::Group:
      return union_of(s.of);
    case Kind::Accountable:
      return accountable;
    case Kind::Delegates:
      return g.delegates(accountable, area, d);
    case Kind::Holders:
      return g.holders(s.function, d, SelectionPath::Root::Function);
    case Kind::Board:
      return g.board(d);
    case Kind::Managers: {
      std::vector<Selected> start = s.of.empty() ? accountable : union_of(s.of);
      return g.managers(start, s.levels, d);
    }
  }
  return {};
}

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
        std::vector<Selected> chosen;
        for (const auto& term : clause.selector) {
          auto some = select(term, g_, m_, b, accountable);
          chosen.insert(chosen.end(), std::make_move_iterator(some.begin()),
                        std::make_move_iterator(some.end()));
        }
        normalise(chosen);
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
    if (rec.imposed) sanctioned_now_.insert(s.person);
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
