// The public face of the grammar: text in, syntax tree and diagnostics out.
// Nothing here exposes Spirit.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"

namespace smr {

// Parses file `file_id` of `sources`. Syntax errors go to `diags` and parsing
// resumes at the next `;` or `}`; the result holds every declaration that
// could be read (broken items appear as ErrorNode). Files of several MB are
// parsed on up to `threads` threads, with the same result. With
// `defer_scenarios`, the scenarios that end a large file that parses
// cleanly are left for the checker (ast::File::tail).
ast::File parse_file(const SourceManager& sources, uint32_t file_id, Diagnostics& diags,
                     int threads = 1, bool defer_scenarios = false);

// Piece `piece` of a scenario tail: its declarations. Its syntax errors go
// to `diags`; the strings it needs besides the source to `store`.
std::vector<ast::Decl> parse_piece(const ast::ScenarioTail& tail, size_t piece, Diagnostics& diags,
                                   ast::TextStore& store);

}  // namespace smr
