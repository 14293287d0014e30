// smr diff: evaluate COMMON's scenarios under base + COMMON and head + COMMON
// and show which person-outcomes moved, and the rules behind the move.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/intended.h"
#include "cli/report.h"
#include "cli/workspace.h"
#include "engine/evaluator.h"
#include "engine/outcome_diff.h"

namespace smr::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string describe(const model::Model& m, const model::Sanctions& s) {
  return s.describe(m.currency);
}

std::string describe(const model::Model& m, const std::optional<RuleEffect>& e) {
  return e ? e->describe(m.currency) : "did not fire";
}

Json summary_json(const model::Sanctions& s) {
  Json j;
  j["outcome"] = outcome_name(s.headline());
  j["censure"] = s.censure;
  j["fine"] = s.fine.value_or(Decimal()).to_string(2);
  j["disqualification"] = s.disqualification;
  j["criminal"] = s.criminal;
  return j;
}

// Evaluates one scenario, reporting an evaluation error; nullopt on error.
std::optional<ScenarioResult> evaluate(const Workspace& ws, int scenario) {
  const auto& sc = ws.model.scenarios[scenario];
  ScenarioResult r = evaluate_scenario(ws.model, ws.graph(sc.org), scenario, {});
  if (!r.error) return r;
  report(ws, evaluation_error(ws.model, r));
  return std::nullopt;
}

// The counts of the last line.
struct Totals {
  int changed = 0, compared = 0, scenarios_changed = 0, scenarios = 0;
};

// Writes the manifest if asked, checks the intended changes, prints the
// report; the exit code.
int finish(const Options& o, const std::string& currency,
           const std::optional<std::vector<IntendedChange>>& intended,
           const std::vector<ActualChange>& actual, Json changes, std::string text,
           const Totals& t) {
  if (!o.write_intended.empty() && !write_intended(o.write_intended, actual, currency)) return 2;
  std::optional<IntendedVerdict> verdict;
  if (intended) verdict = compare_intended(*intended, actual);
  if (o.format == "json") {
    Json out;
    out["changes"] = std::move(changes);
    out["summary"] = Json{{"changed", t.changed},
                          {"person_outcomes", t.compared},
                          {"scenarios_changed", t.scenarios_changed},
                          {"scenarios", t.scenarios}};
    if (verdict) out["intended"] = verdict_json(*verdict, currency);
    emit(out.dump() + "\n");
  } else {
    text += fmt::format("{} of {} person-outcomes changed in {} of {} scenarios\n", t.changed,
                        t.compared, t.scenarios_changed, t.scenarios);
    if (verdict) text += verdict_text(*verdict, currency);
    emit(text);
  }
  bool failed = (o.fail_on_change && t.changed > 0) || (verdict && !verdict->ok());
  return failed ? 1 : 0;
}

}  // namespace

int run_diff(const Options& o) {
  if (o.base.empty() || o.head.empty()) {
    fmt::print(stderr, "smr diff: --base and --head are required\n");
    return 2;
  }
  std::unique_ptr<Workspace> base, head;
  int load_code = 0;
  if (!load_versions(o, &base, &head, &load_code)) return load_code;
  std::optional<std::vector<IntendedChange>> intended;
  if (!o.intended.empty()) {
    int code = 0;
    intended = load_intended(o.intended, head->model.currency, &code);
    if (!intended) return code;
  }
  std::vector<ActualChange> actual;
  std::map<std::pair<int, int>, int> people;  // (base org, head org) -> persons in either

  int code = 0, total_scenarios = 0, scenarios_changed = 0, changed = 0, compared = 0;
  std::string text;
  Json changes = Json::array();
  int first_common = static_cast<int>(o.head.size());
  for (size_t s = 0; s < head->model.scenarios.size(); ++s) {
    const auto& sc = head->model.scenarios[s];
    if (!head->from_root_at_or_after(sc.loc, first_common)) continue;
    int b = find_scenario(base->model, sc.title);
    if (b < 0) continue;
    ++total_scenarios;
    auto before = evaluate(*base, b);
    auto after = evaluate(*head, static_cast<int>(s));
    if (!before || !after) {
      code = 1;
      continue;
    }
    auto pair = std::make_pair(before->source->org, after->source->org);
    auto counted = people.find(pair);
    if (counted == people.end()) {
      counted = people
                    .emplace(pair, persons_in_either(base->model.orgs[pair.first],
                                                     head->model.orgs[pair.second]))
                    .first;
    }
    ScenarioDiff d = diff_scenario(base->model, *before, head->model, *after, counted->second);
    compared += d.persons_compared;
    if (d.changes.empty()) continue;
    ++scenarios_changed;
    changed += static_cast<int>(d.changes.size());
    text += fmt::format("scenario \"{}\"\n", printable_message(sc.title));
    for (const auto& c : d.changes) {
      text += fmt::format("  {}: {} ({}) -> {} ({})\n", c.person, outcome_name(c.before.headline()),
                          describe(base->model, c.before), outcome_name(c.after.headline()),
                          describe(head->model, c.after));
      for (const auto& rc : c.rules_changed) {
        text += fmt::format("    rule {}: {} -> {}\n", rc.rule, describe(base->model, rc.before),
                            describe(head->model, rc.after));
      }
      actual.push_back({sc.title, c.person, c.before, c.after});
      Json j;
      j["scenario"] = sc.title;
      j["person"] = c.person;
      j["before"] = summary_json(c.before);
      j["after"] = summary_json(c.after);
      j["rules_before"] = c.rules_before;
      j["rules_after"] = c.rules_after;
      changes.push_back(std::move(j));
    }
  }
  // An evaluation error leaves the comparison incomplete: print no summary
  // that would look like a complete one.
  if (code) return code;
  Totals totals{changed, compared, scenarios_changed, total_scenarios};
  return finish(o, head->model.currency, intended, actual, std::move(changes), text, totals);
}

}  // namespace smr::cli
