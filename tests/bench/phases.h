// The benchmark's in-process measurements: each phase of compiling and
// evaluating a workload, which of them run on one thread, and the scaling
// table.
#pragma once

#include <string>

namespace smr::bench {

struct Phases {
  double parse = 0;                                     // read and parse, on two threads
  double check_declarations = 0, check_orgs = 0;        // one thread
  double check_scenarios = 0;                           // two threads
  double org_checks = 0, graphs = 0, person_facts = 0;  // one thread
  double eval_1 = 0, eval_2 = 0;  // evaluation and JSON, on one and on two threads
  double json_mb = 0;
  double peak_mib = 0;  // of this process so far
  size_t scenarios = 0;
};

// The best parse time of `times` compilations on one thread.
double parse_one_thread(const std::string& path, const std::string& text, int times);
// Compiles on two threads and evaluates on one and on two (each twice,
// alternating; the best kept).
Phases measure_phases(const std::string& path, std::string text);
// Each phase with its share of the two-thread pipeline, one-thread phases
// marked.
void print_phases(const Phases& p);

// The scaling table: 10,000, 100,000 and 1,000,000 persons and scenarios.
int run_scale(const std::string& smr);

}  // namespace smr::bench
