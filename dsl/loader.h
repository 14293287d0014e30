// Reads the files of a model and everything they import.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/loader.h is private to dsl/: use engine/compile.h"
#endif

#include <string>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/front_end.h"

namespace smr {

struct LoadResult {
  std::vector<ast::File> files;
  // For each file id (index file_id - 1), the index in `paths` of the
  // command-line file that brought it in (itself, or by imports).
  std::vector<int> root_of;
  // A file named on the command line could not be read (exit code 2).
  std::string unreadable;
};

// Parses every root file (read from disk, or given as text) and,
// transitively, every file they import, on up to `jobs` threads per large
// file. Each file is loaded once (an import cycle is fine); an import is
// relative to the importing file, and a missing one is an error at the
// import.
// Imports may only read files below the directory of an input file or below
// one of `extra_roots`. With `defer_scenarios`, the scenarios that end a
// large file are left to the checker (see ast::ScenarioTail).
LoadResult load_model(const std::vector<SourceText>& roots, SourceManager& sources,
                      Diagnostics& diags, int jobs, const std::vector<std::string>& extra_roots,
                      bool defer_scenarios = false);

}  // namespace smr
