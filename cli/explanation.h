// The v2 explanations as `eval --explain` and `--why-not` print them, in
// text and in JSON: inputs with their sources, lets, conditions with their
// values, the selection path (shared prefixes shown once) and the
// arithmetic with every operand named.
#pragma once

#include <string>
#include <vector>

#include "dsl/model.h"
#include "engine/explain.h"
#include "engine/result.h"

namespace smr::cli {

// The lines under one sanction of the text report.
void append_explanation_text(std::string& out, const model::Model& m, PathSharing& paths,
                             const model::Scenario& sc, const SanctionRecord& rec);
// One member of a person's "reasons" array.
void append_explanation_json(std::string& out, const model::Model& m, PathSharing& paths,
                             const model::Scenario& sc, const SanctionRecord& rec);
// A fine cap record, in each form.
void append_cap_text(std::string& out, const model::Model& m, const model::Scenario& sc,
                     const CapRecord& cap);
void append_cap_json(std::string& out, const model::Model& m, const model::Scenario& sc,
                     const CapRecord& cap);

// Pieces shared by the reports: an explanation's lines other than the path
// (the arithmetic too when `arithmetic`), its JSON members ("inputs",
// "lets", "conditions", "arithmetic"), a path as a JSON array of steps, and
// the opening of a reason object (rule, title, citations, breach, date).
void append_trace_text(std::string& out, const Explanation& e, const char* indent, bool arithmetic);
void append_trace_json(std::string& out, const Explanation& e);
void append_path_json(std::string& out, const model::Model& m, const model::Org& org,
                      PathSharing& paths, const SelectionPath& path);
void append_reason_head_json(std::string& out, const model::Model& m, const model::Scenario& sc,
                             int rule, int breach);

// The `--why-not` answers for each asked-for person, after the scenario's
// outcome table (text) or as its "why_not" member (JSON).
void append_why_not_text(std::string& out, const model::Model& m, PathSharing& paths,
                         const ScenarioResult& r, const std::vector<std::string>& ids);
void append_why_not_json(std::string& out, const model::Model& m, PathSharing& paths,
                         const ScenarioResult& r, const std::vector<std::string>& ids);

}  // namespace smr::cli
