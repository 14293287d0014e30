// The iterator and context types the grammar is instantiated for. parse()
// in parser.cc must build exactly this context (a phrase parse with Skipper,
// wrapped in `with<parse_state_tag>(ParseState&)`), or the link fails.
#pragma once

#include "dsl/tokens.hpp"

namespace smr::parser {

using iterator_type = const char*;
using phrase_context_type = x3::phrase_parse_context<Skipper>::type;
using context_type = x3::context<parse_state_tag, ParseState, phrase_context_type>;

}  // namespace smr::parser
