#include "cli/workspace.h"

#include <cstdio>

#include <fmt/format.h>

#include "dsl/checker.h"
#include "dsl/json_input.h"
#include "dsl/loader.h"
#include "engine/org_checks.h"

namespace smr::cli {

// More diagnostics than this are counted, not printed: a broken generated
// file must not flood a terminal or a CI log.
constexpr int kMaxPrintedDiagnostics = 200;

std::unique_ptr<Workspace> load_workspace(const std::vector<std::string>& files, int* exit_code,
                                          bool warnings, const std::string& label,
                                          const std::string& org_json) {
  auto ws = std::make_unique<Workspace>();
  LoadResult loaded = load_model(files, ws->sources, ws->diags);
  std::string prefix = label.empty() ? "" : label + ": ";
  if (!loaded.unreadable.empty()) {
    fmt::print(stderr, "smr: {}cannot read {}\n", prefix, loaded.unreadable);
    *exit_code = 2;
    return nullptr;
  }
  ws->root_of = loaded.root_of;
  OrgSource extra_orgs;
  if (!org_json.empty()) {
    std::string text, error;
    if (!read_file(org_json, &text, &error)) {
      fmt::print(stderr, "smr: {}cannot read {}: {}\n", prefix, org_json, error);
      *exit_code = 2;
      return nullptr;
    }
    uint32_t id = ws->sources.add(org_json, std::move(text));
    Workspace* w = ws.get();
    extra_orgs = [w, id](model::Model& m, Diagnostics& d) { load_org_json(w->sources, id, m, d); };
  }
  // Check even after syntax errors, so one run reports as much as it can.
  ws->model = check_model(loaded.files, ws->diags, extra_orgs);
  ws->syntax = std::move(loaded.files);
  if (!ws->diags.has_errors()) check_orgs(ws->model, ws->diags, warnings);
  ws->diags.sort_by_place();
  int errors = ws->diags.error_count();
  int shown_warnings = warnings ? ws->diags.warning_count() : 0;
  std::string text;
  bool keep = false;  // a note goes with the message before it
  int shown = 0, hidden = 0;
  for (const auto& d : ws->diags.all()) {
    if (d.severity != Severity::Note) {
      keep = d.severity == Severity::Error || warnings;
      if (keep && ++shown > kMaxPrintedDiagnostics) {
        keep = false;
        ++hidden;
      }
    }
    if (keep) text += ws->sources.render(d);
  }
  if (hidden) text += fmt::format("smr: {} more diagnostics not shown\n", hidden);
  if (!text.empty()) fmt::print(stderr, "{}", text);
  if (errors || shown_warnings) {
    fmt::print(stderr, "smr: {}{} error{}, {} warning{}\n", prefix, errors, errors == 1 ? "" : "s",
               shown_warnings, shown_warnings == 1 ? "" : "s");
  }
  if (errors) {
    *exit_code = 1;
    return nullptr;
  }
  *exit_code = 0;
  return ws;
}

void release_at_exit(std::unique_ptr<Workspace> ws) {
  // The process ends right after the command: freeing a model of millions of
  // nodes would only cost time, so leave it to the operating system.
  // Held through a pointer that is never destroyed, so leak checkers still
  // see the workspace as reachable.
  static auto* kept = new std::vector<Workspace*>();
  kept->push_back(ws.release());
}

void report(const Workspace& ws, const Diagnostic& d) {
  fmt::print(stderr, "{}", ws.sources.render(d));
}

void emit(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

}  // namespace smr::cli
