// Turns syntax trees into the checked model: resolves every name, checks
// every type, converts every literal, and reports what is wrong.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.h"
#include "dsl/model.h"

namespace smr {

// Checks the files of one model (LANGUAGE.md 4.4, all but the org-graph
// checks, which the engine makes). The model is complete only when `diags`
// has no errors; with errors it holds what could be resolved.
// `extra_orgs`, when set, adds orgs from elsewhere (an HR system's JSON
// export) once functions and areas are known and before scenarios are
// checked, so scenarios may run in them.
using OrgSource = std::function<void(model::Model&, Diagnostics&)>;
model::Model check_model(const std::vector<ast::File>& files, Diagnostics& diags,
                         const OrgSource& extra_orgs = {});

// Checks scenarios that arrive after their model (streamed as JSON Lines)
// exactly as `check_model` checks those in .smr files. Safe to call from
// several threads (calls are serialised; checking is cheap next to
// evaluation).
class ScenarioChecker {
 public:
  explicit ScenarioChecker(const model::Model& model);
  ~ScenarioChecker();
  // nullopt, with the errors in `diags`, when the scenario is wrong.
  std::optional<model::Scenario> check(const ast::Scenario& s, Diagnostics& diags) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The closest of `candidates` to `name` by edit distance, if close enough to
// suggest ("did you mean ...?"); empty otherwise.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace smr
