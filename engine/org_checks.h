// The model checks that need the org graph over time: reporting cycles,
// unallocated prescribed responsibilities, responsibility without a function.
#pragma once

#include "dsl/core/diagnostic.h"
#include "dsl/model.h"

namespace smr {

// Errors for `reports_to` cycles on any date, naming the people in each;
// warnings for prescribed responsibilities with no holder over a period of
// an org's life, and for people responsible for an area while holding no
// function.
// With `warnings` false only the errors (cycles) are looked for.
void check_orgs(const model::Model& model, Diagnostics& diags, bool warnings = true);

}  // namespace smr
