// The Python binding's native part (`smr._smr`): the same compile, evaluate
// and report code as the CLI. Results cross as the CLI's JSON text, so the
// binding gives byte for byte what `smr eval` prints; smr/__init__.py turns
// it into dicts with Decimal money. The GIL is released while evaluating.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/report.h"
#include "dsl/core/parallel.h"
#include "dsl/json_input.h"
#include "engine/compile.h"
#include "engine/evaluator.h"
#include "engine/outcome_diff.h"

namespace py = pybind11;

namespace {

py::list diagnostics_of(const smr::SourceManager& sources, const smr::Diagnostics& diags) {
  py::list out;
  for (const auto& d : diags.all()) {
    auto at = d.loc.valid() ? sources.line_col(d.loc) : smr::SourceManager::LineCol{};
    py::dict item;
    item["file"] = d.loc.valid() ? sources.path(d.loc.file) : std::string();
    item["line"] = at.line;
    item["column"] = at.column;
    item["severity"] = d.severity == smr::Severity::Error     ? "error"
                       : d.severity == smr::Severity::Warning ? "warning"
                                                              : "note";
    item["message"] = d.message;
    item["text"] = sources.render(d);
    out.append(item);
  }
  return out;
}

int jobs_or_all(int jobs) { return jobs > 0 ? jobs : smr::default_jobs(); }

// A compiled model with its thread count.
class Model {
 public:
  Model(std::unique_ptr<smr::Compilation> c, int jobs) : c_(std::move(c)), jobs_(jobs) {}

  py::list diagnostics() const { return diagnostics_of(c_->sources, c_->diags); }

  // One JSON line per scenario (all, or those titled), as `smr eval
  // --format json` writes them; an evaluation error raises.
  std::vector<std::string> eval_json(const std::vector<std::string>& titles, bool explain,
                                     bool all_persons) const {
    const auto& m = c_->model;
    std::vector<int> chosen;
    for (size_t i = 0; i < m.scenarios.size(); ++i) {
      bool wanted = titles.empty();
      for (const auto& t : titles) wanted = wanted || m.scenarios[i].title == t;
      if (wanted) chosen.push_back(static_cast<int>(i));
    }
    if (chosen.size() < titles.size()) throw py::key_error("no scenario with one of those titles");
    std::vector<std::string> out;
    std::string error;
    {
      py::gil_scoped_release release;
      smr::EvalOptions eo;
      eo.explain = explain;
      smr::cli::ReportOptions ro{explain, all_persons, {}};
      smr::ordered_parallel_map<std::string>(
          chosen.size(), jobs_or_all(jobs_), 64,
          [&](size_t i) {
            int s = chosen[i];
            auto r = smr::evaluate_scenario(m, c_->graph(m.scenarios[s].org), s, eo);
            if (r.error) return "!" + c_->sources.render(smr::cli::evaluation_error(m, r));
            return smr::cli::json_report(m, r, ro);
          },
          [&](std::string&& s) {
            if (!s.empty() && s[0] == '!' && error.empty()) error = s.substr(1);
            out.push_back(std::move(s));
          });
    }
    if (!error.empty()) throw std::runtime_error(error);
    return out;
  }

  // Scenarios as JSON Lines (the `--scenarios-jsonl` format), each result a
  // JSON line as `smr eval --scenarios-jsonl` writes it. A bad line raises
  // ValueError with its diagnostics.
  std::vector<std::string> eval_jsonl(const std::vector<std::string>& lines, bool explain) const {
    std::vector<std::string> out(lines.size());
    std::string error;
    {
      py::gil_scoped_release release;
      smr::JsonScenarioReader reader(c_->model);
      smr::EvalOptions eo;
      eo.explain = explain;
      smr::cli::ReportOptions ro{explain, false, {}};
      smr::ordered_parallel_map<std::string>(
          lines.size(), jobs_or_all(jobs_), 256,
          [&](size_t i) { return one_line(reader, lines[i], i + 1, eo, ro); },
          [&, i = size_t{0}](std::string&& s) mutable {
            if (!s.empty() && s[0] == '!' && error.empty()) error = s.substr(1);
            out[i++] = std::move(s);
          });
    }
    if (!error.empty()) throw py::value_error(error);
    return out;
  }

