// Instantiates the declaration grammar once, for the one context type.
#include "dsl/grammar_def.hpp"

namespace smr::parser {
BOOST_SPIRIT_INSTANTIATE(file_type, iterator_type, context_type)
}

namespace smr {
parser::file_type const& file_grammar() { return parser::file; }
}  // namespace smr
