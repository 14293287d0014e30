// `smr explore`: generated scenarios that tell two versions of a model
// apart. A bounded search over breach types, dates around every change in
// the org and every date the rules compare with, severities 1 to 5, facts
// at the boundaries of the rules' comparisons, person facts of the people
// the selectors reach, and pairs of breaches around the rules' windows.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dsl/model.h"
#include "engine/compile.h"
#include "engine/outcome_diff.h"

namespace smr {

// A generated breach, by name, so that each version resolves it.
struct ProbeBreach {
  std::string type;
  Date date;
  int64_t severity = 1;
  std::vector<std::pair<std::string, model::Value>> facts;  // those not at their baseline
  struct PersonFact {
    std::string person, fact;
    model::Value value;
  };
  std::vector<PersonFact> person_facts;
};

// A generated scenario: one org, one or two breaches.
struct Probe {
  std::string org;
  std::vector<ProbeBreach> breaches;
  int size() const;  // breaches, then the values set: smaller is simpler
};

struct ExploreOptions {
  int64_t max = 100'000;  // scenarios explored at most
  uint64_t seed = 1;      // which ones, when there are more than max
  int jobs = 1;
};

// A probe on which the versions differ, with the people whose outcome moved.
struct Distinguishing {
  Probe probe;
  std::vector<PersonChange> changes;  // by person id
  std::vector<std::string> lenient;   // persons head treats more leniently
};

struct ExploreResult {
  int64_t explored = 0;
  std::vector<Distinguishing> distinguishing;  // smallest first
  size_t lenient_scenarios() const;
};

// Explores the orgs both versions share. Both compilations must be free of
// errors.
ExploreResult explore(const Compilation& base, const Compilation& head,
                      const ExploreOptions& options);

// The scenario a probe stands for in `m` (names resolved, defaults filled);
// false when `m` lacks the org or a breach type.
bool instantiate(const model::Model& m, const Probe& probe, model::Scenario* out);

}  // namespace smr
