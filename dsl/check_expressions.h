// Types expressions: resolves every name, checks every operator's operand
// types, and builds the model's typed expression trees.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/check_expressions.h is private to dsl/"
#endif

#include <set>

#include "dsl/ast.hpp"
#include "dsl/check_context.h"
#include "dsl/check_literals.h"

namespace smr::check {

// Which names an expression may use: person facts, relevant_income and
// days_in_post only where a person is being judged.
enum class Scope { Breach, Person };

class ExpressionChecker {
 public:
  // Expressions deeper than this (after chains of one operator are
  // gathered into one node) are refused: evaluation recurses on depth.
  static constexpr int kMaxDepth = 1000;

  // Facts and tables of `model` must be checked already.
  ExpressionChecker(const model::Model& model, const Symbols& symbols, Diagnostics& diags)
      : m_(model), symbols_(symbols), diags_(diags), literals_(diags, model.currency) {}

  // The expression, which must be of type `want`; `what` names it in errors.
  model::Expr typed(const ast::Expr& e, Scope scope, model::Type want, const char* what);
  // The expression, of whatever type it has (for a `let`).
  model::Expr untyped(const ast::Expr& e, Scope scope);
  // The rule's lets so far, which expressions may name.
  void use_lets(const std::vector<model::Let>* lets) { lets_ = lets; }

 private:
  model::Expr expr(const ast::Expr& e, Scope scope);
  model::Expr operand(const ast::Operand& o, Scope scope);
  model::Expr literal(const ast::Literal& lit);
  model::Expr unary(const ast::Unary& u, Scope scope);
  model::Expr name(const ast::Name& n, Scope scope);
  model::Expr value_name(const ast::Name& n, Scope scope, const ValueSymbol& sym);
  std::optional<model::Expr> let_name(const ast::Name& n, Scope scope);
  model::Expr call(const ast::Call& c, Scope scope);
  model::Expr index(const ast::Index& ix, Scope scope);
  model::Expr if_expr(const ast::IfExpr& e, Scope scope);
  model::Expr binary(ast::BinaryOp op, model::Expr lhs, model::Expr rhs, SourceLoc loc);
  void unknown_name(const ast::Name& n, Scope scope);

  const model::Model& m_;
  const Symbols& symbols_;
  Diagnostics& diags_;
  LiteralChecker literals_;
  const std::vector<model::Let>* lets_ = nullptr;
};

}  // namespace smr::check
