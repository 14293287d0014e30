#include "tests/bench/workload.h"

#include <fmt/format.h>

#include <random>

namespace smr::bench {

namespace {

// The workload's random choices, in one fixed sequence per seed.
struct Generator {
  explicit Generator(unsigned seed) : rng(seed) {}
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  std::mt19937 rng;
};

const int functions = 20;

// The regime, functions, areas, facts, tables, breach types and rules.
void regime_and_rules(const WorkloadSize& n, Generator& g, std::string& out) {
  auto pick = [&g](int lo, int hi) { return g.pick(lo, hi); };
  out +=
      "regime \"Benchmark regime\" { version \"bench\"; currency GBP; unallocated falls_to F0; }\n";
  for (int f = 0; f < functions; ++f) {
    out += fmt::format("function F{} \"Function {}\"{};\n", f, f, f >= 18 ? " board" : "");
  }
  for (int a = 0; a < n.areas; ++a) {
    out += fmt::format("responsibility a{} \"Area {}\"{};\n", a, a,
                       a < n.areas / 4 ? " prescribed" : "");
  }
  out += "fact loss: money = 0 GBP;\nfact users: int = 0;\n";
  out += "person_fact reasonable_steps: bool = false;\nperson_fact consented: bool = false;\n";
  out += "table level: int -> percent { 1: 0%, 2: 10%, 3: 20%, 4: 30%, 5: 40% }\n";
  const int breach_types = n.areas * 2;
  for (int b = 0; b < breach_types; ++b)
    out += fmt::format("breach b{} {{ area a{}; }}\n", b, b % n.areas);
  for (int r = 0; r < n.rules; ++r) {
    std::string on;
    if (r % 5 != 0) {
      on = "on ";
      int count = pick(20, 60);
      for (int i = 0; i < count; ++i)
        on += fmt::format("{}b{}", i ? ", " : "", pick(0, breach_types - 1));
      on += "; ";
    }
    switch (r % 8) {
      case 0:
        out += fmt::format(
            "rule r{} {{ {}when severity >= 2; then censure to accountable where not "
            "reasonable_steps; }}\n",
            r, on);
        break;
      case 1:
        out += fmt::format(
            "rule r{} {{ {}when severity >= 3; then fine round_down(relevant_income * "
            "level[severity], 100 GBP) to accountable where not reasonable_steps; }}\n",
            r, on);
        break;
      case 2:
        out += fmt::format(
            "rule r{} {{ {}when prior_breaches(12 months) >= 1; then fine relevant_income * 10% to "
            "accountable where not reasonable_steps; }}\n",
            r, on);
        break;
      case 3:
        out += fmt::format("rule r{} {{ {}when severity >= 4; then censure to managers(2); }}\n", r,
                           on);
        break;
      case 4:
        out += fmt::format(
            "rule r{} {{ {}then disqualification to managers(1) of delegates where consented; }}\n",
            r, on);
        break;
      case 5:
        out += fmt::format(
            "rule r{} {{ {}when severity == 5 and users > 1_000; then criminal to accountable "
            "where consented or not reasonable_steps; }}\n",
            r, on);
        break;
      case 6:
        out += fmt::format(
            "rule r{} {{ {}when loss > 0 GBP; then fine min(loss * 2, 1_000_000 GBP) to "
            "holders(F{}); }}\n",
            r, on, pick(0, functions - 1));
        break;
      default:
        out += fmt::format("rule r{} {{ {}when severity == 5; then censure to board; }}\n", r, on);
        break;
    }
  }
}

// The org and the scenarios.
void org_and_scenarios(const WorkloadSize& n, Generator& g, std::string& out) {
  auto pick = [&g](int lo, int hi) { return g.pick(lo, hi); };
  const int breach_types = n.areas * 2;
  // A tree about 8 levels deep (4 reports each), matrix lines, handovers of
  // reporting lines, functions near the top, areas with handovers and
  // delegations.
  out += "org big \"Big Bank plc\" {\n";
  const int branching = 4;
  for (int p = 0; p < n.persons; ++p) {
    out += fmt::format("  person p{} \"Person {}\" {{ relevant_income {}_000 GBP;", p, p,
                       pick(40, 900));
    if (p > 0) {
      int boss = (p - 1) / branching;
      if (p % 37 == 0 && boss > 0) {
        out += fmt::format(" reports_to p{} until 2022-01-01; reports_to p{} from 2022-01-01;",
                           boss, (boss - 1) / branching);
      } else {
        out += fmt::format(" reports_to p{};", boss);
      }
      if (p % 10 == 0 && p > 20)
        out += fmt::format(" reports_to p{};", pick(1, std::min(p - 1, 5000)) / 7);
    }
    // Two holders per function, one of them handing over in mid-2022.
    if (p < 2 * functions)
      out += fmt::format(" holds F{}{};", p % functions,
                         p >= functions ? " from 2022-06-01" : " until 2022-06-01");
    if (p >= 2 * functions && p < 400) out += fmt::format(" holds F{};", 1 + p % (functions - 3));
    if (p > 0 && p <= n.areas * 2) {
      int area = (p - 1) % n.areas;
      if (p <= n.areas) {
        out += fmt::format(" responsible_for a{} until 2022-07-01;", area);
      } else {
        out += fmt::format(" responsible_for a{} from 2022-07-01;", area);
      }
      if (p % 3 == 0)
        out += fmt::format(" delegates a{} to p{} from 2021-06-01;", area, p * branching + 1);
    }
    out += " }\n";
  }
  out += "}\n";
  for (int s = 0; s < n.scenarios; ++s) {
    int breaches = pick(1, 3);
    out += fmt::format("scenario \"s{}\" {{", s);
    for (int b = 0; b < breaches; ++b) {
      out +=
          fmt::format(" breach b{} on 202{}-{:02}-{:02} {{ severity {};", pick(0, breach_types - 1),
                      pick(1, 3), pick(1, 12), pick(1, 28), pick(1, 5));
      if (pick(0, 3) == 0)
        out += fmt::format(" loss {}_000 GBP; users {};", pick(1, 500), pick(0, 5000));
      if (pick(0, 4) == 0)
        out += fmt::format(" person p{} {{ reasonable_steps true; }}", pick(1, n.areas * 2));
      out += " }";
    }
    out += " }\n";
  }
}

}  // namespace

std::string generate_workload(const WorkloadSize& n) {
  Generator g(n.seed);
  std::string out;
  out.reserve(static_cast<size_t>(n.persons) * 90 + static_cast<size_t>(n.scenarios) * 160);
  regime_and_rules(n, g, out);
  org_and_scenarios(n, g, out);
  return out;
}

}  // namespace smr::bench
