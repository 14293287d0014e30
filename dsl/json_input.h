// JSON interchange: orgs exported from HR systems, and scenarios streamed as
// JSON Lines. Both are validated with errors that name the JSON path and
// point at the value (file, line, column).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.h"
#include "dsl/model.h"
#include "dsl/source.h"

namespace smr {

// Reads org(s) from JSON file `file_id` of `sources` (schema in README.md)
// and appends them to `model`, whose functions and areas must be checked.
// An org with any error is not added.
void load_org_json(const SourceManager& sources, uint32_t file_id, model::Model& model,
                   Diagnostics& diags);

// Converts one JSON Lines scenario (file `file_id` holds just that line) to
// the syntax tree the .smr grammar would give, for ScenarioChecker.
std::optional<ast::Scenario> scenario_from_json(const SourceManager& sources, uint32_t file_id,
                                                Diagnostics& diags);

}  // namespace smr
