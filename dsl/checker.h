// Turns syntax trees into the checked model: resolves every name, checks
// every type, converts every literal, and reports what is wrong.
#pragma once

#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.h"
#include "dsl/model.h"

namespace smr {

// Checks the files of one model (LANGUAGE.md 4.4, all but the org-graph
// checks, which the engine makes). The model is complete only when `diags`
// has no errors; with errors it holds what could be resolved.
model::Model check_model(const std::vector<ast::File>& files, Diagnostics& diags);

// The closest of `candidates` to `name` by edit distance, if close enough to
// suggest ("did you mean ...?"); empty otherwise.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace smr
