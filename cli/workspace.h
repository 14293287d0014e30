// Compiles the model a command names and prints its diagnostics.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "dsl/core/diagnostic.h"
#include "engine/compile.h"

namespace smr::cli {

// A model as the commands use it, with the sources its places point into.
using Workspace = Compilation;

struct LoadOptions {
  bool warnings = false;           // eval, test and the rest leave warnings to `smr check`
  bool summary = false;            // `smr check`: an "ok: ..." line when there is no error
  std::string label;               // "base" / "head" in messages of `diff`
  std::string org_json;            // a JSON file of orgs to add, if not empty
  int jobs = 0;                    // 0: every core
  std::vector<std::string> roots;  // where imports may also read
};

// Compiles `files`, writes every diagnostic to stderr, and returns the
// workspace. On failure returns nullptr and sets `exit_code` (2: a file
// could not be read; 1: the model has errors).
std::unique_ptr<Workspace> load_workspace(const std::vector<std::string>& files, int* exit_code,
                                          const LoadOptions& options);

// The two versions `diff`, `explore` and `report` compare: each version's
// files (--base, --head) followed by the shared ones. False, with
// *exit_code set, when either cannot be loaded (its diagnostics printed).
bool load_versions(const Options& o, std::unique_ptr<Workspace>* base,
                   std::unique_ptr<Workspace>* head, int* exit_code);

// Keeps `ws` alive until the process exits instead of freeing it.
void release_at_exit(std::unique_ptr<Workspace> ws);

// Writes a diagnostic about a scenario's evaluation to stderr.
void report(const Workspace& ws, const Diagnostic& d);

// Writes `text` to stdout in one go.
void emit(const std::string& text);
// The texts, one after another, in as few writes as the system allows.
void emit(const std::vector<std::string>& texts);
// The errno of the first failed write to stdout, or 0.
int output_errno();

}  // namespace smr::cli
