// smr graph: the org-responsibility graph as Graphviz DOT.
#include <fmt/format.h>

#include <chrono>

#include "cli/commands.h"
#include "cli/report.h"
#include "cli/workspace.h"
#include "engine/evaluator.h"
#include "engine/org_dot.h"

namespace smr::cli {
namespace {

Date today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(static_cast<int32_t>(now.time_since_epoch().count()));
}

}  // namespace

int run_graph(const Options& o) {
  std::optional<Date> date;
  if (!o.date.empty()) {
    date = Date::parse(o.date);
    if (!date) {
      fmt::print(stderr, "smr graph: --date must be a real date as YYYY-MM-DD, not '{}'\n", o.date);
      return 2;
    }
  }
  int code = 0;
  auto ws = load_workspace(o.files, &code, {false, false, "", o.org_json, 0, o.roots});
  if (!ws) return code;
  const model::Model& m = ws->model;
  int scenario = -1;
  if (!o.scenario.empty() && (scenario = find_scenario_or_report(m, o.scenario, "graph")) < 0)
    return 2;
  int org = -1;
  if (!o.org.empty()) {
    for (size_t i = 0; i < m.orgs.size(); ++i) {
      if (m.orgs[i].id == o.org) org = static_cast<int>(i);
    }
    if (org < 0) {
      fmt::print(stderr, "smr graph: no org named '{}'\n", o.org);
      return 2;
    }
  } else if (scenario >= 0) {
    org = m.scenarios[scenario].org;
  } else if (m.orgs.size() == 1) {
    org = 0;
  } else {
    std::string ids;
    for (const auto& x : m.orgs) ids += (ids.empty() ? "" : ", ") + x.id;
    fmt::print(stderr, "smr graph: the model has {} orgs ({}); choose one with --org\n",
               m.orgs.size(), ids.empty() ? "none" : ids);
    return 2;
  }
  if (scenario >= 0 && m.scenarios[scenario].org != org) {
    fmt::print(stderr, "smr graph: scenario \"{}\" runs in org '{}', not '{}'\n", o.scenario,
               m.orgs[m.scenarios[scenario].org].id, m.orgs[org].id);
    return 2;
  }
  if (o.focus >= 0 && scenario < 0) {
    fmt::print(stderr,
               "smr graph: --focus needs --scenario (it keeps the people near its paths)\n");
    return 2;
  }
  DotOptions dot{date.value_or(today()), nullptr, o.focus};
  if (scenario < 0) {
    emit(org_to_dot(m, ws->graph(org), dot));
    return 0;
  }
  const model::Scenario& sc = m.scenarios[scenario];
  if (!date) {
    date = sc.breaches.empty() ? today() : sc.breaches[0].date;
    for (const auto& b : sc.breaches) date = std::min(*date, b.date);
  }
  ScenarioResult r = evaluate_scenario(m, ws->graph(org), scenario, {});
  if (r.error) {
    report(*ws, evaluation_error(m, r));
    return 1;
  }
  DotHighlight h = highlight_for(m, ws->graph(org), r);
  dot.date = *date;
  dot.highlight = &h;
  emit(org_to_dot(m, ws->graph(org), dot));
  return 0;
}

}  // namespace smr::cli
