#include "dsl/check_expressions.h"

#include <fmt/format.h>

#include <algorithm>

#include "dsl/core/spelling.h"

namespace smr::check {

using model::Expr;
using model::Op;
using model::Type;
using model::type_name;

namespace {

Expr error_expr(SourceLoc loc) {
  Expr e;
  e.type = Type::Error;
  e.loc = loc;
  return e;
}

SourceLoc span(SourceLoc a, SourceLoc b) {
  if (a.file != b.file || b.offset + b.length < a.offset) return a;
  return {a.file, a.offset, b.offset + b.length - a.offset};
}

// The common type of two operands of one family, or Error.
Type unify(Type a, Type b) {
  if (model::is_number(a) && model::is_number(b))
    return a == Type::Int && b == Type::Int ? Type::Int : Type::Decimal;
  if (a == b && a != Type::Duration && a != Type::String) return a;
  return Type::Error;
}

// The depth of an expression tree, without recursion.
int depth_of(const Expr& root) {
  int deepest = 0;
  std::vector<std::pair<const Expr*, int>> todo{{&root, 1}};
  while (!todo.empty()) {
    auto [e, d] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, d);
    for (const auto& a : e->args) todo.emplace_back(&a, d + 1);
  }
  return deepest;
}

struct BinaryRule {
  Op op;
  Type result;
};

// The operator's model op and result type for operands `a` and `b`;
// result Error when the types do not combine.
BinaryRule binary_rule(ast::BinaryOp op, Type a, Type b) {
  using B = ast::BinaryOp;
  Type u = unify(a, b);
  switch (op) {
    case B::Or:
      return {Op::Or, a == Type::Bool && b == Type::Bool ? Type::Bool : Type::Error};
    case B::And:
      return {Op::And, a == Type::Bool && b == Type::Bool ? Type::Bool : Type::Error};
    case B::Eq:
      return {Op::Eq, u != Type::Error ? Type::Bool : Type::Error};
    case B::Ne:
      return {Op::Ne, u != Type::Error ? Type::Bool : Type::Error};
    case B::Lt:
    case B::Le:
    case B::Gt:
    case B::Ge: {
      Op cmp = op == B::Lt ? Op::Lt : op == B::Le ? Op::Le : op == B::Gt ? Op::Gt : Op::Ge;
      return {cmp, u != Type::Error && u != Type::Bool ? Type::Bool : Type::Error};
    }
    case B::Add:
    case B::Sub:
      return {op == B::Add ? Op::Add : Op::Sub,
              model::is_number(u) || u == Type::Money ? u : Type::Error};
    case B::Mul:
      if (model::is_number(a) && model::is_number(b)) return {Op::Mul, u};
      if ((a == Type::Money && model::is_number(b)) || (model::is_number(a) && b == Type::Money)) {
        return {Op::Mul, Type::Money};
      }
      return {Op::Mul, Type::Error};
    case B::Div:
      if (model::is_number(a) && model::is_number(b)) return {Op::Div, Type::Decimal};
      if (a == Type::Money && model::is_number(b)) return {Op::Div, Type::Money};
      if (a == Type::Money && b == Type::Money) return {Op::Div, Type::Decimal};
      return {Op::Div, Type::Error};
  }
  return {Op::Or, Type::Error};
}

bool is_chain_op(Op op) {
  return op == Op::And || op == Op::Or || op == Op::Add || op == Op::Sub || op == Op::Mul ||
         op == Op::Div;
}

}  // namespace

Expr ExpressionChecker::untyped(const ast::Expr& e, Scope scope) {
  Expr out = expr(e, scope);
  if (out.type != Type::Error && depth_of(out) > kMaxDepth) {
    diags_.error(e.loc, fmt::format("a 'let' nests more than {} operations deep", kMaxDepth));
    out.type = Type::Error;
  }
  return out;
}

Expr ExpressionChecker::typed(const ast::Expr& e, Scope scope, Type want, const char* what) {
  Expr out = expr(e, scope);
  if (out.type != Type::Error && out.type != want) {
    diags_.error(e.loc, fmt::format("{} must be of type {}, not {}", what, type_name(want),
                                    type_name(out.type)));
    out.type = Type::Error;
  }
  if (out.type != Type::Error && depth_of(out) > kMaxDepth) {
    diags_.error(e.loc,
                 fmt::format("{} nests more than {} operations deep (a long chain that mixes "
                             "operators such as + and -); write one operator per chain or "
                             "split it",
                             what, kMaxDepth));
    out.type = Type::Error;
  }
  return out;
}

