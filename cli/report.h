// Turns evaluation results into the text, JSON and test reports that the
// commands print.
#pragma once

#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/model.h"
#include "engine/result.h"

namespace smr::cli {

struct ReportOptions {
  bool explain = false;
  bool all_persons = false;
  std::vector<std::string> why_not;  // person ids: explain what each rule gave them
};

// A readable table of one scenario's outcomes.
std::string text_report(const model::Model& m, const ScenarioResult& r, const ReportOptions& o);
// One JSON Lines object (the documented `eval` JSON), with a trailing newline.
std::string json_report(const model::Model& m, const ScenarioResult& r, const ReportOptions& o);
// The differences between a scenario's expectations and its results, one
// line each ("bob: expected ...; got ..."). Empty when every expectation holds.
std::vector<std::string> expectation_failures(const model::Model& m, const ScenarioResult& r);
// The diagnostic for a scenario whose evaluation failed, naming the scenario
// and the breach, at the place of the failing expression.
Diagnostic evaluation_error(const model::Model& m, const ScenarioResult& r);
// The index of the scenario titled `title`, or -1.
int find_scenario(const model::Model& m, const std::string& title);
// The same, reporting an unknown title on stderr (with a did-you-mean) as
// `smr COMMAND: no scenario named "..."`; -1 then.
int find_scenario_or_report(const model::Model& m, const std::string& title, const char* command);
// The scenarios titled `names`, or all of them when there is none; false
// (reported as `smr COMMAND: no scenario named ...`) on an unknown title.
bool pick_scenarios(const model::Model& m, const std::vector<std::string>& names,
                    const char* command, std::vector<int>* out);
// "108,000.00 GBP"
std::string money_text(const model::Model& m, Decimal d);
// "breach 'grooming' on 2022-03-01"
std::string breach_label(const model::Model& m, const model::ScenarioBreach& b);

}  // namespace smr::cli
