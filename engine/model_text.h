// The checked model written back in the language's own words, for
// explanations: `severity >= 3`, `not reasonable_steps`, `managers(1)`.
#pragma once

#include <string>

#include "dsl/model.h"

namespace smr {

// An expression as a reader would write it, parenthesised only where
// needed; past `max_chars` it ends in `…` (a condition may chain half a
// million terms).
std::string expression_text(const model::Model& m, const model::Expr& e, size_t max_chars = 240);
// `accountable`, `managers(2) of holders(SMF9)`, `(board, delegates)`.
std::string selector_text(const model::Model& m, const model::Selector& s);
std::string selector_text(const model::Model& m, const std::vector<model::Selector>& terms);
// "Chief Executive (SMF1)": a declaration's title with its id, or the id
// alone when it has no title of its own.
std::string titled(const std::string& title, const std::string& id);
// A constant as written: `100 GBP`-style money is shown as its number,
// `30%`, `12 months`, `2024-01-01`, `true`.
std::string constant_text(const model::Value& v);
// A value as a literal of the language: money with its currency
// (`12000.5 GBP`), strings quoted.
std::string literal_text(const model::Value& v, const std::string& currency);

}  // namespace smr
