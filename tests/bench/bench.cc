// The performance benchmark: generates the synthetic workload (100,000
// people, 100,000 scenarios, about 22 MB of .smr), measures every phase in
// process and the smr binary end to end, and prints each target with its
// figure and whether it holds. `smr_bench [SMR_BINARY]`; `smr_bench --scale
// [SMR_BINARY]` prints the scaling table (10,000 to 1,000,000). Build in
// Release.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "tests/bench/measure.h"
#include "tests/bench/phases.h"
#include "tests/bench/workload.h"

#ifdef SMR_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace smr::bench {
namespace {

struct Target {
  std::string name, figure;
  bool holds = false;
};

class Targets {
 public:
  void add(std::string name, std::string figure, bool holds) {
    fmt::print("  -> {}: {} ({})\n", name, figure, holds ? "holds" : "does not hold");
    list_.push_back({std::move(name), std::move(figure), holds});
  }
  int print_summary() const {
    fmt::print("\ntargets (load average {}):\n", load_average());
    int missed = 0;
    for (const auto& t : list_) {
      fmt::print("  [{}] {:<58} {}\n", t.holds ? "holds" : "MISSED", t.name, t.figure);
      missed += t.holds ? 0 : 1;
    }
    fmt::print("{} of {} targets hold\n", list_.size() - missed, list_.size());
    return missed;
  }

