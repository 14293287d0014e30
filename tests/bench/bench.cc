// The benchmark of issue "Scale": generates the synthetic workload, writes
// it as .smr, and prints parse throughput, check and graph-build times,
// scenarios per second on 1 and 2 threads, end-to-end times of the smr
// binary, and peak memory. Build in Release; run `smr_bench [SMR_BINARY]`.
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli/report.h"
#include "dsl/core/parallel.h"
#include "engine/compile.h"
#include "engine/evaluator.h"
#include "tests/bench/workload.h"

#ifdef SMR_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

long peak_rss_kib(int who) {
  rusage u{};
  getrusage(who, &u);
  return u.ru_maxrss;
}

// Runs a shell command, returning wall seconds and the child's peak memory.
std::pair<double, long> timed_command(const std::string& cmd) {
  auto start = Clock::now();
  int status = std::system(cmd.c_str());
  double t = seconds_since(start);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fmt::print(stderr, "command failed ({}): {}\n", status, cmd);
  }
  return {t, peak_rss_kib(RUSAGE_CHILDREN)};
}

// An HR system's export of 100,000 persons (a tree four wide, every tenth
// holding a function, dated), checked end to end with --org-json.
void hr_export(const std::string& smr) {
  std::string rules = "/tmp/smr_bench_hr.smr", json = "/tmp/smr_bench_hr.json";
  std::ofstream(rules) << "regime \"R\" { currency GBP; }\nfunction SMF1 \"CEO\";\n"
                          "function SMF24 \"COO\";\nresponsibility safety \"Safety\";\n";
  std::string text =
      R"({"id": "hr", "persons": [{"id": "p0", "holds": ["SMF1"], "responsible_for": ["safety"]})";
  const int persons = 100'000;
  for (int i = 1; i < persons; ++i) {
    text +=
        fmt::format(R"(, {{"id": "p{}", "name": "Person {}", "relevant_income": "{}000 GBP", )"
                    R"("reports_to": [{{"person": "p{}", "from": "2020-01-01"}}], "holds": [{}]}})",
                    i, i, 40 + i % 200, (i - 1) / 4,
                    i % 10 ? "" : R"({"function": "SMF24", "from": "2021-01-01"})");
  }
  text += "]}";
  std::ofstream(json, std::ios::binary) << text;
  auto [seconds, rss] =
      timed_command(smr + " check " + rules + " --org-json " + json + " >/dev/null 2>&1");
  fmt::print("smr check --org-json, {} persons ({:.1f} MB): {:6.3f} s  (target <= 1 s)\n", persons,
             text.size() / 1e6, seconds);
  std::remove(rules.c_str());
  std::remove(json.c_str());
}

}  // namespace

int main(int argc, char** argv) {
#ifdef SMR_WITH_MIMALLOC
  mi_option_enable(mi_option_large_os_pages);  // as the smr binary does
#endif
  std::string smr = argc > 1 ? argv[1] : "build/cli/smr";
  smr::bench::WorkloadSize size;
  auto t0 = Clock::now();
  std::string text = smr::bench::generate_workload(size);
  std::string path = "/tmp/smr_bench_workload.smr";
  std::ofstream(path, std::ios::binary) << text;
  fmt::print(
      "workload: {} persons, {} areas, {} rules, {} scenarios; {:.1f} MB of .smr (generated in "
      "{:.2f} s)\n",
      size.persons, size.areas, size.rules, size.scenarios, text.size() / 1e6, seconds_since(t0));

  double mb = text.size() / 1e6;
  {
    smr::CompileOptions one;
    one.jobs = 1;
    auto c = smr::compile_text(path, text, one);
    fmt::print("parse, 1 thread:  {:7.3f} s  {:6.1f} MB/s   (target >= 50 MB/s)\n",
               c->seconds.parse, mb / c->seconds.parse);
  }
  smr::CompileOptions two;
  two.jobs = 2;
  auto c = smr::compile_text(path, std::move(text), two);
  fmt::print("parse, 2 threads: {:7.3f} s  {:6.1f} MB/s\n", c->seconds.parse,
             mb / c->seconds.parse);
  fmt::print("check:         {:7.3f} s  (names and types)\n", c->seconds.check);
  fmt::print("org checks:    {:7.3f} s  (cycles, coverage)\n", c->seconds.org_checks);
  if (!c->ok()) {
    fmt::print(stderr, "the workload has errors:\n{}", c->sources.render_all(c->diags));
    return 1;
  }
  fmt::print("graph build:   {:7.3f} s\n", c->seconds.graphs);
  const smr::model::Model& model = c->model;
  const smr::OrgGraph& graph = c->graph(0);

  smr::cli::ReportOptions ro;
  for (int jobs : {1, 2}) {
    auto t = Clock::now();
    size_t bytes = 0;
    smr::ordered_parallel_map<std::string>(
        model.scenarios.size(), jobs, 64,
        [&](size_t i) {
          auto r = smr::evaluate_scenario(model, graph, static_cast<int>(i), {});
          return smr::cli::json_report(model, r, ro);
        },
        [&](std::string&& s) { bytes += s.size(); });
    double s = seconds_since(t);
    fmt::print("eval, {} thread{}: {:7.3f} s  {:9.0f} scenarios/s  ({:.1f} MB of JSON)\n", jobs,
               jobs == 1 ? " " : "s", s, model.scenarios.size() / s, bytes / 1e6);
  }
  fmt::print("peak memory (in process): {:.0f} MiB\n", peak_rss_kib(RUSAGE_SELF) / 1024.0);

  auto [check_e2e, check_rss] = timed_command(smr + " check " + path + " >/dev/null 2>&1");
  fmt::print("smr check end to end:                  {:6.3f} s  (target <= 1 s)\n", check_e2e);
  auto [eval_e2e, eval_rss] =
      timed_command(smr + " eval --format json --jobs 2 " + path + " >/dev/null 2>&1");
  fmt::print(
      "smr eval --format json --jobs 2, e2e:  {:6.3f} s  {:.0f} scenarios/s  (target <= 1.5 s)\n",
      eval_e2e, size.scenarios / eval_e2e);
  fmt::print("peak memory of smr: {:.0f} MiB  (target < 2048 MiB)\n", eval_rss / 1024.0);
  // explore over the 100,000-person org: base and head the same model, so
  // every scenario is evaluated twice and none differs.
  auto [explore_s, explore_rss] = timed_command(smr + " explore --max 100000 --jobs 2 --base " +
                                                path + " --head " + path + " >/dev/null 2>&1");
  fmt::print("smr explore --max 100000 --jobs 2, e2e: {:6.3f} s  {:.0f} scenarios/s  {:.0f} MiB\n",
             explore_s, 100'000 / explore_s, explore_rss / 1024.0);
  std::remove(path.c_str());
  hr_export(smr);
  return 0;
}
