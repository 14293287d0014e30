// The declaration grammar: a whole .smr file.
// Declared here, defined in grammar_def.hpp, instantiated in grammar.cpp.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/config.hpp"

namespace smr::parser {

struct file_class;
using file_type = x3::rule<file_class, std::vector<ast::Decl>>;
BOOST_SPIRIT_DECLARE(file_type)

}  // namespace smr::parser

namespace smr {
parser::file_type const& file_grammar();
}
