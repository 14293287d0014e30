#include "engine/expression_eval.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/evaluator.h"
#include "engine/model_text.h"

namespace smr::expr_eval {

using model::Expr;
using model::Op;
using model::Type;
using model::Value;

[[noreturn]] void too_many_steps(const Env& env, SourceLoc loc) {
  throw Failure{loc, fmt::format("evaluation took more than {} steps; stopped", env.max_steps)};
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

// The value of an operand, a literal read in place (most operands are
// literals: `severity >= 3`, `* 10%`, `100 GBP`); counted as a step as eval
// counts every node.
inline Value operand(const Expr& e, const Env& env) {
  if (e.op == Op::Const) {
    count_step(env, e.loc);
    return e.constant;
  }
  return eval(e, env);
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

std::string operand_name(const Expr& e, const Env& env) {
  switch (e.op) {
    case Op::Fact:
    case Op::PersonFact:
    case Op::Let:
      return e.name;
    case Op::Severity:
      return "severity";
    case Op::Income:
      return "relevant_income";
    case Op::BreachDate:
      return "date";
    case Op::DaysInPost:
      return "days_in_post";
    case Op::PriorBreaches:
    case Op::PriorSanctions:
      return expression_text(env.m, e);
    case Op::Lookup:
      return env.trace->operand_name(&e);
    default:
      return "";
  }
}

// Records `v`, a value the breach or the engine supplies, as an input.
void record_input(const Expr& e, const Env& env, const Value& v) {
  InputSource source = InputSource::Given;
  if (e.op == Op::Income) {
    bool given = env.person_facts && env.person_facts->relevant_income;
    source = given ? InputSource::Given : InputSource::Org;
  } else if (e.op != Op::Severity && e.op != Op::BreachDate) {
    source = InputSource::Derived;
  }
  env.trace->read(operand_name(e, env), v, false, source);
}

// A value the breach or the engine supplies (severity, relevant_income,
// prior_breaches(...)), recorded as an input when explaining.
inline Value traced(const Expr& e, const Env& env, Value v) {
  if (env.trace) record_input(e, env, v);
  return v;
}

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
  // Most calls take two arguments: those need no allocation.
  constexpr size_t kInline = 4;
  size_t n = e.args.size();
  Value inline_args[kInline];
  std::vector<Value> more(n > kInline ? n : 0);
  Value* args = n > kInline ? more.data() : inline_args;
  for (size_t i = 0; i < n; ++i) args[i] = operand(e.args[i], env);
  Value out;
  out.type = e.type;
  out.percent = e.percent;
  if (e.op == Op::Min || e.op == Op::Max) {
    out = args[0];
    for (size_t i = 1; i < n; ++i) {
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
  if (env.trace) {
    Step step{e.name, {}, Shown{out, e.percent}};
    for (size_t i = 0; i < n; ++i) {
      step.operands.push_back({operand_name(e.args[i], env), Shown{args[i], e.args[i].percent}});
    }
    env.trace->step(std::move(step));
  }
  return out;
}

// `a op b op c ...`, folded from the left: the checker gathers a chain of
// one operator into one node, so long chains need no deep recursion.
Value eval_arith(const Expr& e, const Env& env) {
  Value a = operand(e.args[0], env);
  bool a_percent = e.args[0].percent;
  for (size_t i = 1; i < e.args.size(); ++i) {
    Value b = operand(e.args[i], env);
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
    if (env.trace) {
      std::string a_name = i == 1 ? operand_name(e.args[0], env) : "";
      env.trace->step(Step{symbol(e.op),
                           {{a_name, Shown{a, a_percent}},
                            {operand_name(e.args[i], env), Shown{b, e.args[i].percent}}},
                           Shown{out, e.percent}});
    }
    a = out;
    a_percent = e.percent;
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
  const Value* v = env.m.breach_fact(env.breach, e.index);
  if (!v) {
    throw Failure{e.loc, fmt::format("fact '{}' has no value in {} and no default", e.name,
                                     breach_label(env.m, env.breach))};
  }
  if (env.trace) {
    bool given = env.breach.gives(e.index);
    env.trace->read(e.name, *v, e.percent, given ? InputSource::Given : InputSource::Default);
  }
  return *v;
}

Value person_fact_value(const Expr& e, const Env& env) {
  if (env.person_facts && env.person_facts->values[e.index]) {
    const Value& v = *env.person_facts->values[e.index];
    if (env.trace) env.trace->read(e.name, v, e.percent, InputSource::Given);
    return v;
  }
  const auto& def = env.m.person_facts[e.index];
  if (def.default_value) {
    if (env.trace) env.trace->read(e.name, *def.default_value, e.percent, InputSource::Default);
    return *def.default_value;
  }
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
  if (env.coverage) {
    size_t version = static_cast<size_t>(&v - t.versions.data());
    if (it != v.entries.end()) {
      ++env.coverage->table_rows[e.index][version][k];
    } else {
      ++env.coverage->table_defaults[e.index][version];
    }
  }
  if (env.trace) {
    std::string name = fmt::format("{}[{}]", t.name, k);
    env.trace->read(name, *found, t.percent,
                    it != v.entries.end() ? InputSource::Table : InputSource::TableDefault);
    env.trace->name_operand(&e, std::move(name));
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
  if (memo) {
    if (env.trace) env.trace->read(e.name, *memo, e.percent, InputSource::Let);
    return *memo;
  }
  const model::Let& let = (*env.lets)[e.index];
  Value v = eval(let.value, env);
  if (env.trace) env.trace->let(let.name, v, let.value.percent);
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
      // 1 to 5, as checked.
      return traced(
          e, env,
          number(Type::Int, Decimal::from_int32(static_cast<int32_t>(env.breach.severity))));
    case Op::BreachDate: {
      Value v;
      v.type = Type::Date;
      v.date = env.breach.date;
      return traced(e, env, v);
    }
    case Op::Income:
      return traced(e, env, number(Type::Money, env.income()));
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
      return boolean(compare(operand(e.args[0], env), operand(e.args[1], env)) == 0);
    case Op::Ne:
      return boolean(compare(operand(e.args[0], env), operand(e.args[1], env)) != 0);
    case Op::Lt:
      return boolean(compare(operand(e.args[0], env), operand(e.args[1], env)) < 0);
    case Op::Le:
      return boolean(compare(operand(e.args[0], env), operand(e.args[1], env)) <= 0);
    case Op::Gt:
      return boolean(compare(operand(e.args[0], env), operand(e.args[1], env)) > 0);
    case Op::Ge:
      return boolean(compare(operand(e.args[0], env), operand(e.args[1], env)) >= 0);
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
      return traced(e, env, number(Type::Int, Decimal::from_int32(prior_breaches(e, env))));
    case Op::PriorSanctions:
      return traced(e, env, number(Type::Int, Decimal::from_int32(prior_sanctions(e, env))));
    case Op::Let:
      return let_value(e, env);
    case Op::DaysInPost:
      return traced(e, env, days_in_post(e, env));
  }
  throw Failure{e.loc, "internal error: unknown operation"};
}

}  // namespace smr::expr_eval
