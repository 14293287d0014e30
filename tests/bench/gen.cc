// Writes the benchmark workload to a file: `smr_bench_gen OUT.smr [persons scenarios]`.
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "tests/bench/workload.h"

int main(int argc, char** argv) {
  // An option where the path goes (`--help`) gets the usage, not a file
  // named after it.
  if (argc < 2 || argv[1][0] == '-') {
    std::fprintf(stderr, "usage: smr_bench_gen OUT.smr [persons scenarios]\n");
    return 2;
  }
  smr::bench::WorkloadSize size;
  if (argc >= 4) {
    size.persons = std::atoi(argv[2]);
    size.scenarios = std::atoi(argv[3]);
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << smr::bench::generate_workload(size);
  out.close();
  if (!out) {
    std::fprintf(stderr, "smr_bench_gen: cannot write %s\n", argv[1]);
    return 2;
  }
  return 0;
}
