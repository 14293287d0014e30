// Writes the benchmark workload to a file: `smr_bench_gen OUT.smr [persons scenarios]`.
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "tests/bench/workload.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: smr_bench_gen OUT.smr [persons scenarios]\n");
    return 2;
  }
  smr::bench::WorkloadSize size;
  if (argc >= 4) {
    size.persons = std::atoi(argv[2]);
    size.scenarios = std::atoi(argv[3]);
  }
  std::ofstream(argv[1], std::ios::binary) << smr::bench::generate_workload(size);
  return 0;
}
