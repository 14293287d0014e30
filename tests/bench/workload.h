// The synthetic workload of the benchmark: a large org, many areas and
// rules, and many scenarios, written as .smr text.
#pragma once

#include <string>

namespace smr::bench {

struct WorkloadSize {
  int persons = 100'000;
  int areas = 200;
  int rules = 50;
  int scenarios = 100'000;
  unsigned seed = 20261129;
};

// Deterministic for a given size and seed.
std::string generate_workload(const WorkloadSize& size);

}  // namespace smr::bench
