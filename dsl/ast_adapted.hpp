// Fusion adaptations of the AST structs, kept apart from the structs so that
// only the grammar's translation units see them.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "dsl/ast.hpp"

// clang-format off
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Expr, first, rest)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Unary, ops, operand)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Call, function, args)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Index, table, key)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::IfExpr, condition, then_value, else_value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::RegimeSetting, key, value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Fallbacks, key, functions)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::FineCap, keyword, value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Regime, title, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::FunctionDecl, name, title, board)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::ResponsibilityDecl, name, title, prescribed)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::FactDecl, kind, name, type, default_value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::TableEntry, key, value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::TableDefault, keyword, value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::TableBlock, from, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::TableDecl, name, key_type, value_type, items, later)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::AreaClause, keyword, area)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::BreachDecl, name, title, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::SelectorTerm, kind, argument, of)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Sanction, kind, amount)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::OnClause, keyword, breach_types)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::WhenClause, keyword, condition)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::ThenClause, sanction, selector, where)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::CiteClause, keyword, text)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::LetClause, keyword, name, value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::RuleDecl, name, title, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::IncomeItem, keyword, amount)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::EdgeItem, kind, target, to, from, until)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Person, id, name, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Org, name, title, persons)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::FactValue, name, value)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::PersonFacts, person, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::ScenarioBreach, type, date, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::ExpectItem, kind, amount)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Expect, person, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Scenario, title, org, items)
BOOST_FUSION_ADAPT_STRUCT(smr::ast::Import, keyword, path)
// clang-format on
