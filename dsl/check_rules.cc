// The rule pass: `on`, `when` and each `then` clause with its sanction,
// selector and `where`.
#include <fmt/format.h>

#include <set>

#include "dsl/check_context.h"
#include "dsl/check_expressions.h"

namespace smr::check {

using namespace model;

namespace {

std::optional<Selector> selector(Context& c, const ast::SelectorTerm& t);

bool managers_argument(Context& c, const ast::Word& arg, Selector& s) {
  auto n = Decimal::parse(arg.text);
  bool digits = !arg.text.empty() && arg.text[0] >= '0' && arg.text[0] <= '9';
  if (!digits || !n || n->raw() < Decimal::kScale ||
      n->raw() > int64_t{1'000'000} * Decimal::kScale) {
    c.diags.error(arg.loc, "managers(N) needs a whole number of levels from 1 to 1,000,000");
    return false;
  }
  s.levels = static_cast<int>(n->raw() / Decimal::kScale);
  return true;
}

// The terms of `managers of S` or of a group `( S, ... )`; false if one is wrong.
bool sub_terms(Context& c, const std::vector<ast::SelectorTerm>& terms, Selector& s) {
  bool ok = true;
  for (const auto& inner : terms) {
    if (auto sub = selector(c, inner)) {
      s.of.push_back(std::move(*sub));
    } else {
      ok = false;
    }
  }
  return ok;
}

std::optional<Selector> selector(Context& c, const ast::SelectorTerm& t) {
  using W = ast::SelectorWord;
  static const Selector::Kind kKinds[] = {Selector::Kind::Accountable, Selector::Kind::Delegates,
                                          Selector::Kind::Managers,    Selector::Kind::Holders,
                                          Selector::Kind::Board,       Selector::Kind::Involved,
                                          Selector::Kind::Group};
  Selector s;
  s.loc = t.loc;
  s.kind = kKinds[static_cast<int>(t.kind.value)];
  const char* word = ast::keyword_text(t.kind.value);
  bool ok = true;
  if (t.kind.value == W::Group)
    return sub_terms(c, t.of, s) ? std::optional<Selector>(std::move(s)) : std::nullopt;
  if (t.kind.value == W::Managers) {
    if (t.argument) ok = managers_argument(c, *t.argument, s);
    ok = sub_terms(c, t.of, s) && ok;
  } else if (t.kind.value == W::Holders) {
    if (!t.argument) {
      s.kind = Selector::Kind::AllHolders;  // every holder of any function
    } else {
      s.function = c.symbols.functions.resolve(*t.argument, c.diags);
      ok = s.function >= 0;
    }
  } else if (t.argument) {
    c.diags.error(t.argument->loc, fmt::format("'{}' takes no argument", word));
    ok = false;
  }
  if (t.kind.value != W::Managers && !t.of.empty()) {
    c.diags.error(t.of[0].loc, fmt::format("'of' applies to managers, not to '{}'", word));
    ok = false;
  }
  return ok ? std::optional<Selector>(std::move(s)) : std::nullopt;
}

Clause then_clause(Context& c, ExpressionChecker& exprs, const ast::ThenClause& t) {
  static const SanctionKind kKinds[] = {SanctionKind::Censure, SanctionKind::Fine,
                                        SanctionKind::Disqualification, SanctionKind::Criminal};
  Clause clause;
  clause.loc = t.sanction.loc;
  clause.sanction = kKinds[static_cast<int>(t.sanction.kind.value)];
  if (clause.sanction == SanctionKind::Fine) {
    if (!t.sanction.amount) {
      c.diags.error(t.sanction.kind.loc, "'fine' needs an amount: then fine EXPR to SELECTOR;");
    } else {
      clause.amount = exprs.typed(*t.sanction.amount, Scope::Person, Type::Money, "a fine amount");
    }
  } else if (t.sanction.amount) {
    c.diags.error(t.sanction.amount->loc,
                  fmt::format("'{}' takes no amount", ast::keyword_text(t.sanction.kind.value)));
  }
  for (const auto& term : t.selector) {
    if (auto s = selector(c, term)) clause.selector.push_back(std::move(*s));
  }
  if (t.where)
    clause.where = exprs.typed(*t.where, Scope::Person, Type::Bool, "a 'where' condition");
  return clause;
}

void on_clause(Context& c, Rule& rule, const ast::OnClause& on) {
  rule.applies_to.assign(c.model.breach_types.size(), false);
  for (const auto& t : on.breach_types) {
    int bt = c.symbols.breach_types.resolve(t, c.diags);
    if (bt >= 0) rule.applies_to[bt] = true;
  }
}

// True when `e` reads anything of the judged person (directly or by a
// person-scope let).
bool reads_person(const Expr& e, const std::vector<Let>& lets) {
  return any_node(e, [&lets](const Expr& x) {
    switch (x.op) {
      case Op::PersonFact:
      case Op::Income:
      case Op::DaysInPost:
      case Op::PriorSanctions:
        return true;
      case Op::Let:
        return lets[x.index].person_scope;
      default:
        return false;
    }
  });
}

void let_clause(Context& c, ExpressionChecker& exprs, Rule& rule, const ast::LetClause& l) {
  std::string_view name = l.name.text;
  if (!rule.clauses.empty()) {
    c.diags.error(l.keyword.loc, "a rule's 'let' lines come before its 'then' clauses");
  }
  bool builtin =
      name == "severity" || name == "date" || name == "relevant_income" || name == "days_in_post";
  if (builtin || c.symbols.values.count(name)) {
    c.diags.error(l.name.loc, fmt::format("let '{}' has the name of a {}; choose another name",
                                          name, builtin ? "built-in name" : "fact or table"));
    return;
  }
  for (const auto& other : rule.lets) {
    if (other.name == name) {
      c.diags.error(l.name.loc, fmt::format("rule '{}' has a second let '{}'", rule.id, name));
      c.diags.note(other.loc, "the first is here");
      return;
    }
  }
  Let let{std::string(name), exprs.untyped(l.value, Scope::Person), false, l.name.loc};
  let.person_scope = reads_person(let.value, rule.lets);
  rule.lets.push_back(std::move(let));
}

Rule check_rule(Context& c, const ast::RuleDecl& r) {
  Rule rule;
  rule.id = r.name.text;
  rule.title = r.title ? r.title->text : "";
  rule.loc = r.name.loc;
  rule.applies_to.assign(c.model.breach_types.size(), true);
  ExpressionChecker exprs(c.model, c.symbols, c.diags);
  exprs.use_lets(&rule.lets);
  bool seen_on = false, seen_when = false;
  for (const auto& item : r.items) {
    if (const auto* on = boost::get<ast::OnClause>(&item)) {
      if (seen_on)
        c.diags.error(on->keyword.loc, fmt::format("rule '{}' has a second 'on' clause", rule.id));
      seen_on = true;
      on_clause(c, rule, *on);
    } else if (const auto* w = boost::get<ast::WhenClause>(&item)) {
      if (seen_when)
        c.diags.error(w->keyword.loc, fmt::format("rule '{}' has a second 'when' clause", rule.id));
      seen_when = true;
      rule.when = exprs.typed(w->condition, Scope::Breach, Type::Bool, "a 'when' condition");
    } else if (const auto* t = boost::get<ast::ThenClause>(&item)) {
      rule.clauses.push_back(then_clause(c, exprs, *t));
    } else if (const auto* l = boost::get<ast::LetClause>(&item)) {
      let_clause(c, exprs, rule, *l);
    } else if (const auto* cite = boost::get<ast::CiteClause>(&item)) {
      if (!rule.clauses.empty()) {
        c.diags.error(cite->keyword.loc, "a rule's 'cite' lines come before its 'then' clauses");
      }
      rule.citations.emplace_back(cite->text.text);
    }
  }
  if (rule.clauses.empty() && !has_broken_item(r.items)) {
    c.diags.warning(
        r.name.loc,
        fmt::format("rule '{}' has no 'then' clause and can never sanction anyone", rule.id));
  }
  return rule;
}

}  // namespace

namespace {

bool reads_op(const Expr& e, Op op) {
  return any_node(e, [op](const Expr& x) { return x.op == op; });
}

// Whether any rule (or the fine cap) reads prior_sanctions.
bool reads_prior_sanctions(const Model& m) {
  auto reads = [](const std::optional<Expr>& e) { return e && reads_op(*e, Op::PriorSanctions); };
  if (reads(m.fine_cap)) return true;
  for (const Rule& r : m.rules) {
    if (reads(r.when)) return true;
    for (const auto& l : r.lets) {
      if (reads_op(l.value, Op::PriorSanctions)) return true;
    }
    for (const auto& c : r.clauses) {
      if (reads(c.amount) || reads(c.where)) return true;
    }
  }
  return false;
}

// The regime's `fine_cap`: money, and may read the judged person.
void check_fine_cap(Context& c) {
  if (c.decls.regimes.empty()) return;
  for (const auto& item : c.decls.regimes[0]->items) {
    const auto* cap = boost::get<ast::FineCap>(&item);
    if (!cap) continue;
    if (c.model.fine_cap) {
      c.diags.error(cap->keyword.loc, "regime setting 'fine_cap' is given twice");
      continue;
    }
    ExpressionChecker exprs(c.model, c.symbols, c.diags);
    c.model.fine_cap = exprs.typed(cap->value, Scope::Person, Type::Money, "a fine cap");
  }
}

}  // namespace

void check_rules(Context& c) {
  check_fine_cap(c);
  for (const auto* r : c.decls.rules) {
    if (!c.symbols.rules.declare(r->name.text, r->name.loc, c.model.rules.size(), c.diags))
      continue;
    c.model.rules.push_back(check_rule(c, *r));
  }
  c.symbols.needed_facts = check::needed_facts(c.model);
  c.model.reads_prior_sanctions = reads_prior_sanctions(c.model);
  c.model.index_rules();
}

}  // namespace smr::check
