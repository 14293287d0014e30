// `smr eval --scenarios-jsonl`: scenarios one JSON object a line, one JSON
// result a line, as they come: lines are read while earlier ones are
// evaluated. Memory is bounded by bytes: the lines in flight hold at most
// StreamLimits::max_weight (32 MiB) of input past one line, a line at most
// kMaxLineBytes, and a line's diagnostics at most kDiagnosticsPerLine.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "cli/line_reader.h"
#include "cli/output.h"
#include "cli/report.h"
#include "dsl/core/parallel.h"
#include "dsl/json_input.h"
#include "engine/evaluator.h"

namespace smr::cli {
namespace {

constexpr size_t kMaxLineBytes = size_t{64} << 20;
constexpr size_t kDiagnosticsPerLine = 20;

// Opens the stream: "-" is stdin; otherwise a regular file or a pipe.
std::FILE* open_stream(const std::string& path, std::string* error) {
  if (path == "-") return stdin;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *error = "no such file";
    return nullptr;
  }
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    *error = S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file or a pipe";
    return nullptr;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) *error = "cannot open it";
  return f;
}

// A line's diagnostics, rendered, at most kDiagnosticsPerLine of them.
std::vector<std::string> render_capped(const SourceManager& sources, const Diagnostics& d) {
  std::vector<std::string> out;
  size_t shown = 0, errors = 0;
  for (const auto& diag : d.all()) {
    if (diag.severity != Severity::Note) ++errors;
    if (shown < kDiagnosticsPerLine) {
      out.push_back(sources.render(diag));
      shown += diag.severity != Severity::Note;
    }
  }
  if (errors > shown) {
    out.back() += fmt::format("smr: {} more errors on this line not shown\n", errors - shown);
  }
  return out;
}

// `PASS name` or `FAIL name` and the differences, as `smr test` prints them.
Evaluated test_result(const Workspace& ws, const ScenarioResult& r) {
  std::vector<std::string> differences = expectation_failures(ws.model, r);
  Evaluated e;
  e.text = fmt::format("{} {}\n", differences.empty() ? "PASS" : "FAIL",
                       printable_message(r.source->title));
  for (const auto& d : differences) e.text += fmt::format("  {}\n", d);
  e.test_failed = !differences.empty();
  return e;
}

struct Line {
  long number = 0;
  std::string text;
  bool too_long = false;
};

}  // namespace

int stream_scenarios(const Workspace& ws, const Options& o, bool testing) {
  std::string label = o.scenarios_jsonl == "-" ? "<stdin>" : o.scenarios_jsonl;
  std::string error;
  std::FILE* file = open_stream(o.scenarios_jsonl, &error);
  if (!file) {
    fmt::print(stderr, "smr: cannot read {}: {}\n", o.scenarios_jsonl, error);
    return 2;
  }
  LineReader lines(file, kMaxLineBytes);
  JsonScenarioReader reader(ws.model);
  ReportOptions ro{o.explain, o.all_persons, o.why_not};
  EvalOptions eo;
  eo.explain = o.explain;
  eo.why_not = o.why_not;
  eo.paths = o.explain;  // only explanations show them
  eo.records = o.explain;
  ResultWriter writer(!testing && o.format == "text");
  int passed = 0, failed_tests = 0;
  auto wanted = [&o](const std::string& title) {
    return o.scenarios.empty() ||
           std::find(o.scenarios.begin(), o.scenarios.end(), title) != o.scenarios.end();
  };
  auto next = [&](Line& line) {
    while (lines.next(&line.text, &line.number, &line.too_long)) {
      if (line.too_long || line.text.find_first_not_of(" \t") != std::string::npos) return true;
    }
    return false;
  };
  ordered_parallel_stream<Line, Evaluated>(
      jobs_of(o), StreamLimits{}, next, [](const Line& l) { return l.text.size(); },
      [&](Line& in) {
        if (in.too_long) {
          return Evaluated{"",
                           {fmt::format("{}:{}:1: error: the line is longer than {} MiB; a "
                                        "scenario is one line of at most that\n",
                                        label, in.number, kMaxLineBytes >> 20)},
                           true};
        }
        SourceManager local;
        uint32_t id = local.add(label, std::move(in.text), static_cast<int>(in.number));
        Diagnostics d;
        std::optional<model::Scenario> sc = reader.read(local, id, d);
        if (!sc) return Evaluated{"", render_capped(local, d), true};
        if (!wanted(sc->title) || (testing && sc->expectations.empty())) return Evaluated{};
        ScenarioResult r = evaluate_scenario(ws.model, ws.graph(sc->org), *sc, eo);
        if (r.error) return Evaluated{"", {local.render(evaluation_error(ws.model, r))}, true};
        if (testing) return test_result(ws, r);
        return Evaluated{
            o.format == "json" ? json_report(ws.model, r, ro) : text_report(ws.model, r, ro),
            {},
            false};
      },
      [&](Evaluated&& e) {
        if (testing && (e.failed || e.test_failed)) ++failed_tests;
        if (testing && !e.failed && !e.text.empty() && !e.test_failed) ++passed;
        writer.write(std::move(e));
      });
  bool failed = lines.failed();
  if (file != stdin) std::fclose(file);
  if (failed) {
    writer.flush();
    fmt::print(stderr, "smr: error while reading {}\n", label);
    return 2;
  }
  if (testing) {
    writer.add(fmt::format("{} passed, {} failed\n", passed, failed_tests));
    return failed_tests ? 1 : 0;
  }
  return writer.exit_code();
}

}  // namespace smr::cli
