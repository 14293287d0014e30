// The language front end's public face: files in, the checked model and
// its diagnostics out. Nothing of the syntax tree or of Spirit shows here;
// engine/compile.h adds the org-graph checks on top.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/model.h"

namespace smr {

// A file of the model: read from `path`, or, when `text` is set, that text
// under that name (tests, fuzzers, editors). Imports are read from disk.
struct SourceText {
  std::string path;
  std::optional<std::string> text;
};

struct FrontEndInput {
  std::vector<SourceText> files;     // the model's files, as named on the command line
  std::vector<SourceText> org_json;  // orgs exported from an HR system
  int jobs = 1;                      // threads for parsing large files and checking scenarios
  // Imports read only files below an input file's directory or below one
  // of these.
  std::vector<std::string> import_roots;
  // A one-shot command: the syntax tree of a large model is millions of
  // nodes that nothing reads again, so leave them to the process's end
  // rather than spend time freeing them.
  bool keep_syntax_to_exit = false;
  // Parse the scenarios that end a large file as they are checked, a piece
  // at a time, so that their syntax tree never exists whole (the model and
  // the diagnostics are the same either way).
  bool stream_scenarios = true;
};

// How long the checker's phases took (the benchmark reads them).
struct CheckSeconds {
  double declarations = 0;  // regime, functions, facts, tables, breach types, rules (one thread)
  double orgs = 0;          // orgs, .smr and JSON (one thread)
  double scenarios = 0;     // scenarios (on `jobs` threads)
};

// What the front end produced. `unreadable` is set ("path: reason") when a
// file named in the input could not be read; nothing else is then done.
struct FrontEndOutput {
  model::Model model;
  // Per file id - 1: the index in `files` of the input file that brought it in.
  std::vector<int> root_of;
  std::string unreadable;
  double parse_seconds = 0, check_seconds = 0;
  CheckSeconds check_parts;  // the parts of check_seconds
};

// Reads, parses and checks the model. Diagnostics go to `diags`, with places
// in `sources`.
FrontEndOutput build_model(const FrontEndInput& input, SourceManager& sources, Diagnostics& diags);

}  // namespace smr
