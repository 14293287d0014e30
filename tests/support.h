// Helpers shared by the tests: compile .smr text held in a string, run a
// scenario, and read diagnostics as `line:col: severity: message`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/model.h"
#include "engine/compile.h"
#include "engine/result.h"

namespace smr::testing {

struct Compiled {
  explicit Compiled(std::unique_ptr<Compilation> c)
      : compilation(std::move(c)),
        sources(compilation->sources),
        diags(compilation->diags),
        model(compilation->model) {}
  std::unique_ptr<Compilation> compilation;
  SourceManager& sources;
  Diagnostics& diags;
  model::Model& model;
  // Every diagnostic as `line:col: error: message`.
  std::vector<std::string> lines() const;
  // Only the errors, in the same form.
  std::vector<std::string> errors() const;
};

// Compiles `text` as the file `test.smr` (org checks included).
std::unique_ptr<Compiled> compile(const std::string& text);

// Evaluates the scenario titled `title`; the model must be free of errors.
ScenarioResult run(const Compiled& c, const std::string& title, bool explain = false);
PersonResult person(const Compiled& c, const ScenarioResult& r, const std::string& id);
// The person's outcome as an expect line writes it: `censure, fine 1.00 GBP`.
std::string outcome(const Compiled& c, const ScenarioResult& r, const std::string& id);

// Runs the smr binary with `args` (a shell fragment); returns the exit code
// and fills stdout and stderr.
// With `cwd`, the command runs in that directory.
int run_smr(const std::string& args, std::string* out, std::string* err,
            const std::string& cwd = "");
// A fresh temporary directory for a test's files.
std::string temp_dir();
void write_file(const std::string& path, const std::string& text);
// The whole file (empty when it cannot be read).
std::string read_file(const std::string& path);

}  // namespace smr::testing
