// What a suite of scenarios exercised of a model: sanctions per rule and
// per `then` clause, how often each `when` and `where` was true and false,
// each table row (and default) used, and each breach type's breaches.
// Counted per scenario, then merged.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "dsl/model.h"

namespace smr {

struct Coverage {
  explicit Coverage(const model::Model& m);
  std::vector<int64_t> rule_sanctions;                              // per rule: imposed sanctions
  std::vector<std::vector<int64_t>> clause_sanctions;               // per rule, per clause
  std::vector<std::array<int64_t, 2>> when;                         // per rule: [false, true]
  std::vector<std::vector<std::array<int64_t, 2>>> where;           // per rule, per clause
  std::vector<std::vector<std::map<int64_t, int64_t>>> table_rows;  // table, version: key -> uses
  std::vector<std::vector<int64_t>> table_defaults;                 // table, version
  std::vector<int64_t> breach_types;                                // breaches per type

  void merge(const Coverage& other);
};

}  // namespace smr
