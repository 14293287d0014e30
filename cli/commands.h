// The subcommands of `smr`. Each takes its parsed options and returns the
// process exit code (0 success, 1 model errors or failures, 2 usage/IO).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace smr::cli {

struct Options {
  std::vector<std::string> files;
  std::vector<std::string> scenarios;
  std::string format = "text";
  bool explain = false;
  bool all_persons = false;
  std::vector<std::string> why_not;  // eval --why-not
  int focus = -1;                    // graph --focus
  int64_t max = 100'000;             // explore --max
  uint64_t seed = 1;                 // explore --seed
  bool monotone = false;             // explore --monotone
  std::vector<std::string> vary;     // sweep --vary
  int64_t sweep_max = 10'000;        // sweep --max
  std::string output;                // report -o
  bool check = false, diff = false;  // fmt --check / --diff
  std::string junit;
  bool coverage = false;
  std::string coverage_json;  // test --coverage-json FILE
  std::vector<std::string> base, head;
  bool fail_on_change = false;
  std::string intended, write_intended;  // diff --intended / --write-intended
  std::string org;
  std::string date;
  std::string scenario;
  int jobs = 0;  // 0: every core
  std::string org_json;
  std::string scenarios_jsonl;
  std::vector<std::string> roots;  // --root: where imports may also read
};

int run_check(const Options& o);
int run_eval(const Options& o);
int run_test(const Options& o);
int run_diff(const Options& o);
int run_graph(const Options& o);
int run_explore(const Options& o);
int run_sweep(const Options& o);
int run_report(const Options& o);
int run_fmt(const Options& o);
int run_lsp(const Options& o);

}  // namespace smr::cli
