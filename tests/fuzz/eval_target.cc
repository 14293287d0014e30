// libFuzzer target: a model with scenarios; when it checks clean, every
// scenario is evaluated with explanations and rendered as text and JSON.
#include "tests/fuzz/targets.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/report.h"
#include "dsl/checker.h"
#include "dsl/parser.h"
#include "engine/evaluator.h"
#include "engine/org_checks.h"
#include "engine/org_graph.h"

namespace smr::fuzz {

int eval_one(const uint8_t* data, size_t size) {
  smr::SourceManager sources;
  smr::Diagnostics diags;
  smr::model::Model model = compile_bytes(data, size, sources, diags, false);
  if (diags.has_errors()) return 0;
  size_t bytes = 0;
  for (size_t s = 0; s < model.scenarios.size() && s < 64; ++s) {
    smr::OrgGraph graph(model, model.scenarios[s].org);
    smr::ScenarioResult r = smr::evaluate_scenario(model, graph, static_cast<int>(s), {true});
    if (r.error) continue;
    smr::cli::ReportOptions all{true, true};
    bytes += smr::cli::json_report(model, r, all).size();
    bytes += smr::cli::text_report(model, r, all).size();
    bytes += smr::cli::expectation_failures(model, r).size();
  }
  return bytes == static_cast<size_t>(-1);
}

}  // namespace smr::fuzz
