// Graphviz DOT laid out and drawn as SVG in process, with Graphviz's
// library (libgvc): a report never depends on what is on the PATH.
#pragma once

#include <optional>
#include <string>

namespace smr::cli {

// The <svg> element for `dot` (no XML declaration or DOCTYPE, ready to
// inline in HTML); nullopt with *error when Graphviz refuses it.
std::optional<std::string> dot_to_svg(const std::string& dot, std::string* error);

}  // namespace smr::cli