 private:
  std::vector<Target> list_;
};

std::string write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// smr end to end on the workload: check, eval on two jobs, and the output
// of --jobs 1 and --jobs 2 compared by hash.
void end_to_end(const std::string& smr, const std::string& path, Targets& t) {
  Run check = best_of(3, smr + " check " + path);
  fmt::print("smr check, end to end:                     {:6.3f} s  {:5.0f} MiB\n", check.seconds,
             check.peak_mib);
  t.add("smr check end to end <= 0.4 s", fmt::format("{:.3f} s", check.seconds),
        check.ok && check.seconds <= 0.4);
  std::string one = "/tmp/smr_bench_jobs1.json", two = "/tmp/smr_bench_jobs2.json";
  Run eval = best_of(3, smr + " eval --format json --jobs 2 " + path, two);
  fmt::print("smr eval --format json --jobs 2, end to end: {:6.3f} s  {:5.0f} MiB\n", eval.seconds,
             eval.peak_mib);
  t.add("smr eval --format json --jobs 2 end to end <= 0.5 s",
        fmt::format("{:.3f} s", eval.seconds), eval.ok && eval.seconds <= 0.5);
  double peak = std::max(check.peak_mib, eval.peak_mib);
  t.add("peak memory of smr (check, eval) <= 250 MiB", fmt::format("{:.0f} MiB", peak),
        peak <= 250);
  Run serial = run_command(smr + " eval --format json --jobs 1 " + path, one);
  std::string h1 = file_hash(one), h2 = file_hash(two);
  fmt::print("smr eval --jobs 1: {:.3f} s; JSON hash --jobs 1 {} / --jobs 2 {}\n", serial.seconds,
             h1, h2);
  t.add("eval output identical with --jobs 1 and --jobs 2", h1 + (h1 == h2 ? " both" : " vs " + h2),
        serial.ok && !h1.empty() && h1 == h2);
  std::remove(one.c_str());
  std::remove(two.c_str());
}

// `eval --scenarios-jsonl`: the example model, 100,000 then 1,000,000
// streamed scenarios; the rate, and memory that does not grow with the
// stream.
void stream(const std::string& smr, Targets& t) {
  std::string model = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
  double mib[2] = {0, 0}, rate = 0;
  int n[2] = {100'000, 1'000'000};
  for (int k = 0; k < 2; ++k) {
    std::string lines;
    for (int i = 0; i < n[k]; ++i) {
      lines += fmt::format(
          R"({{"name": "s{}", "breaches": [{{"type": "grooming", "date": "2022-0{}-01", )"
          R"("severity": {}, "persons": {{"bob": {{"reasonable_steps": {}}}}}}}]}})"
          "\n",
          i, 1 + i % 9, 1 + i % 5, i % 3 ? "false" : "true");
    }
    std::string path = write_file("/tmp/smr_bench_stream.jsonl", lines);
    Run r =
        run_command(smr + " eval --format json --jobs 2 --scenarios-jsonl " + path + " " + model);
    mib[k] = r.peak_mib;
    rate = n[k] / r.seconds;
    fmt::print(
        "eval --scenarios-jsonl, {} lines ({:.0f} MB): {:.3f} s, {:.0f} scenarios/s, {:.1f} MiB\n",
        n[k], lines.size() / 1e6, r.seconds, rate, r.peak_mib);
    std::remove(path.c_str());
  }
  t.add("eval --scenarios-jsonl of 1,000,000 >= 200,000 scenarios/s", fmt::format("{:.0f}/s", rate),
        rate >= 200'000);
  t.add("stream memory independent of its length (1M lines within 16 MiB of 100k)",
        fmt::format("{:.1f} vs {:.1f} MiB", mib[1], mib[0]), mib[1] <= mib[0] + 16);
}

// An HR system's export of 100,000 persons (a tree four wide, every tenth
// holding a function, dated), checked end to end with --org-json.
void hr_export(const std::string& smr, Targets& t) {
  std::string rules = write_file("/tmp/smr_bench_hr.smr",
                                 "regime \"R\" { currency GBP; }\nfunction SMF1 \"CEO\";\n"
                                 "function SMF24 \"COO\";\nresponsibility safety \"Safety\";\n");
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
  std::string json = write_file("/tmp/smr_bench_hr.json", text);
  Run r = best_of(3, smr + " check " + rules + " --org-json " + json);
  fmt::print("smr check --org-json, {} persons ({:.1f} MB): {:.3f} s, {:.0f} MiB\n", persons,
             text.size() / 1e6, r.seconds, r.peak_mib);
  t.add("HR export of 100,000 persons checks in <= 1 s", fmt::format("{:.3f} s", r.seconds),
        r.ok && r.seconds <= 1.0);
  std::remove(rules.c_str());
  std::remove(json.c_str());
}

// What must not get slower: the bundled suites, explore and report.
void others(const std::string& smr, const std::string& path) {
  std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/";
  double suites = 0;
  for (const char* r : {"example/example.smr", "uk_smcr/*.smr", "ie_sear/*.smr", "au_far/*.smr",
                        "online_safety/*.smr"}) {
    suites += best_of(3, smr + " test " + dir + r).seconds;
  }
  fmt::print("bundled suites (smr test, each of the five): {:.3f} s in all\n", suites);
  Run report = best_of(3, smr + " report " + dir + "uk_smcr/*.smr -o /tmp/smr_bench_report.html");
  fmt::print("smr report of uk_smcr: {:.3f} s\n", report.seconds);
  std::remove("/tmp/smr_bench_report.html");
  Run explore =
      run_command(smr + " explore --max 100000 --jobs 2 --base " + path + " --head " + path);
  fmt::print("smr explore --max 100000 --jobs 2 over the workload: {:.3f} s, {:.0f} MiB\n",
             explore.seconds, explore.peak_mib);
}

int run_benchmark(const std::string& smr) {
  Targets t;
  WorkloadSize size;
  std::string text = generate_workload(size);
  std::string path = write_file("/tmp/smr_bench_workload.smr", text);
  fmt::print("load average {}; workload: {} persons, {} areas, {} rules, {} scenarios; {:.1f} MB\n",
             load_average(), size.persons, size.areas, size.rules, size.scenarios,
             text.size() / 1e6);
  double parse_1 = parse_one_thread(path, text, 3);
  double mbs = text.size() / 1e6 / parse_1;
  fmt::print("parse, 1 thread: {:.3f} s, {:.1f} MB/s\n", parse_1, mbs);
  t.add("parse on one thread >= 100 MB/s", fmt::format("{:.1f} MB/s", mbs), mbs >= 100);
  Phases p = measure_phases(path, std::move(text));
  print_phases(p);
  t.add("eval phase --jobs 2 >= 1.7x --jobs 1", fmt::format("{:.2f}x", p.eval_1 / p.eval_2),
        p.eval_1 / p.eval_2 >= 1.7);
  end_to_end(smr, path, t);
  stream(smr, t);
  hr_export(smr, t);
  others(smr, path);
  std::remove(path.c_str());
  t.print_summary();
  fmt::print("total {:.0f} s\n", seconds_since_start());
  return 0;
}

}  // namespace
}  // namespace smr::bench

int main(int argc, char** argv) {
  smr::bench::start_spawner();  // before the process grows
#ifdef SMR_WITH_MIMALLOC
  mi_option_enable(mi_option_large_os_pages);  // as the smr binary does
#endif
  std::vector<std::string> args(argv + 1, argv + argc);
  bool scale = std::find(args.begin(), args.end(), "--scale") != args.end();
  args.erase(std::remove(args.begin(), args.end(), "--scale"), args.end());
  if (!args.empty() && args[0].rfind("-", 0) == 0) {
    std::fprintf(stderr, "usage: smr_bench [--scale] [SMR_BINARY]\n");
    return 2;
  }
  std::string smr = args.empty() ? "build/cli/smr" : args[0];
  return scale ? smr::bench::run_scale(smr) : smr::bench::run_benchmark(smr);
}
