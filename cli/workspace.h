// Loads and checks a model for a command, printing its diagnostics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.h"
#include "dsl/model.h"
#include "dsl/source.h"

namespace smr::cli {

// A model as the commands use it, with the sources its places point into.
struct Workspace {
  std::vector<ast::File> syntax;  // kept only to be freed with the rest
  SourceManager sources;
  Diagnostics diags;
  model::Model model;
  std::vector<int> root_of;  // per file id - 1: the command-line file it came from
  // True when `loc` lies in a file brought in by command-line file >= `first`.
  bool from_root_at_or_after(SourceLoc loc, int first) const {
    return loc.valid() && loc.file <= root_of.size() && root_of[loc.file - 1] >= first;
  }
};

// Parses, checks and graph-checks `files`, writes every diagnostic to
// stderr, and returns the workspace. On failure returns nullptr and sets
// `exit_code` (2: a file could not be read; 1: the model has errors).
// `warnings` false shows errors only (eval, test and the rest leave
// warnings to `smr check`).
// `org_json`, if not empty, names a JSON file of orgs to add to the model.
std::unique_ptr<Workspace> load_workspace(const std::vector<std::string>& files, int* exit_code,
                                          bool warnings = false, const std::string& label = "",
                                          const std::string& org_json = "");

// Keeps `ws` alive until the process exits instead of freeing it.
void release_at_exit(std::unique_ptr<Workspace> ws);

// Writes a diagnostic about a scenario's evaluation to stderr.
void report(const Workspace& ws, const Diagnostic& d);

// Writes `text` to stdout in one go.
void emit(const std::string& text);

}  // namespace smr::cli
