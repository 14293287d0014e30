// The one way to build a model: read, parse, check, then the org-graph
// checks and one graph per org. The CLI, the tests, the fuzzers and the
// benchmark all compile through here.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/front_end.h"
#include "dsl/model.h"
#include "engine/org_graph.h"

namespace smr {

struct CompileOptions {
  int jobs = 0;                           // threads for parsing and checking; 0: every core
  bool org_warnings = true;               // coverage gaps and the like (errors are always reported)
  bool keep_syntax_to_exit = false;       // see FrontEndInput
  std::vector<std::string> import_roots;  // see FrontEndInput
  bool stream_scenarios = true;           // see FrontEndInput
};

// A compiled model with the sources its places point into. `diags` holds
// every diagnostic, sorted by place; the model may be evaluated only when
// `ok()`.
struct Compilation {
  SourceManager sources;
  Diagnostics diags;
  model::Model model;
  std::vector<int> root_of;  // per file id - 1: the input file that brought it in
  std::string unreadable;    // an input file could not be read ("path: reason")
  std::vector<std::unique_ptr<OrgGraph>> graphs;  // per org, built when ok()
  struct {
    double parse = 0, check = 0, org_checks = 0, graphs = 0;
    CheckSeconds check_parts;  // the parts of `check`
    double person_facts = 0;   // person facts the rules need, per breach (one thread)
  } seconds;

  bool ok() const { return unreadable.empty() && !diags.has_errors(); }
  const OrgGraph& graph(int org) const { return *graphs[org]; }
  // True when `loc` lies in a file brought in by input file >= `first`.
  bool from_root_at_or_after(SourceLoc loc, int first) const {
    return loc.valid() && loc.file <= root_of.size() && root_of[loc.file - 1] >= first;
  }
};

std::unique_ptr<Compilation> compile(std::vector<SourceText> files,
                                     std::vector<SourceText> org_json,
                                     const CompileOptions& options);
// The same for files on disk.
std::unique_ptr<Compilation> compile_files(const std::vector<std::string>& paths,
                                           const std::vector<std::string>& org_json,
                                           const CompileOptions& options);
// One file given as text.
std::unique_ptr<Compilation> compile_text(std::string path, std::string text,
                                          const CompileOptions& options = {});

}  // namespace smr
