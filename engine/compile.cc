#include "engine/compile.h"

#include <chrono>

#include "dsl/core/parallel.h"
#include "engine/org_checks.h"
#include "engine/person_fact_checks.h"

namespace smr {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::unique_ptr<Compilation> compile(std::vector<SourceText> files,
                                     std::vector<SourceText> org_json,
                                     const CompileOptions& options) {
  auto c = std::make_unique<Compilation>();
  FrontEndInput input;
  input.files = std::move(files);
  input.org_json = std::move(org_json);
  input.jobs = options.jobs > 0 ? options.jobs : default_jobs();
  input.keep_syntax_to_exit = options.keep_syntax_to_exit;
  input.import_roots = options.import_roots;
  input.stream_scenarios = options.stream_scenarios;
  FrontEndOutput out = build_model(input, c->sources, c->diags);
  c->model = std::move(out.model);
  c->root_of = std::move(out.root_of);
  c->unreadable = std::move(out.unreadable);
  c->seconds.parse = out.parse_seconds;
  c->seconds.check = out.check_seconds;
  c->seconds.check_parts = out.check_parts;
  if (!c->unreadable.empty()) return c;
  auto start = std::chrono::steady_clock::now();
  // The graphs are built on another core while the orgs are checked (both
  // only read the model); they are dropped should the checks find an error.
  std::vector<std::unique_ptr<OrgGraph>> graphs;
  auto build_graphs = [&] {
    for (size_t o = 0; o < c->model.orgs.size(); ++o) {
      graphs.push_back(std::make_unique<OrgGraph>(c->model, static_cast<int>(o)));
    }
  };
  bool built_beside = false;
  if (!c->diags.has_errors()) {
    TaskGroup builder;
    built_beside = input.jobs > 1 && builder.start(build_graphs);
    check_orgs(c->model, c->diags, options.org_warnings);
  }  // the graphs built beside, if they were
  c->seconds.org_checks = seconds_since(start);
  c->diags.sort_by_place();
  if (!c->ok()) return c;
  start = std::chrono::steady_clock::now();
  if (!built_beside) build_graphs();
  c->graphs = std::move(graphs);
  c->seconds.graphs = seconds_since(start);
  start = std::chrono::steady_clock::now();
  check_person_facts(c->model, c->graphs, c->diags);
  c->seconds.person_facts = seconds_since(start);
  c->diags.sort_by_place();
  if (c->diags.has_errors()) c->graphs.clear();  // not to be evaluated
  return c;
}

std::unique_ptr<Compilation> compile_files(const std::vector<std::string>& paths,
                                           const std::vector<std::string>& org_json,
                                           const CompileOptions& options) {
  std::vector<SourceText> files, orgs;
  for (const auto& p : paths) files.push_back({p, std::nullopt});
  for (const auto& p : org_json) orgs.push_back({p, std::nullopt});
  return compile(std::move(files), std::move(orgs), options);
}

std::unique_ptr<Compilation> compile_text(std::string path, std::string text,
                                          const CompileOptions& options) {
  return compile({{std::move(path), std::move(text)}}, {}, options);
}

}  // namespace smr
