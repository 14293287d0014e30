// A streamed scenario line in the plain form nearly every stream uses,
// read straight into the syntax tree: no JSON document, no paths, no
// allocation per value. Anything else (an escape in a string, a decimal
// number, null, an unknown or repeated key, a value of the wrong kind,
// trailing text) is left to the full reader (json_reader.h), which reads
// it or reports what is wrong. Both give the same tree, places included.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/json_line.h is private to dsl/"
#endif

#include <optional>
#include <string_view>

#include "dsl/ast.hpp"

namespace smr::json {

// The tree of the scenario in `text` (file `file`), or nullopt when the
// line is not in the plain form. The tree views `text` and `store`.
std::optional<ast::Scenario> read_plain_scenario(std::string_view text, uint32_t file,
                                                 ast::TextStore& store);

// A JSON string's text as a literal of the language ("0.375", "12.5%",
// "250000 GBP", "2022-09-01"): false when it is not one. `text` must
// outlive the literal; a text the literal cannot view is kept in `store`.
bool literal_of_text(std::string_view text, ast::Literal* lit, ast::TextStore& store);

// An expected outcome's word ("none", "censure", "fine", "disqualification",
// "criminal"): false for any other text.
bool outcome_of_text(std::string_view text, ast::OutcomeWord* out);

}  // namespace smr::json
