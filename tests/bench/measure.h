// What the benchmark measures a run of the smr binary with: wall time and
// the peak memory of that one process, a hash of what it wrote, and the
// machine's load.
#pragma once

#include <string>

namespace smr::bench {

struct Run {
  double seconds = 0;
  double peak_mib = 0;  // this process's peak resident memory
  bool ok = false;      // exit code 0 (or the code asked for)
};

// Forks the process that runs commands (call first, while small; else the
// first command does).
void start_spawner();

// Runs `command` (words split by the shell; stdout to `out_path`, stderr
// discarded) and waits for it alone.
Run run_command(const std::string& command, const std::string& out_path = "/dev/null",
                int expected_exit = 0);
// The best (least wall time) of `times` runs; its memory is the largest seen.
Run best_of(int times, const std::string& command, const std::string& out_path = "/dev/null");

// FNV-1a 64 of a file's bytes ("" when it cannot be read).
std::string file_hash(const std::string& path);

// "0.52 0.61 0.70" (1, 5 and 15 minutes).
std::string load_average();

double seconds_since_start();  // of the process, for the run's total

}  // namespace smr::bench
