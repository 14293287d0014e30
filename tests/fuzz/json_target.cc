// libFuzzer target: the JSON inputs. The bytes before the first newline
// are an org JSON document; each later line is a JSON Lines scenario, checked
// and evaluated against a fixed model.
#include "tests/fuzz/targets.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "cli/report.h"
#include "dsl/checker.h"
#include "dsl/json_input.h"
#include "dsl/parser.h"
#include "engine/evaluator.h"
#include "engine/org_graph.h"

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
  smr::SourceManager sources;
  smr::Diagnostics diags;
  uint32_t rules = sources.add("rules.smr", kRules);
  uint32_t org = sources.add("org.json", input.substr(0, newline));
  std::vector<smr::ast::File> files;
  files.push_back(smr::parse_file(sources, rules, diags));
  smr::model::Model model = smr::check_model(files, diags, [&](smr::model::Model& m, smr::Diagnostics& d) {
    smr::load_org_json(sources, org, m, d);
  });
  std::string rendered = sources.render_all(diags);
  if (diags.has_errors() || model.orgs.empty() || newline == std::string::npos) return 0;
  smr::ScenarioChecker checker(model);
  smr::OrgGraph graph(model, 0);
  size_t start = newline + 1;
  for (int line = 2; start < input.size() && line < 66; ++line) {
    size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    smr::SourceManager local;
    uint32_t id = local.add("s.jsonl", input.substr(start, end - start), line);
    start = end + 1;
    smr::Diagnostics d;
    if (smr::find_invalid_utf8(local.text(id)) >= 0) continue;
    auto tree = smr::scenario_from_json(local, id, d);
    std::optional<smr::model::Scenario> sc;
    if (tree) sc = checker.check(*tree, d);
    rendered += local.render_all(d);
    if (!sc || sc->org != 0) continue;
    smr::ScenarioResult r = smr::evaluate_scenario(model, graph, *sc, {true});
    if (!r.error) rendered += smr::cli::json_report(model, r, {true, false});
  }
  return rendered.size() == static_cast<size_t>(-1);
}

}  // namespace smr::fuzz