Expr ExpressionChecker::expr(const ast::Expr& e, Scope scope) {
  Expr acc = operand(e.first, scope);
  for (const auto& op : e.rest) {
    Expr rhs = operand(op.operand, scope);
    SourceLoc loc = span(acc.loc, rhs.loc);
    acc = binary(op.op, std::move(acc), std::move(rhs), loc);
  }
  if (e.rest.empty() && !acc.loc.valid()) acc.loc = e.loc;
  return acc;
}

Expr ExpressionChecker::operand(const ast::Operand& o, Scope scope) {
  struct Visitor {
    ExpressionChecker* c;
    Scope s;
    Expr operator()(const ast::Literal& lit) const { return c->literal(lit); }
    Expr operator()(const ast::Name& n) const { return c->name(n, s); }
    Expr operator()(const ast::x3::forward_ast<ast::Call>& x) const { return c->call(x.get(), s); }
    Expr operator()(const ast::x3::forward_ast<ast::Index>& x) const {
      return c->index(x.get(), s);
    }
    Expr operator()(const ast::x3::forward_ast<ast::IfExpr>& x) const {
      return c->if_expr(x.get(), s);
    }
    Expr operator()(const ast::x3::forward_ast<ast::Unary>& x) const {
      return c->unary(x.get(), s);
    }
    Expr operator()(const ast::x3::forward_ast<ast::Expr>& x) const { return c->expr(x.get(), s); }
  };
  return boost::apply_visitor(Visitor{this, scope}, o);
}

Expr ExpressionChecker::literal(const ast::Literal& lit) {
  auto v = literals_.value(lit);
  if (!v) return error_expr(lit.loc);
  if (v->type == Type::String) {
    diags_.error(lit.loc, "a string is not a value in an expression");
    return error_expr(lit.loc);
  }
  Expr e;
  e.op = Op::Const;
  e.type = v->type;
  e.percent = v->percent;
  e.constant = *v;
  e.loc = lit.loc;
  return e;
}

Expr ExpressionChecker::unary(const ast::Unary& u, Scope scope) {
  Expr inner = operand(u.operand, scope);
  if (u.ops.empty()) return inner;
  // Operators of one kind cancel in pairs, so long chains stay shallow.
  bool is_not = u.ops[0] == '!';
  if (inner.type != Type::Error) {
    bool ok = is_not ? inner.type == Type::Bool
                     : (model::is_number(inner.type) || inner.type == Type::Money);
    if (!ok) {
      diags_.error(u.loc, fmt::format("'{}' cannot apply to {}", is_not ? "not" : "-",
                                      type_name(inner.type)));
      return error_expr(u.loc);
    }
  }
  if (u.ops.size() % 2 == 0) return inner;
  Expr e;
  e.op = is_not ? Op::Not : Op::Neg;
  e.type = inner.type;
  e.loc = u.loc;
  e.args.push_back(std::move(inner));
  return e;
}

void ExpressionChecker::unknown_name(const ast::Name& n, Scope scope) {
  Spelling hint(n.text);
  for (const char* builtin : {"severity", "date"}) hint.consider(builtin);
  if (scope == Scope::Person) {
    hint.consider("relevant_income");
    hint.consider("days_in_post");
  }
  for (const auto& [name, sym] : symbols_.values) hint.consider(name);
  diags_.error(n.loc, smr::unknown_name("name", n.text, hint.best()));
}

Expr ExpressionChecker::name(const ast::Name& n, Scope scope) {
  Expr e;
  e.loc = n.loc;
  e.name = n.text;
  if (n.text == "severity" || n.text == "date") {
    e.op = n.text == "date" ? Op::BreachDate : Op::Severity;
    e.type = n.text == "date" ? Type::Date : Type::Int;
    return e;
  }
  if (auto let = let_name(n, scope)) return *let;
  auto it = symbols_.values.find(n.text);
  // days_in_post is an extension, not a reserved word: a v1 model may
  // declare the name itself, and then its own declaration wins.
  bool income = n.text == "relevant_income";
  if (income || (it == symbols_.values.end() && n.text == "days_in_post")) {
    if (scope != Scope::Person) {
      diags_.error(n.loc,
                   fmt::format("{} is a person's: use it in 'where' or in a fine amount", n.text));
      return error_expr(n.loc);
    }
    e.op = income ? Op::Income : Op::DaysInPost;
    e.type = income ? Type::Money : Type::Int;
    return e;
  }
  if (it == symbols_.values.end()) {
    if (!symbols_.broken_values.count(n.text)) unknown_name(n, scope);
    return error_expr(n.loc);
  }
  return value_name(n, scope, it->second);
}

