#include "cli/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "cli/output.h"
#include "cli/report.h"
#include "cli/test_report.h"
#include "cli/workspace.h"
#include "dsl/core/parallel.h"
#include "dsl/core/source.h"
#include "dsl/core/spelling.h"
#include "dsl/json_input.h"
#include "engine/evaluator.h"

namespace smr::cli {
namespace {

// The diagnostics a scenario's evaluation raises: its error, or a warning
// for each unattributed breach. Rendered as text, ready for stderr.
std::vector<std::string> evaluation_diagnostics(const Workspace& ws, const ScenarioResult& r) {
  const auto& sc = *r.source;
  if (r.error) return {ws.sources.render(evaluation_error(ws.model, r))};
  std::vector<std::string> out;
  for (int bi : r.unattributed) {
    const auto& b = sc.breaches[bi];
    out.push_back(ws.sources.render(
        {Severity::Warning, b.loc,
         fmt::format(
             "{} in scenario \"{}\" is unattributed: no one is accountable for '{}' on that date",
             breach_label(ws.model, b), sc.title,
             ws.model.areas[ws.model.breach_types[b.type].area].id)}));
  }
  return out;
}

}  // namespace

int run_check(const Options& o) {
  int code = 0;
  LoadOptions lo{true, true, "", o.org_json, o.jobs, o.roots};
  auto ws = load_workspace(o.files, &code, lo);
  if (ws) release_at_exit(std::move(ws));
  return code;
}

namespace {

// Each --why-not id names a person of some org; otherwise a usage error
// with the closest id.
bool why_not_persons_known(const model::Model& m, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    std::vector<std::string> all;
    bool found = false;
    for (const auto& org : m.orgs) {
      found = found || org.find_person(id) >= 0;
      if (!found && all.size() < 100'000)
        for (const auto& p : org.persons) all.push_back(p.id);
    }
    if (found) continue;
    std::string hint = closest_name(id, all);
    fmt::print(stderr, "smr eval: --why-not: no person '{}' in any org{}\n", printable_message(id),
               hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint));
    return false;
  }
  return true;
}

}  // namespace

int run_eval(const Options& o) {
  if (o.format != "text" && o.format != "json") {
    fmt::print(stderr, "smr eval: --format must be text or json, not '{}'\n", o.format);
    return 2;
  }
  int code = 0;
  auto ws = load_workspace(o.files, &code, {false, false, "", o.org_json, o.jobs, o.roots});
  if (!ws) return code;
  if (!why_not_persons_known(ws->model, o.why_not)) return 2;
  if (!o.scenarios_jsonl.empty()) return stream_scenarios(*ws, o, false);
  std::vector<int> chosen;
  if (!pick_scenarios(ws->model, o.scenarios, "eval", &chosen)) return 2;
  ReportOptions ro{o.explain, o.all_persons, o.why_not};
  EvalOptions eo;
  eo.explain = o.explain;
  eo.why_not = o.why_not;
  eo.paths = o.explain;  // only explanations show them
  eo.records = o.explain;
  ResultWriter writer(o.format == "text");
  ordered_parallel_map<Evaluated>(
      chosen.size(), jobs_of(o), 64,
      [&](size_t i) {
        int s = chosen[i];
        ScenarioResult r =
            evaluate_scenario(ws->model, ws->graph(ws->model.scenarios[s].org), s, eo);
        Evaluated e{"", evaluation_diagnostics(*ws, r), r.error.has_value()};
        if (!r.error)
          e.text =
              o.format == "json" ? json_report(ws->model, r, ro) : text_report(ws->model, r, ro);
        return e;
      },
      [&](Evaluated&& e) { writer.write(std::move(e)); });
  release_at_exit(std::move(ws));
  return writer.exit_code();
}

namespace {

// True, with a message, when `path` names one of the model's own files.
bool is_model_file(const Workspace& ws, const std::string& path) {
  std::error_code ec;
  auto target = std::filesystem::weakly_canonical(path, ec);
  for (uint32_t f = 1; f <= ws.sources.file_count(); ++f) {
    if (std::filesystem::weakly_canonical(ws.sources.path(f), ec) == target) {
      fmt::print(stderr,
                 "smr test: --junit {} would overwrite a file of the model; choose another path\n",
                 path);
      return true;
    }
  }
  return false;
}

}  // namespace

int run_test(const Options& o) {
  int code = 0;
  auto ws = load_workspace(o.files, &code, {false, false, "", o.org_json, o.jobs, o.roots});
  if (!ws) return code;
  if (!o.junit.empty() && is_model_file(*ws, o.junit)) return 2;
  if (!o.scenarios_jsonl.empty()) return stream_scenarios(*ws, o, true);
  std::vector<int> with_expectations;
  for (size_t s = 0; s < ws->model.scenarios.size(); ++s) {
    if (!ws->model.scenarios[s].expectations.empty())
      with_expectations.push_back(static_cast<int>(s));
  }
  struct Tested {
    TestCase test;
    std::vector<std::string> diagnostics;
    std::shared_ptr<Coverage> coverage;
  };
  Output out;
  std::vector<TestCase> cases;
  bool counting = o.coverage || !o.coverage_json.empty();
  Coverage coverage(ws->model);
  EvalOptions eo;
  eo.coverage = counting;
  eo.paths = false;  // expectations compare outcomes only
  ordered_parallel_map<Tested>(
      with_expectations.size(), jobs_of(o), 64,
      [&](size_t i) {
        int s = with_expectations[i];
        ScenarioResult r =
            evaluate_scenario(ws->model, ws->graph(ws->model.scenarios[s].org), s, eo);
        Tested t{{s, {}, false}, {}, r.coverage};
        if (r.error) {
          t.diagnostics = evaluation_diagnostics(*ws, r);
          t.test.errored = true;
          t.test.differences.push_back("evaluation failed: " + r.error->message);
        } else {
          t.test.differences = expectation_failures(ws->model, r);
        }
        return t;
      },
      [&](Tested&& t) {
        if (!t.diagnostics.empty()) out.flush();
        for (const auto& d : t.diagnostics) fmt::print(stderr, "{}", d);
        if (t.coverage) coverage.merge(*t.coverage);
        const auto& sc = ws->model.scenarios[t.test.scenario];
        out.add(fmt::format("{} {}\n", t.test.differences.empty() ? "PASS" : "FAIL",
                            printable_message(sc.title)));
        for (const auto& d : t.test.differences) out.add(fmt::format("  {}\n", d));
        cases.push_back(std::move(t.test));
      });
  if (!o.junit.empty()) {
    std::string error;
    if (!write_junit(*ws, cases, o.junit, &error)) {
      out.flush();
      fmt::print(stderr, "smr test: cannot write {}: {}\n", o.junit, error);
      return 2;
    }
  }
  std::string error;
  if (!o.coverage_json.empty() &&
      !write_text_file(o.coverage_json, coverage_json(ws->model, coverage), &error)) {
    out.flush();
    fmt::print(stderr, "smr test: cannot write {}: {}\n", o.coverage_json, error);
    return 2;
  }
  if (o.coverage) out.add(coverage_report(ws->model, coverage));
  int failed = static_cast<int>(std::count_if(
      cases.begin(), cases.end(), [](const TestCase& c) { return !c.differences.empty(); }));
  out.add(fmt::format("{} passed, {} failed\n", static_cast<int>(cases.size()) - failed, failed));
  release_at_exit(std::move(ws));
  return failed ? 1 : 0;
}

}  // namespace smr::cli
