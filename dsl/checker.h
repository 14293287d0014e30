// Turns syntax trees into the checked model: resolves every name, checks
// every type, converts every literal, and reports what is wrong. The work
// is done by the passes of check_*.cc, in order.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/checker.h is private to dsl/: use engine/compile.h"
#endif

#include <cstdint>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/front_end.h"
#include "dsl/model.h"

namespace smr {

struct CheckOptions {
  int jobs = 1;  // threads for checking scenarios
  // JSON files of `sources` holding orgs (an HR system's export), added
  // once functions and areas are known and before scenarios are checked.
  const SourceManager* sources = nullptr;
  std::vector<uint32_t> org_json_files;
  CheckSeconds* seconds = nullptr;  // filled in when given
  // Set to true when a file's scenario tail (ast::File::tail) turned out
  // not to be scenarios parsing cleanly: the model is then incomplete, and
  // the caller parses those files whole and checks again.
  bool* tail_failed = nullptr;
};

// Checks the files of one model (all but the org-graph checks, which the
// engine makes). The model is complete only when `diags` has no errors;
// with errors it holds what could be resolved. The bodies of orgs and
// scenarios in `files` are emptied as they are checked.
model::Model check_model(std::vector<ast::File>& files, Diagnostics& diags,
                         const CheckOptions& options);

}  // namespace smr
