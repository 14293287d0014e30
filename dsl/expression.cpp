// Instantiates the expression grammar once, for the one context type.
#include "dsl/expression_def.hpp"

namespace smr::parser {
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
}

namespace smr {
parser::expression_type const& expression() { return parser::expression; }
}  // namespace smr
