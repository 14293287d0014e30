// smr explore: generated scenarios that tell two versions apart, worked by
// hand on the example with one rule changed; the output is a .smr file
// that passes under head and fails under base; --monotone; determinism.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {

const char* kCommon = R"(regime "R" { currency GBP; unallocated falls_to SMF1; fines sum; }
function SMF1 "Chief Executive";
function SMF24 "Chief Operations";
responsibility child_safety "Child safety" prescribed;
person_fact reasonable_steps: bool = false;
breach grooming "Grooming" { area child_safety; }
org acme "Acme" {
  person alice "Alice" { relevant_income 450_000 GBP; holds SMF1 from 2019-01-01; }
  person bob "Bob" {
    relevant_income 180_000 GBP;
    reports_to alice;
    holds SMF24 from 2020-01-01 until 2023-07-01;
    responsible_for child_safety from 2021-01-01;
  }
}
)";

const char* kBase =
    R"(rule censure_no_steps { when severity >= 2; then censure to accountable where not reasonable_steps; }
rule oversight { when severity >= 4; then censure to managers(1); }
)";
// The change under review: managers are censured from severity 3.
const char* kHead =
    R"(rule censure_no_steps { when severity >= 2; then censure to accountable where not reasonable_steps; }
rule oversight { when severity >= 3; then censure to managers(1); }
)";

struct Files {
  std::string dir;
  std::string args(bool reversed = false) const {
    std::string base = dir + (reversed ? "/head.smr" : "/base.smr");
    std::string head = dir + (reversed ? "/base.smr" : "/head.smr");
    return "explore --base " + base + " --head " + head + " " + dir + "/common.smr";
  }
};

Files files() {
  Files f{temp_dir()};
  write_file(f.dir + "/common.smr", kCommon);
  write_file(f.dir + "/base.smr", kBase);
  write_file(f.dir + "/head.smr", kHead);
  return f;
}

}  // namespace

TEST_CASE("explore finds the severity-3 breaches a managers rule change moves", "[explore]") {
  Files f = files();
  std::string out, err;
  REQUIRE(run_smr(f.args(), &out, &err) == 0);
  // By hand: the rules differ only at severity 3, and only when bob is
  // accountable (from 2021-01-01; before that the breach falls to alice,
  // who has no manager). Dates the search tries from then on: the day
  // before and the day of each change in the org (2021-01-01, 2023-06-30,
  // 2023-07-01). So the first, one-breach scenarios that differ are these
  // three, alice censured under head and not under base.
  CHECK(out.find(R"(scenario "explore 1: grooming on 2021-01-01, severity 3" in acme {
  breach grooming on 2021-01-01 {
    severity 3;
  }
  expect alice: censure;
  // base: alice: none
}
scenario "explore 2: grooming on 2023-06-30, severity 3" in acme {)") != std::string::npos);
  CHECK(out.find("scenario \"explore 3: grooming on 2023-07-01, severity 3\"") !=
        std::string::npos);
  CHECK(out.find("2020-12-31, severity 3") == std::string::npos);
  CHECK(out.find("severity 4") == std::string::npos);
  // Varying bob's reasonable_steps moves censure_no_steps in neither, so
  // each distinguishing scenario is a severity-3 one.
  size_t scenarios = 0, at = 0;
  while ((at = out.find("\nscenario \"", at)) != std::string::npos) ++scenarios, ++at;
  CHECK(out.find("\n// " + std::to_string(scenarios) + " distinguishing of ") != std::string::npos);

  // The output is a .smr file: it passes under head and fails under base.
  write_file(f.dir + "/explored.smr", out);
  std::string test;
  CHECK(run_smr("test " + f.dir + "/common.smr " + f.dir + "/head.smr " + f.dir + "/explored.smr",
                &test, nullptr) == 0);
  CHECK(test.find(" passed, 0 failed\n") != std::string::npos);
  CHECK(run_smr("test " + f.dir + "/common.smr " + f.dir + "/base.smr " + f.dir + "/explored.smr",
                &test, nullptr) == 1);
  CHECK(test.find("\n0 passed, ") != std::string::npos);
}

TEST_CASE("explore --monotone fails when head is more lenient", "[explore]") {
  Files f = files();
  std::string out;
  CHECK(run_smr(f.args() + " --monotone", &out, nullptr) == 0);
  CHECK(out.find("// 0 of them treat someone more leniently under head\n") != std::string::npos);
  // Reversed, the change takes alice's censure away: every difference is
  // a more lenient one.
  CHECK(run_smr(f.args(true) + " --monotone --format json", &out, nullptr) == 1);
  auto j = nlohmann::json::parse(out);
  CHECK(j["summary"]["more_lenient"] == j["summary"]["distinguishing"]);
  CHECK(j["summary"]["distinguishing"].get<int>() > 0);
  CHECK(j["scenarios"][0]["lenient"] == nlohmann::json::array({"alice"}));
  CHECK(j["scenarios"][0]["expect"]["alice"] == nlohmann::json::array());
  CHECK(j["scenarios"][0]["base"]["alice"] == nlohmann::json::array({"censure"}));
  CHECK(j["scenarios"][0]["breaches"][0] ==
        nlohmann::json::parse(
            R"({"type":"grooming","date":"2021-01-01","severity":3,"facts":{},"persons":{}})"));
}

TEST_CASE("explore is bounded by --max and deterministic for a seed", "[explore]") {
  Files f = files();
  // 8 dates (either side of each change in the org) x 5 severities: 40
  // one-breach scenarios before any fact is varied; --max 20 samples them.
  std::string a, b;
  REQUIRE(run_smr(f.args() + " --max 20 --seed 3", &a, nullptr) == 0);
  REQUIRE(run_smr(f.args() + " --max 20 --seed 3 --jobs 2", &b, nullptr) == 0);
  CHECK(a == b);
  CHECK(a.find(" distinguishing of 20 explored scenarios\n") != std::string::npos);
  std::set<std::string> outputs;
  for (int seed = 1; seed <= 8; ++seed) {
    REQUIRE(run_smr(f.args() + " --max 20 --seed " + std::to_string(seed), &b, nullptr) == 0);
    outputs.insert(b);
  }
  CHECK(outputs.size() > 1);
  REQUIRE(run_smr(f.args() + " --max 40", &a, nullptr) == 0);
  CHECK(a.find("\n// 3 distinguishing of 40 explored scenarios\n") != std::string::npos);
  CHECK(run_smr(f.args() + " --max 0", &a, nullptr) == 2);
}
