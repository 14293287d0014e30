// `smr report`: one self-contained HTML document for legal reviewers and
// boards — the regime at a glance, each scenario's outcomes with their
// explanations and org picture, rule coverage, and a rule change's diff.
#pragma once

#include <string>
#include <vector>

#include "cli/html.h"
#include "cli/workspace.h"
#include "engine/coverage.h"

namespace smr::cli {

// The regime as written: functions, responsibilities (prescribed marked),
// breach types, rules with titles, citations and conditions in the
// language's words, tables, and every POLICY PARAMETER comment of the
// model's files.
void append_regime_html(Html& h, const Workspace& ws);
// The rules with their sanctions over the report's scenarios, unfired
// rules, one-sided conditions, unused table rows and idle breach types.
void append_coverage_html(Html& h, const model::Model& m, const Coverage& c);

}  // namespace smr::cli
