// The scenario pass: breaches with their facts and person facts, and
// expectations. Reads a finished model only, so scenarios are checked on
// several threads, and scenarios streamed after the model (JSON Lines) are
// checked by the same code.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/check_scenarios.h is private to dsl/"
#endif

#include <optional>
#include <set>
#include <string>

#include "dsl/ast.hpp"
#include "dsl/check_context.h"
#include "dsl/core/diagnostic.h"
#include "dsl/model.h"

namespace smr::check {

class ScenarioChecker {
 public:
  // `model` must have its orgs, facts and rules checked; `symbols` are its names.
  ScenarioChecker(const model::Model& model, const Symbols& symbols)
      : m_(model), symbols_(symbols) {}
  // The scenario, or nullopt when it has errors (reported to `diags`).
  // Safe to call from several threads at once.
  std::optional<model::Scenario> check(const ast::Scenario& s, Diagnostics& diags) const;

 private:
  int org_of(const ast::Scenario& s, Diagnostics& diags) const;
  const StringSet* broken_persons(const model::Org& org) const;
  model::ScenarioBreach breach(const model::Org& org, const ast::ScenarioBreach& b, int order,
                               Diagnostics& diags) const;
  // Reports the facts the breach's rules read that it leaves unset and
  // that have no default.
  void needs_facts(const model::ScenarioBreach& br, const ast::ScenarioBreach& b,
                   Diagnostics& diags) const;
  void expectation(const model::Org& org, const ast::Expect& e, model::Scenario& sc,
                   Diagnostics& diags) const;

  const model::Model& m_;
  const Symbols& symbols_;
};

}  // namespace smr::check
