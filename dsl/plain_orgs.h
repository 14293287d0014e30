// An org in the plain form, read straight into the syntax tree: the
// grammar's tokens (the same lexer functions) without its per-item
// machinery. An org is one declaration; a large one (100,000 people) is
// most of a model's text and is read on one thread, so this is where the
// time of reading it goes.
//
//   org NAME ["TITLE"] {
//     person ID ["NAME"] {
//       relevant_income VALUE;
//       reports_to|holds|responsible_for|delegates NAME [to NAME]
//           [from DATE] [until DATE];
//     }
//   }
//
// That is the whole language of an org: only a text with a syntax error
// (or a reserved word where a name belongs) is not in the plain form, and
// then the grammar reads the org from its start and reports what is wrong.
// Both give the same tree, places included.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/plain_orgs.h is private to dsl/"
#endif

#include <cstdint>

#include "dsl/ast.hpp"

namespace smr {

// Reads the org declaration starting at `*p` (its `org` keyword) in file
// `file`, whose text begins at `text_begin`, up to `end`. On success fills
// `org`, moves `*p` past the org's `}` and returns true; otherwise leaves
// both as they were. The tree views the text and `store`.
bool read_plain_org(const char* text_begin, const char** p, const char* end, uint32_t file,
                    ast::TextStore& store, ast::Org* org);

// For tests: whether the grammar tries read_plain_org first (it does unless
// told otherwise), so a text can be read both ways and compared.
bool plain_orgs_enabled();
void enable_plain_orgs(bool on);

}  // namespace smr
