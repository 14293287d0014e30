// The bundled rulesets stay honest: each checks without errors, passes its
// own hand-worked scenario suite, and has no rule that never fires.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "engine/compile.h"
#include "engine/evaluator.h"
#include "tests/support.h"

using smr::testing::run_smr;

namespace {

std::string files_of(const std::string& name) {
  std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/" + name + "/";
  return dir + "regime.smr " + dir + "rules.smr " + dir + "org.smr " + dir + "scenarios.smr";
}

int count_lines_starting(const std::string& text, const std::string& prefix) {
  int n = 0;
  size_t at = 0;
  while ((at = text.find("\n" + prefix, at)) != std::string::npos) ++n, ++at;
  return n + (text.rfind(prefix, 0) == 0 ? 1 : 0);
}

}  // namespace

TEST_CASE("each bundled ruleset checks, passes its suite and fires every rule", "[rulesets]") {
  for (const char* name : {"online_safety", "uk_smcr", "ie_sear", "au_far"}) {
    INFO(name);
    std::string out, err;
    CHECK(run_smr(std::string("check ") + files_of(name), &out, &err) == 0);
    CHECK(err.find(": error:") == std::string::npos);
    REQUIRE(run_smr(std::string("test --coverage ") + files_of(name), &out, &err) == 0);
    CHECK(out.find(" 0 failed\n") != std::string::npos);
    // The coverage lists each rule with its count; none may be marked.
    CHECK(out.find("  never fired\n") == std::string::npos);
    CHECK(out.find("\n0 of ") != std::string::npos);
    CHECK(out.find(" rules never fired\n") != std::string::npos);
    CHECK(count_lines_starting(out, "PASS ") >= 20);
  }
}

TEST_CASE("FAR: no fine falls on any individual in any scenario", "[rulesets]") {
  std::string out;
  REQUIRE(run_smr(std::string("eval --format json --all-persons ") + files_of("au_far"), &out,
                  nullptr) == 0);
  CHECK(out.find("\"fine\":\"0.00\"") != std::string::npos);
  size_t fines = 0, at = 0;
  while ((at = out.find("\"fine\":\"", at)) != std::string::npos) {
    at += 8;
    if (out.compare(at, 5, "0.00\"") != 0) ++fines;
  }
  CHECK(fines == 0);
}

TEST_CASE("online_safety: the Act alone against the Act with the duty of care", "[rulesets]") {
  std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/online_safety/";
  std::string out, err;
  REQUIRE(run_smr("diff --base " + dir + "rules_act.smr --head " + dir + "rules.smr " + dir +
                      "regime.smr " + dir + "org.smr " + dir + "scenarios.smr",
                  &out, &err) == 0);
  CHECK(out.find("\n29 of 300 person-outcomes changed in 23 of 25 scenarios\n") !=
        std::string::npos);
  CHECK(out.find("  tsd_new: none (none) -> criminal (censure, fine 64,000.00 GBP, criminal)\n") !=
        std::string::npos);
  // The Act's own offences fire under both: s110 and s202 change no one.
  CHECK(out.find("rule s110_information_offence") == std::string::npos);
  CHECK(out.find("rule s202_officer_liability") == std::string::npos);
}