std::optional<Expr> ExpressionChecker::let_name(const ast::Name& n, Scope scope) {
  if (!lets_) return std::nullopt;
  for (size_t i = 0; i < lets_->size(); ++i) {
    const model::Let& let = (*lets_)[i];
    if (let.name != n.text) continue;
    if (let.person_scope && scope != Scope::Person) {
      diags_.error(n.loc,
                   fmt::format("let '{}' reads the judged person's facts: use it in 'where' or "
                               "in a fine amount",
                               n.text));
      return error_expr(n.loc);
    }
    Expr e;
    e.op = Op::Let;
    e.loc = n.loc;
    e.name = n.text;
    e.index = static_cast<int>(i);
    e.type = let.value.type;
    e.percent = let.value.percent;
    return e;
  }
  return std::nullopt;
}

Expr ExpressionChecker::value_name(const ast::Name& n, Scope scope, const ValueSymbol& sym) {
  Expr e;
  e.loc = n.loc;
  e.name = n.text;
  if (sym.kind == ValueKind::Table) {
    diags_.error(n.loc, fmt::format("table '{}' needs a key: {}[KEY]", n.text, n.text));
    return error_expr(n.loc);
  }
  if (sym.kind == ValueKind::PersonFact && scope != Scope::Person) {
    diags_.error(n.loc,
                 fmt::format("person fact '{}' is only known in 'where' and fine amounts, where a "
                             "person is being judged",
                             n.text));
    return error_expr(n.loc);
  }
  bool person = sym.kind == ValueKind::PersonFact;
  const model::FactDef& def = person ? m_.person_facts[sym.index] : m_.facts[sym.index];
  e.op = person ? Op::PersonFact : Op::Fact;
  e.type = def.type;
  e.percent = def.percent;
  e.index = sym.index;
  return e;
}

namespace {

// Why two operands do not combine, in the words a policy drafter would use.
std::string mismatch_message(ast::BinaryOp op, const Expr& lhs, const Expr& rhs) {
  const Expr* date = lhs.type == Type::Date ? &lhs : rhs.type == Type::Date ? &rhs : nullptr;
  const Expr* number = date == &lhs ? &rhs : &lhs;
  if (date && number->op == Op::Const && model::is_number(number->type)) {
    return fmt::format(
        "a date cannot be compared with the number {}: write dates as YYYY-MM-DD, with "
        "years {} to {}",
        number->constant.number.to_string(), Date::kMinYear, Date::kMaxYear);
  }
  return fmt::format("operator '{}' cannot combine {} and {}", ast::keyword_text(op),
                     type_name(lhs.type), type_name(rhs.type));
}

}  // namespace

Expr ExpressionChecker::binary(ast::BinaryOp op, Expr lhs, Expr rhs, SourceLoc loc) {
  bool poisoned = lhs.type == Type::Error || rhs.type == Type::Error;
  BinaryRule rule = binary_rule(op, lhs.type, rhs.type);
  if (rule.result == Type::Error && !poisoned) diags_.error(loc, mismatch_message(op, lhs, rhs));
  Type result = poisoned ? Type::Error : rule.result;
  // `a + b + c` becomes one node with three terms when every step has the
  // same type: evaluation then walks the chain instead of recursing.
  // A sum or difference of percentages is a percentage (shown as 125%, not 1.25).
  bool percent = (rule.op == Op::Add || rule.op == Op::Sub) && lhs.percent && rhs.percent;
  if (is_chain_op(rule.op) && lhs.op == rule.op && lhs.type == result && result != Type::Error) {
    lhs.args.push_back(std::move(rhs));
    lhs.loc = loc;
    lhs.percent = percent;
    return lhs;
  }
  Expr e;
  e.op = rule.op;
  e.loc = loc;
  e.type = result;
  e.percent = percent;
  e.args.push_back(std::move(lhs));
  e.args.push_back(std::move(rhs));
  return e;
}

