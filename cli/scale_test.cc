// Scale features: --jobs gives the same bytes, orgs from JSON, scenarios
// streamed as JSON Lines.
#include <catch2/catch.hpp>

#include "tests/bench/workload.h"
#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {
const std::string kJson = std::string(SMR_SOURCE_DIR) + "/tests/data/json/";
}

TEST_CASE("eval and test output is byte-identical across --jobs values and runs", "[scale][jobs]") {
  smr::bench::WorkloadSize size;
  size.persons = 3000;
  size.scenarios = 3000;
  std::string dir = temp_dir();
  write_file(dir + "/w.smr", smr::bench::generate_workload(size));
  std::string one, two, four, again;
  REQUIRE(run_smr("eval --format json --explain -j1 " + dir + "/w.smr", &one, nullptr) == 0);
  REQUIRE(run_smr("eval --format json --explain -j2 " + dir + "/w.smr", &two, nullptr) == 0);
  REQUIRE(run_smr("eval --format json --explain --jobs 4 " + dir + "/w.smr", &four, nullptr) == 0);
  REQUIRE(run_smr("eval --format json --explain -j2 " + dir + "/w.smr", &again, nullptr) == 0);
  CHECK(std::count(one.begin(), one.end(), '\n') == 3000);
  CHECK(one == two);
  CHECK(one == four);
  CHECK(two == again);
  std::string text1, text2;
  REQUIRE(run_smr("eval -j1 " + dir + "/w.smr", &text1, nullptr) == 0);
  REQUIRE(run_smr("eval -j2 " + dir + "/w.smr", &text2, nullptr) == 0);
  CHECK(text1 == text2);
}

TEST_CASE("an org from JSON evaluates as the same org written in .smr", "[scale][org-json]") {
  // acme.json is the worked example's org; with the worked example's first
  // breach (severity 4) bob is fined 30% of 180,000 and alice censured.
  std::string out, err;
  REQUIRE(run_smr("eval --format json " + kJson + "rules.smr --org-json " + kJson +
                      "acme.json --scenarios-jsonl " + kJson + "scenarios.jsonl",
                  &out, &err) == 1);
  CHECK(
      out ==
      R"({"scenario":"first","org":"acme","currency":"GBP","persons":[)"
      R"({"id":"alice","name":"Alice Smith","outcome":"censure","censure":true,"fine":"0.00","disqualification":false,"criminal":false},)"
      R"({"id":"bob","name":"Bob Jones","outcome":"fine","censure":true,"fine":"54000.00","disqualification":false,"criminal":false}],)"
      R"("unattributed":[]})"
      "\n"
      R"({"scenario":"steps","org":"acme","currency":"GBP","persons":[],"unattributed":[]})"
      "\n");
}

TEST_CASE("a malformed JSON Lines scenario is reported with its line; the others still run",
          "[scale][jsonl]") {
  std::string out, err;
  run_smr("eval " + kJson + "rules.smr --org-json " + kJson + "acme.json --scenarios-jsonl " +
              kJson + "scenarios.jsonl",
          &out, &err);
  CHECK(err.find("scenarios.jsonl:2:35: error: invalid JSON: syntax error while parsing value - "
                 "unexpected end of input") != std::string::npos);
  CHECK(
      err.find(
          "scenarios.jsonl:3:40: error: unknown breach type 'groomng'; did you mean 'grooming'?") !=
      std::string::npos);
  CHECK(err.find("scenarios.jsonl:6:121: error: $.breaches[0].facts.children_affected: write "
                 "decimals as strings") != std::string::npos);
  std::string piped;
  CHECK(run_smr("eval " + kJson + "rules.smr --org-json " + kJson +
                    "acme.json --scenarios-jsonl - < " + kJson + "scenarios.jsonl",
                &piped, nullptr) == 1);
  CHECK(piped == out);
  CHECK(run_smr("eval " + kJson + "rules.smr --org-json " + kJson +
                    "acme.json --scenarios-jsonl /nonexistent.jsonl",
                &out, &err) == 2);
}

TEST_CASE("JSON org errors name the JSON path and point at the value", "[scale][org-json]") {
  std::string out, err;
  CHECK(run_smr("check " + kJson + "rules.smr --org-json " + kJson + "bad_org.json", &out, &err) ==
        1);
  CHECK(err.find("bad_org.json:3:42: error: $.persons[0].holds[0].function: unknown function "
                 "'SMF9'; did you mean 'SMF1'?") != std::string::npos);
  CHECK(err.find("bad_org.json:3:70: error: $.persons[0].relevant_incom: unknown field "
                 "'relevant_incom'; did you mean "
                 "'relevant_income'?") != std::string::npos);
  CHECK(err.find("bad_org.json:4:32: error: $.persons[1].reports_to[0]: unknown person 'zed' in "
                 "org 'acme'") != std::string::npos);
  CHECK(err.find("bad_org.json:4:93: error: $.persons[1].responsible_for[0].from: invalid date "
                 "'2022-02-30'") != std::string::npos);
  CHECK(err.find(
            "bad_org.json:5:10: error: $.persons[2].id: duplicate person 'alice' in org 'acme'") !=
        std::string::npos);
  CHECK(err.find("bad_org.json:3:10: note: 'alice' was first declared here") != std::string::npos);
  std::string dir = temp_dir();
  write_file(dir + "/trunc.json", "{\"id\": ");
  CHECK(run_smr("check " + kJson + "rules.smr --org-json " + dir + "/trunc.json", &out, &err) == 1);
  CHECK(err.find("trunc.json:1:8: error: invalid JSON") != std::string::npos);
  CHECK(run_smr("check " + kJson + "rules.smr --org-json " + dir + "/none.json", &out, &err) == 2);
}

TEST_CASE("a JSON org joins the model's orgs: scenarios in .smr may run in it",
          "[scale][org-json]") {
  std::string dir = temp_dir();
  write_file(dir + "/s.smr",
             "scenario \"In JSON org\" in acme { breach grooming on 2022-03-01 { severity 3; }\n"
             "  expect bob: censure, fine 36_000 GBP; expect alice: none; }\n");
  std::string out;
  CHECK(run_smr("test " + kJson + "rules.smr " + dir + "/s.smr --org-json " + kJson + "acme.json",
                &out, nullptr) == 0);
  CHECK(out == "PASS In JSON org\n1 passed, 0 failed\n");
}
