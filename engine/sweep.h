// `smr sweep`: one scenario re-evaluated with an input set to each value of
// a range. What an input names, and how a value is put into the scenario.
#pragma once

#include <optional>
#include <string>

#include "dsl/model.h"

namespace smr {

// One varied input of a scenario.
struct SweepInput {
  enum class Kind { Fact, Severity, PersonFact, Income, Date };
  Kind kind = Kind::Fact;
  std::string name;         // as written: `children_affected`, `bob.reasonable_steps`
  int index = -1;           // the fact or person fact
  int person = -1;          // in the scenario's org
  size_t person_facts = 0;  // how many person facts the model declares
  model::Type type = model::Type::Int;
  bool percent = false;
};

// Resolves `name` in `m` for a scenario of org `org`: a breach fact,
// `severity`, `date`, `PERSON.relevant_income` or `PERSON.FACT`. nullopt
// with *error (naming the closest name) when it names nothing.
std::optional<SweepInput> resolve_sweep_input(const model::Model& m, int org,
                                              const std::string& name, std::string* error);

// Sets `input` to `v` in every breach of `sc`; for `date`, moves the
// breaches so that the first falls on `v` and the others keep their
// distance from it.
void apply_sweep_input(const SweepInput& input, const model::Value& v, model::Scenario& sc);

}  // namespace smr