Expr ExpressionChecker::call(const ast::Call& c, Scope scope) {
  using F = ast::FunctionName;
  Expr e;
  e.loc = c.loc;
  e.name = ast::keyword_text(c.function.value);
  for (const auto& a : c.args) e.args.push_back(expr(a, scope));
  bool poisoned = std::any_of(e.args.begin(), e.args.end(),
                              [](const Expr& x) { return x.type == Type::Error; });
  auto fail = [&](std::string msg) {
    if (!poisoned) diags_.error(c.loc, std::move(msg));
    e.type = Type::Error;
    return e;
  };
  const std::string& f = e.name;
  switch (c.function.value) {
    case F::PriorBreaches:
    case F::PriorSanctions:
      e.op = c.function.value == F::PriorBreaches ? Op::PriorBreaches : Op::PriorSanctions;
      if (e.args.size() != 1 || e.args[0].op != Op::Const || e.args[0].type != Type::Duration) {
        return fail(fmt::format("{} takes one duration: {}(12 months)", f, f));
      }
      if (e.op == Op::PriorSanctions && scope != Scope::Person) {
        return fail(
            "prior_sanctions is the judged person's record: use it in 'where' or in a fine amount");
      }
      e.type = Type::Int;
      return e;
    case F::Min:
    case F::Max: {
      e.op = c.function.value == F::Min ? Op::Min : Op::Max;
      if (e.args.size() < 2) return fail(fmt::format("{} takes two or more arguments", f));
      Type t = e.args[0].type;
      for (size_t i = 1; i < e.args.size() && t != Type::Error; ++i) t = unify(t, e.args[i].type);
      if (t == Type::Error || t == Type::Bool) {
        return fail(
            fmt::format("the arguments of {} must be of one family (numbers, money or dates)", f));
      }
      e.type = poisoned ? Type::Error : t;
      e.percent =
          std::all_of(e.args.begin(), e.args.end(), [](const Expr& x) { return x.percent; });
      return e;
    }
    case F::RoundDown:
    case F::RoundUp: {
      e.op = c.function.value == F::RoundDown ? Op::RoundDown : Op::RoundUp;
      if (e.args.size() != 2)
        return fail(fmt::format("{} takes two arguments: {}(value, step)", f, f));
      Type t = unify(e.args[0].type, e.args[1].type);
      if (!(model::is_number(t) || t == Type::Money)) {
        return fail(fmt::format("{} needs a value and a step of one family (numbers or money)", f));
      }
      e.type = poisoned ? Type::Error : t;
      return e;
    }
  }
  return e;
}

Expr ExpressionChecker::index(const ast::Index& ix, Scope scope) {
  Expr e;
  e.op = Op::Lookup;
  e.loc = ix.loc;
  e.name = ix.table.text;
  Expr key = expr(ix.key, scope);
  auto it = symbols_.values.find(ix.table.text);
  bool broken = it == symbols_.values.end() && symbols_.broken_values.count(ix.table.text);
  if (broken) return error_expr(ix.loc);  // its declaration's error was reported
  if (it == symbols_.values.end() || it->second.kind != ValueKind::Table) {
    diags_.error(
        ix.table.loc,
        smr::unknown_name("table", ix.table.text,
                          closest_name(ix.table.text, symbols_.value_names(ValueKind::Table))));
    return error_expr(ix.loc);
  }
  const model::Table& t = m_.tables[it->second.index];
  e.index = it->second.index;
  e.type = t.value_type;
  e.percent = t.percent;
  if (key.type != Type::Int && key.type != Type::Error) {
    diags_.error(ix.key.loc, fmt::format("a key of table '{}' must be an int, not {}", t.name,
                                         type_name(key.type)));
    e.type = Type::Error;
  }
  if (key.type == Type::Error) e.type = Type::Error;
  e.args.push_back(std::move(key));
  return e;
}

Expr ExpressionChecker::if_expr(const ast::IfExpr& x, Scope scope) {
  Expr e;
  e.op = Op::If;
  e.loc = x.loc;
  e.args.push_back(typed(x.condition, scope, Type::Bool, "an 'if' condition"));
  e.args.push_back(expr(x.then_value, scope));
  e.args.push_back(expr(x.else_value, scope));
  Type a = e.args[1].type, b = e.args[2].type;
  if (a == Type::Error || b == Type::Error || e.args[0].type == Type::Error) {
    e.type = Type::Error;
    return e;
  }
  e.type = unify(a, b);
  if (e.type == Type::Error) {
    diags_.error(x.loc, fmt::format("the branches of 'if' must be of one family, not {} and {}",
                                    type_name(a), type_name(b)));
  }
  e.percent = e.args[1].percent && e.args[2].percent;
  return e;
}

}  // namespace smr::check
