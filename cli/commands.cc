#include "cli/commands.h"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/report.h"
#include "cli/test_report.h"
#include "cli/workspace.h"
#include "dsl/checker.h"
#include "engine/evaluator.h"

namespace smr::cli {
namespace {

// Finds scenarios by title; an unknown title is a usage error.
bool pick_scenarios(const model::Model& m, const std::vector<std::string>& names, std::vector<int>* out) {
  if (names.empty()) {
    for (size_t i = 0; i < m.scenarios.size(); ++i) out->push_back(static_cast<int>(i));
    return true;
  }
  std::vector<std::string> titles;
  for (const auto& s : m.scenarios) titles.push_back(s.title);
  for (const auto& n : names) {
    auto it = std::find(titles.begin(), titles.end(), n);
    if (it == titles.end()) {
      std::string hint = closest_name(n, titles);
      fmt::print(stderr, "smr: no scenario named \"{}\"{}\n", n,
                 hint.empty() ? "" : fmt::format("; did you mean \"{}\"?", hint));
      return false;
    }
    out->push_back(static_cast<int>(it - titles.begin()));
  }
  return true;
}

// One graph per org, built on first use.
class Graphs {
 public:
  explicit Graphs(const model::Model& m) : m_(m) {}
  const OrgGraph& of(int org) {
    auto& g = graphs_[org];
    if (!g) g = std::make_unique<OrgGraph>(m_, org);
    return *g;
  }

 private:
  const model::Model& m_;
  std::map<int, std::unique_ptr<OrgGraph>> graphs_;
};

// Reports an evaluation error on stderr; true when there was one.
bool report_error(const Workspace& ws, const ScenarioResult& r) {
  if (!r.error) return false;
  const auto& sc = ws.model.scenarios[r.scenario];
  std::string where = r.error->breach >= 0 ? ", " + breach_label(ws.model, sc.breaches[r.error->breach]) : "";
  report(ws, {Severity::Error, r.error->loc,
              fmt::format("evaluation of scenario \"{}\" failed{}: {}", sc.title, where, r.error->message)});
  return true;
}

void report_unattributed(const Workspace& ws, const ScenarioResult& r) {
  const auto& sc = ws.model.scenarios[r.scenario];
  for (int bi : r.unattributed) {
    const auto& b = sc.breaches[bi];
    report(ws, {Severity::Warning, b.loc,
                fmt::format("{} in scenario \"{}\" is unattributed: no one is accountable for '{}' on that date",
                            breach_label(ws.model, b), sc.title, ws.model.areas[ws.model.breach_types[b.type].area].id)});
  }
}

}  // namespace

int run_check(const Options& o) {
  int code = 0;
  auto ws = load_workspace(o.files, &code, /*warnings=*/true);
  return code;
}

int run_eval(const Options& o) {
  if (o.format != "text" && o.format != "json") {
    fmt::print(stderr, "smr eval: --format must be text or json, not '{}'\n", o.format);
    return 2;
  }
  int code = 0;
  auto ws = load_workspace(o.files, &code);
  if (!ws) return code;
  std::vector<int> chosen;
  if (!pick_scenarios(ws->model, o.scenarios, &chosen)) return 2;
  Graphs graphs(ws->model);
  ReportOptions ro{o.explain, o.all_persons};
  EvalOptions eo{o.explain};
  std::string out;
  for (int s : chosen) {
    ScenarioResult r = evaluate_scenario(ws->model, graphs.of(ws->model.scenarios[s].org), s, eo);
    if (report_error(*ws, r)) {
      code = 1;
      continue;
    }
    report_unattributed(*ws, r);
    if (o.format == "json") {
      out += json_report(ws->model, r, ro);
    } else {
      out += (out.empty() ? "" : "\n") + text_report(ws->model, r, ro);
    }
  }
  emit(out);
  return code;
}

int run_test(const Options& o) {
  int code = 0;
  auto ws = load_workspace(o.files, &code);
  if (!ws) return code;
  Graphs graphs(ws->model);
  std::string out;
  std::vector<TestCase> cases;
  std::vector<int> sanctions_by_rule(ws->model.rules.size(), 0);
  for (size_t s = 0; s < ws->model.scenarios.size(); ++s) {
    const auto& sc = ws->model.scenarios[s];
    if (sc.expectations.empty()) continue;
    ScenarioResult r = evaluate_scenario(ws->model, graphs.of(sc.org), static_cast<int>(s), {});
    TestCase tc{static_cast<int>(s), {}, false};
    if (r.error) {
      report_error(*ws, r);
      tc.errored = true;
      tc.differences.push_back("evaluation failed: " + r.error->message);
    } else {
      tc.differences = expectation_failures(ws->model, r);
      for (const auto& p : r.persons) {
        for (const auto& rec : p.records) sanctions_by_rule[rec.rule] += rec.imposed;
      }
    }
    out += fmt::format("{} {}\n", tc.differences.empty() ? "PASS" : "FAIL", sc.title);
    for (const auto& d : tc.differences) out += fmt::format("  {}\n", d);
    cases.push_back(std::move(tc));
  }
  if (!o.junit.empty()) {
    std::string error;
    if (!write_junit(*ws, cases, o.junit, &error)) {
      fmt::print(stderr, "smr test: cannot write {}: {}\n", o.junit, error);
      return 2;
    }
  }
  if (o.coverage) out += coverage_report(ws->model, sanctions_by_rule);
  int failed = static_cast<int>(std::count_if(cases.begin(), cases.end(),
                                              [](const TestCase& c) { return !c.differences.empty(); }));
  out += fmt::format("{} passed, {} failed\n", static_cast<int>(cases.size()) - failed, failed);
  emit(out);
  return failed ? 1 : 0;
}

}  // namespace smr::cli