  const smr::Compilation& compilation() const { return *c_; }

 private:
  std::string one_line(const smr::JsonScenarioReader& reader, const std::string& line, size_t n,
                       const smr::EvalOptions& eo, const smr::cli::ReportOptions& ro) const {
    smr::SourceManager sources;
    uint32_t file = sources.add("<scenarios>", line, static_cast<int>(n));
    smr::Diagnostics diags;
    auto sc = reader.read(sources, file, diags);
    if (!sc || diags.has_errors()) return "!" + sources.render_all(diags);
    auto r = smr::evaluate_scenario(c_->model, c_->graph(sc->org), *sc, eo);
    if (r.error) {
      return "!" + sources.render(smr::cli::evaluation_error(c_->model, r));
    }
    return smr::cli::json_report(c_->model, r, ro);
  }

  std::unique_ptr<smr::Compilation> c_;
  int jobs_;
};

// (model or None, diagnostics)
py::tuple load(const std::vector<std::string>& files, const std::vector<std::string>& org_json,
               int jobs) {
  std::unique_ptr<smr::Compilation> c;
  {
    py::gil_scoped_release release;
    smr::CompileOptions o;
    o.jobs = jobs_or_all(jobs);
    c = smr::compile_files(files, org_json, o);
  }
  py::list diags = diagnostics_of(c->sources, c->diags);
  if (!c->unreadable.empty()) {  // "path: reason"
    py::dict item;
    item["file"] = c->unreadable.substr(0, c->unreadable.rfind(": "));
    item["line"] = 0;
    item["column"] = 0;
    item["severity"] = "error";
    item["message"] = "cannot read " + c->unreadable;
    item["text"] = "smr: cannot read " + c->unreadable;
    diags.append(item);
  }
  if (!c->ok()) return py::make_tuple(py::none(), diags);
  return py::make_tuple(Model(std::move(c), jobs), diags);
}

// The persons whose outcome differs between `base` and `head` on the
// scenarios both have (by title), as `smr diff --format json` reports them.
py::dict diff(const Model& base, const Model& head) {
  const auto& bm = base.compilation().model;
  const auto& hm = head.compilation().model;
  py::list changes;
  int compared = 0, scenarios = 0, scenarios_changed = 0, changed = 0;
  for (size_t s = 0; s < hm.scenarios.size(); ++s) {
    int b = smr::cli::find_scenario(bm, hm.scenarios[s].title);
    if (b < 0) continue;
    ++scenarios;
    auto before = smr::evaluate_scenario(bm, base.compilation().graph(bm.scenarios[b].org), b, {});
    auto after = smr::evaluate_scenario(hm, head.compilation().graph(hm.scenarios[s].org),
                                        static_cast<int>(s), {});
    if (before.error || after.error) throw std::runtime_error("evaluation failed");
    auto d = smr::diff_scenario(bm, before, hm, after);
    compared += d.persons_compared;
    scenarios_changed += !d.changes.empty();
    for (const auto& c : d.changes) {
      ++changed;
      py::dict item;
      item["scenario"] = hm.scenarios[s].title;
      item["person"] = c.person;
      item["before"] = c.before.describe(bm.currency);
      item["after"] = c.after.describe(hm.currency);
      item["rules_before"] = c.rules_before;
      item["rules_after"] = c.rules_after;
      changes.append(item);
    }
  }
  py::dict summary;
  summary["changed"] = changed;
  summary["person_outcomes"] = compared;
  summary["scenarios_changed"] = scenarios_changed;
  summary["scenarios"] = scenarios;
  py::dict out;
  out["changes"] = changes;
  out["summary"] = summary;
  return out;
}

}  // namespace

PYBIND11_MODULE(_smr, m) {
  m.doc() = "smr's native core; use the smr package";
  py::class_<Model>(m, "Model")
      .def("diagnostics", &Model::diagnostics)
      .def("eval_json", &Model::eval_json, py::arg("titles"), py::arg("explain"),
           py::arg("all_persons"))
      .def("eval_jsonl", &Model::eval_jsonl, py::arg("lines"), py::arg("explain"));
  m.def("load", &load, py::arg("files"), py::arg("org_json"), py::arg("jobs"));
  m.def("diff", &diff, py::arg("base"), py::arg("head"));
}