TEST_CASE("--why-not answers for every unsanctioned person of every bundled suite", "[rulesets]") {
  using Reason = smr::WhyNot::Reason;
  for (const char* name : {"online_safety", "uk_smcr", "ie_sear", "au_far"}) {
    INFO(name);
    std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/" + name + "/";
    auto c = smr::compile_files(
        {dir + "regime.smr", dir + "rules.smr", dir + "org.smr", dir + "scenarios.smr"}, {}, {});
    REQUIRE(c->ok());
    const auto& m = c->model;
    int answered = 0;
    for (size_t s = 0; s < m.scenarios.size(); ++s) {
      const auto& sc = m.scenarios[s];
      smr::EvalOptions o;
      for (const auto& p : m.orgs[sc.org].persons) o.why_not.push_back(p.id);
      auto r = smr::evaluate_scenario(m, c->graph(sc.org), static_cast<int>(s), o);
      REQUIRE_FALSE(r.error);
      for (size_t p = 0; p < m.orgs[sc.org].persons.size(); ++p) {
        if (r.of(static_cast<int>(p)).sanctioned()) continue;
        INFO(sc.title << ": " << m.orgs[sc.org].persons[p].id);
        // Every (breach, rule) has an answer, one per clause once the rule
        // applies; none of them is a sanction.
        for (size_t b = 0; b < sc.breaches.size(); ++b) {
          for (size_t rule = 0; rule < m.rules.size(); ++rule) {
            int answers = 0;
            for (const auto& w : r.why_not) {
              if (w.person != static_cast<int>(p) || w.breach != static_cast<int>(b) ||
                  w.rule != static_cast<int>(rule))
                continue;
              ++answers;
              CHECK(w.reason != Reason::Sanctioned);
              if (w.reason == Reason::NotReached) CHECK(w.reached.size() <= w.reached_count);
            }
            CHECK(answers >= 1);
            CHECK(answers <= static_cast<int>(std::max<size_t>(1, m.rules[rule].clauses.size())));
          }
        }
        ++answered;
      }
    }
    CHECK(answered > 50);
  }
}

TEST_CASE("diff --write-intended then --intended: the manifest is the gate",
          "[rulesets][intended]") {
  std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/online_safety/";
  std::string tmp = smr::testing::temp_dir();
  std::string diff = "diff --base " + dir + "rules_act.smr --head " + dir + "rules.smr " + dir +
                     "regime.smr " + dir + "org.smr " + dir + "scenarios.smr";
  std::string out, err;
  REQUIRE(run_smr(diff + " --write-intended " + tmp + "/m.txt", &out, &err) == 0);
  std::string manifest;
  {
    std::ifstream in(tmp + "/m.txt");
    manifest.assign(std::istreambuf_iterator<char>(in), {});
  }
  CHECK(count_lines_starting(manifest, "\"") == 29);
  CHECK(manifest.find("\"Grooming undetected: a first failure is censured\" tsd_new: none -> "
                      "censure\n") != std::string::npos);
  REQUIRE(run_smr(diff + " --intended " + tmp + "/m.txt", &out, &err) == 0);
  CHECK(out.find("intended: 29 of 29 listed changes as intended; 0 unintended, 0 did not "
                 "happen, 0 happened differently\n") != std::string::npos);
  // One change dropped, one amount altered, one that cannot happen added.
  std::string edited = manifest;
  size_t first = edited.find("\"Grooming undetected: a first failure is censured\" tsd_new");
  edited.erase(first, edited.find('\n', first) + 1 - first);
  size_t fine = edited.find("fine 48_000 GBP");
  REQUIRE(fine != std::string::npos);
  edited.replace(fine, 15, "fine 40_000 GBP");
  edited += "\"Nope\" bob: none -> censure\n";
  smr::testing::write_file(tmp + "/edited.txt", edited);
  CHECK(run_smr(diff + " --intended " + tmp + "/edited.txt", &out, &err) == 1);
  CHECK(out.find("unintended: \"Grooming undetected: a first failure is censured\" tsd_new: none "
                 "-> censure\n") != std::string::npos);
  CHECK(out.find("did not happen: \"Nope\" bob: none -> censure\n") != std::string::npos);
  CHECK(out.find("\n  but got: \"Consistent failure: a third grooming breach within twelve "
                 "months\" tsd_new: none -> censure, fine 48_000 GBP\n") != std::string::npos);
  CHECK(out.find("intended: 27 of 29 listed changes as intended; 1 unintended, 1 did not "
                 "happen, 1 happened differently\n") != std::string::npos);
  CHECK(run_smr(diff + " --intended " + tmp + "/missing.txt", &out, &err) == 2);
  CHECK(out.empty());
}
