// libFuzzer target: the JSON inputs. The bytes before the first newline
// are an org JSON document; each later line is a JSON Lines scenario, checked
// and evaluated against a fixed model.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "cli/report.h"
#include "dsl/json_input.h"
#include "engine/compile.h"
#include "engine/evaluator.h"
#include "tests/fuzz/targets.h"

namespace {

const char* kRules = R"(regime "R" { currency GBP; unallocated falls_to SMF1; }
function SMF1 "CEO"; function SMF24 "COO"; function SMF9 "Chair" board;
responsibility child_safety "x" prescribed;
person_fact reasonable_steps: bool = false;
fact children_affected: int = 0;
fact loss: money = 0 GBP;
table seriousness: int -> percent { 1: 0%, 2: 10%, 3: 20%, 4: 30%, 5: 40% }
breach grooming { area child_safety; }
rule c { when severity >= 2; then censure to accountable where not reasonable_steps; }
rule f { when severity >= 3; then fine round_down(relevant_income * seriousness[severity], 100 GBP) to accountable; }
rule l { when loss > 0 GBP; then fine loss / children_affected to managers(2) of delegates, board; }
rule p { when prior_breaches(12 months) >= 1; then disqualification to managers; }
)";

}  // namespace

namespace smr::fuzz {

int json_one(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  CompileOptions options;
  options.jobs = 1;
  auto c = compile({{"rules.smr", kRules}}, {{"org.json", input.substr(0, newline)}}, options);
  std::string rendered = c->sources.render_all(c->diags);
  if (!c->ok() || c->model.orgs.empty() || newline == std::string::npos) return 0;
  JsonScenarioReader reader(c->model);
  size_t start = newline + 1;
  for (int line = 2; start < input.size() && line < 66; ++line) {
    size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    SourceManager local;
    uint32_t id = local.add("s.jsonl", input.substr(start, end - start), line);
    start = end + 1;
    Diagnostics d;
    std::optional<model::Scenario> sc = reader.read(local, id, d);
    rendered += local.render_all(d);
    if (!sc || sc->org != 0) continue;
    EvalOptions eo;
    eo.explain = true;
    ScenarioResult r = evaluate_scenario(c->model, c->graph(0), *sc, eo);
    if (!r.error) rendered += cli::json_report(c->model, r, {true, false, {}});
  }
  return rendered.size() == static_cast<size_t>(-1);
}

}  // namespace smr::fuzz
