#pragma once

#include "dsl/ast_adapted.hpp"
#include "dsl/expression.hpp"

namespace smr::parser {

struct expression_class : Annotate {};
struct or_class : Annotate {};
struct and_class : Annotate {};
struct not_class : Annotate {};
struct cmp_class : Annotate {};
struct add_class : Annotate {};
struct mul_class : Annotate {};
struct neg_class : Annotate {};
struct primary_class : Annotate {};
struct call_class : Annotate {};
struct index_class : Annotate {};
struct if_class : Annotate {};
struct paren_class : Annotate {};

expression_type const expression = "expression";
x3::rule<or_class, ast::Expr> const or_expr = "expression";
x3::rule<and_class, ast::Expr> const and_expr = "expression";
x3::rule<not_class, ast::Unary> const not_expr = "expression";
x3::rule<cmp_class, ast::Expr> const cmp_expr = "expression";
x3::rule<add_class, ast::Expr> const add_expr = "expression";
x3::rule<mul_class, ast::Expr> const mul_expr = "expression";
x3::rule<neg_class, ast::Unary> const neg_expr = "expression";
x3::rule<primary_class, ast::Operand> const primary = "an operand";
x3::rule<call_class, ast::Call> const call = "call";
x3::rule<index_class, ast::Index> const index = "table lookup";
x3::rule<if_class, ast::IfExpr> const if_expr = "if expression";
x3::rule<paren_class, ast::Expr> const paren = "parenthesised expression";

using ast::BinaryOp;
using ast::FunctionName;
inline auto const op_or = Choice<BinaryOp, false>({BinaryOp::Or}, "'or'");
inline auto const op_and = Choice<BinaryOp, false>({BinaryOp::And}, "'and'");
inline auto const op_cmp = Choice<BinaryOp, false>(
    {BinaryOp::Eq, BinaryOp::Ne, BinaryOp::Lt, BinaryOp::Le, BinaryOp::Gt, BinaryOp::Ge},
    "a comparison");
inline auto const op_add = Choice<BinaryOp, false>({BinaryOp::Add, BinaryOp::Sub}, "'+' or '-'");
inline auto const op_mul = Choice<BinaryOp, false>({BinaryOp::Mul, BinaryOp::Div}, "'*' or '/'");
inline auto const function_name = Choice<FunctionName, true>(
    {FunctionName::Min, FunctionName::Max, FunctionName::RoundDown, FunctionName::RoundUp,
     FunctionName::PriorBreaches, FunctionName::PriorSanctions},
    "a function name");
inline auto const name_ref = Identifier<ast::Name, true>("name");
inline auto const table_name = Identifier<ast::Word, false>("table name");
inline auto const literal = LiteralParser(false, "literal");

// clang-format off
auto const expression_def = or_expr;
auto const or_expr_def = and_expr >> *(op_or > and_expr);
auto const and_expr_def = not_expr >> *(op_and > not_expr);
auto const not_expr_def = *(Keyword("not") >> x3::attr('!')) >> cmp_expr;
auto const cmp_expr_def = add_expr >> -(op_cmp > add_expr);  // non-associative
auto const add_expr_def = mul_expr >> *(op_add > mul_expr);
auto const mul_expr_def = neg_expr >> *(op_mul > neg_expr);
auto const neg_expr_def = *x3::char_('-') >> primary;
auto const primary_def = nested[literal | if_expr | call | index | name_ref | paren];
auto const call_def = function_name >> '(' > (expression % ',') > ')';
auto const index_def = table_name >> '[' > expression > ']';
auto const if_expr_def = Keyword("if") > expression > Keyword("then") > expression
                       > Keyword("else") > expression;
auto const paren_def = '(' > expression > ')';
// clang-format on

BOOST_SPIRIT_DEFINE(expression, or_expr, and_expr, not_expr, cmp_expr, add_expr, mul_expr, neg_expr,
                    primary, call, index, if_expr, paren)

}  // namespace smr::parser
