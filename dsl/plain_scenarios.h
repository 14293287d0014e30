// The scenarios that end a large file, in the plain form nearly every
// generated suite uses, read straight into the syntax tree: the grammar's
// tokens (the same lexer functions) without its per-item machinery.
//
//   scenario "TITLE" [in ORG] {
//     breach TYPE on DATE { NAME VALUE; ... person ID { NAME VALUE; ... } }
//   }
//
// Blanks and comments may stand between tokens, as anywhere. Anything else
// (an `expect`, a reserved word where a name belongs, a syntax error) stops
// the reading at the start of that scenario; the grammar reads the rest and
// reports what is wrong. Both give the same tree, places included.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/plain_scenarios.h is private to dsl/"
#endif

#include <string_view>
#include <vector>

#include "dsl/ast.hpp"

namespace smr {

// Reads the scenarios of `text` (file `file`) in the plain form from `at`
// up to `end` (a declaration boundary), appending each to `decls`. Returns
// `end`, or the start of the first scenario not in the plain form. The
// trees view `text` and `store`.
size_t read_plain_scenarios(std::string_view text, size_t at, size_t end, uint32_t file,
                            ast::TextStore& store, std::vector<ast::Decl>* decls);

}  // namespace smr
