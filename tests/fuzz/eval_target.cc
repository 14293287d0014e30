// libFuzzer target: a model with scenarios; when it checks clean, every
// scenario is evaluated with explanations and rendered as text and JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/report.h"
#include "engine/evaluator.h"
#include "tests/fuzz/targets.h"

namespace smr::fuzz {

int eval_one(const uint8_t* data, size_t size) {
  auto c = compile_bytes(data, size, false);
  if (!c->ok()) return 0;
  const model::Model& model = c->model;
  size_t bytes = 0;
  for (size_t s = 0; s < model.scenarios.size() && s < 64; ++s) {
    // Explanations and why-not for the org's first person, fuzzed too.
    const model::Org& org = model.orgs[model.scenarios[s].org];
    EvalOptions eo;
    eo.explain = true;
    if (!org.persons.empty()) eo.why_not = {org.persons[0].id};
    ScenarioResult r =
        evaluate_scenario(model, c->graph(model.scenarios[s].org), static_cast<int>(s), eo);
    if (r.error) continue;
    cli::ReportOptions all{true, true, eo.why_not};
    bytes += cli::json_report(model, r, all).size();
    bytes += cli::text_report(model, r, all).size();
    bytes += cli::expectation_failures(model, r).size();
  }
  return bytes == static_cast<size_t>(-1);
}

}  // namespace smr::fuzz
