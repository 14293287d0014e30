// The public face of the grammar: text in, syntax tree and diagnostics out.
// Nothing here exposes Spirit.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/diagnostic.h"
#include "dsl/source.h"

namespace smr {

// Parses file `file_id` of `sources`. Syntax errors go to `diags` and parsing
// resumes at the next `;` or `}`; the result holds every declaration that
// could be read (broken items appear as ErrorNode). Files of several MB are
// parsed on up to `threads` threads, with the same result.
ast::File parse_file(const SourceManager& sources, uint32_t file_id, Diagnostics& diags,
                     int threads = 1);

// Returns the offset of the first byte that is not valid UTF-8, or -1.
long find_invalid_utf8(std::string_view text);

}  // namespace smr
