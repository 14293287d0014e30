// The expression grammar, declared here, defined in
// expression_def.hpp and instantiated once in expression.cpp.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/config.hpp"

namespace smr::parser {

struct expression_class;
using expression_type = x3::rule<expression_class, ast::Expr>;
BOOST_SPIRIT_DECLARE(expression_type)

}  // namespace smr::parser

namespace smr {
parser::expression_type const& expression();
}
