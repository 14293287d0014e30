// The smr binary end to end: exit codes, streams, and output formats.
#include <catch2/catch.hpp>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {
const std::string kExample = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
}

TEST_CASE("smr check on the worked example: exit 0 with warnings only", "[cli]") {
  std::string out, err;
  CHECK(run_smr("check " + kExample, &out, &err) == 0);
  CHECK(out.empty());
  CHECK(err.find("warning: 'bob' is responsible for 'child_safety' from 2023-07-01 on") !=
        std::string::npos);
  CHECK(err.find("\nok: 1 file, 4 rules, 1 org, 1 scenario, 1 warning\n") != std::string::npos);
}

TEST_CASE("smr eval --format json prints the documented object", "[cli]") {
  std::string out, err;
  REQUIRE(run_smr("eval --format json " + kExample, &out, &err) == 0);
  CHECK(
      out ==
      R"({"scenario":"Repeated grooming failures","org":"acme","currency":"GBP","persons":[)"
      R"({"id":"alice","name":"Alice Smith","outcome":"censure","censure":true,"fine":"0.00","disqualification":false,"criminal":false},)"
      R"({"id":"bob","name":"Bob Jones","outcome":"fine","censure":true,"fine":"108000.00","disqualification":false,"criminal":false}],)"
      R"("unattributed":[]})"
      "\n");
  std::string again;
  run_smr("eval --format json " + kExample, &again, nullptr);
  CHECK(again == out);
}

TEST_CASE("smr eval --format json escapes names, whichever way each person is written", "[cli]") {
  // Plain names go through a fast path; a name to escape, or a very long
  // one, the general one: the objects must read the same either way.
  std::string dir = temp_dir();
  std::string long_name(700, 'n');
  write_file(dir + "/m.smr", R"X(regime "R" { currency GBP; }
function CEO; function CHAIR board; responsibility safety;
breach harm { area safety; }
rule r { then censure to accountable, board; }
org o {
  person a "Ann \"The Boss\" O\\Neil" { holds CEO; responsible_for safety; }
  person b "Bo" { holds CHAIR; }
  person c ")X" + long_name + R"X(" { holds CHAIR; }
}
scenario "s" { breach harm on 2022-01-01 { severity 1; } })X");
  std::string out, err;
  REQUIRE(run_smr("eval --format json " + dir + "/m.smr", &out, &err) == 0);
  INFO(err);
  const std::string rest =
      R"X(,"outcome":"censure","censure":true,"fine":"0.00","disqualification":false,"criminal":false})X";
  CHECK(out == R"X({"scenario":"s","org":"o","currency":"GBP","persons":[)X"
               R"X({"id":"a","name":"Ann \"The Boss\" O\\Neil")X" +
                   rest + R"X(,{"id":"b","name":"Bo")X" + rest + R"X(,{"id":"c","name":")X" +
                   long_name + "\"" + rest + R"X(],"unattributed":[]})X" + "\n");
}

TEST_CASE("smr eval --format json writes every sanction field as each person received it",
          "[cli]") {
  // The fixed words between the fields are written from tables by the
  // fields' values: each combination read back here, worked out by hand.
  std::string dir = temp_dir();
  write_file(dir + "/m.smr", R"(regime "R" { currency GBP; }
function CEO; function CFO; function CRO;
responsibility safety;
breach harm { area safety; }
rule r1 { then censure to holders(CEO); }
rule r2 { then fine 1_000.50 GBP to holders(CEO); }
rule r3 { then disqualification to holders(CEO), holders(CRO); }
rule r4 { then criminal to holders(CEO); }
rule r5 { then fine 2 GBP to holders(CFO); }
org o {
  person a "A" { holds CEO; responsible_for safety; }
  person b "B" { holds CFO; }
  person c "C" { holds CRO; }
  person d "D" { }
}
scenario "s" { breach harm on 2022-01-01 { severity 1; } })");
  std::string out, err;
  REQUIRE(run_smr("eval --format json --all-persons " + dir + "/m.smr", &out, &err) == 0);
  INFO(err);
  CHECK(out == R"({"scenario":"s","org":"o","currency":"GBP","persons":[)"
               R"({"id":"a","name":"A","outcome":"criminal","censure":true,"fine":"1000.50",)"
               R"("disqualification":true,"criminal":true},)"
               R"({"id":"b","name":"B","outcome":"fine","censure":false,"fine":"2.00",)"
               R"("disqualification":false,"criminal":false},)"
               R"({"id":"c","name":"C","outcome":"disqualification","censure":false,"fine":"0.00",)"
               R"("disqualification":true,"criminal":false},)"
               R"({"id":"d","name":"D","outcome":"none","censure":false,"fine":"0.00",)"
               R"("disqualification":false,"criminal":false}],"unattributed":[]})"
               "\n");
  // With --explain each object's reasons come after the last field.
  REQUIRE(run_smr("eval --format json --explain " + dir + "/m.smr", &out, &err) == 0);
  CHECK(out.find(R"("disqualification":true,"criminal":false,"reasons":[)") != std::string::npos);
}

TEST_CASE("smr eval --explain shows the path and the arithmetic", "[cli]") {
  std::string out;
  REQUIRE(run_smr("eval --explain " + kExample, &out, nullptr) == 0);
  CHECK(out.find("via child_safety -> responsible_for bob (from 2021-01-01) -> reports_to alice") !=
        std::string::npos);
  // Bob's first fine, worked by hand: 180,000 × 30% (severity 4) = 54,000,
  // already a multiple of 100. Every input with its value and source, the
  // conditions with their values, the rule's title and citation.
  CHECK(out.find("      fine 54,000.00 GBP by rule fine_by_seriousness for breach 'grooming' on "
                 "2022-03-01\n"
                 "        rule: Penalty step 2: relevant income by seriousness — DEPP 6.5B.2G\n"
                 "        inputs: severity = 4 (given); reasonable_steps = false (given); "
                 "relevant_income = 180,000.00 (org); seriousness[4] = 30% (table)\n"
                 "        when severity >= 3: true (severity = 4)\n"
                 "        where not reasonable_steps: true (reasonable_steps = false)\n"
                 "        via child_safety -> responsible_for bob (from 2021-01-01)\n"
                 "        arithmetic: relevant_income 180,000.00 × seriousness[4] 30% = "
                 "54,000.00; round_down(54,000.00, 100.00) = 54,000.00\n") != std::string::npos);
  // The second breach gives no person facts: reasonable_steps is the default.
  CHECK(out.find("        where not reasonable_steps: true (reasonable_steps = false)\n") !=
        std::string::npos);
  CHECK(out.find("inputs: prior_breaches(12 months) = 1 (derived); reasonable_steps = false "
                 "(default); relevant_income = 180,000.00 (org)") != std::string::npos);
  CHECK(out.find("bob     Bob Jones    fine     censure, fine 108,000.00 GBP") !=
        std::string::npos);
}

TEST_CASE("smr test passes the example and fails a wrong expectation", "[cli]") {
  std::string out;
  CHECK(run_smr("test " + kExample, &out, nullptr) == 0);
  CHECK(out == "PASS Repeated grooming failures\n1 passed, 0 failed\n");
  std::string dir = temp_dir();
  write_file(dir + "/wrong.smr",
             "import \"" + std::string(SMR_SOURCE_DIR) +
                 "/rulesets/example/example.smr\";\n"
                 "scenario \"Wrong\" in acme { breach grooming on 2022-03-01 { severity 3; }\n"
                 "  expect bob: censure, fine 1 GBP; expect carol: none; }\n");
  // The import reaches outside the file's directory: --root allows it.
  CHECK(run_smr("test " + dir + "/wrong.smr --root " + SMR_SOURCE_DIR, &out, nullptr) == 1);
  // Scenarios run in source order: the importing file's come first.
  CHECK(out ==
        "FAIL Wrong\n"
        "  bob: expected censure, fine 1.00 GBP; got censure, fine 36,000.00 GBP\n"
        "PASS Repeated grooming failures\n"
        "1 passed, 1 failed\n");
}

TEST_CASE("exit codes: usage and unreadable files give 2, model errors 1", "[cli]") {
  std::string out, err;
  CHECK(run_smr("check /nonexistent/x.smr", &out, &err) == 2);
  CHECK(err == "smr: cannot read /nonexistent/x.smr: no such file\n");
  CHECK(run_smr("", &out, &err) == 2);
  CHECK(run_smr("eval --format xml " + kExample, &out, &err) == 2);
  CHECK(run_smr("eval --scenario Nope " + kExample, &out, &err) == 2);
  CHECK(run_smr("check --help", &out, &err) == 0);
  CHECK(out.find("FILE") != std::string::npos);
  std::string dir = temp_dir();
  write_file(dir + "/bad.smr", "regime \"R\" { currency GBP; }\nbreach b { area nowhere; }\n");
  CHECK(run_smr("eval " + dir + "/bad.smr", &out, &err) == 1);
  CHECK(out.empty());
  CHECK(err == dir +
                   "/bad.smr:2:17: error: unknown responsibility 'nowhere'\n"
                   "breach b { area nowhere; }\n"
                   "                ^~~~~~~\n"
                   "smr: 1 error, 0 warnings\n");
}

TEST_CASE("imports: relative, once each, cycles fine, a missing one is an error at the import",
          "[cli]") {
  std::string dir = temp_dir();
  write_file(dir + "/a.smr", "import \"sub/b.smr\";\nregime \"R\" { currency GBP; }\n");
  std::system(("mkdir -p " + dir + "/sub").c_str());
  write_file(dir + "/sub/b.smr", "import \"../a.smr\";\nfunction F \"f\";\n");
  std::string out, err;
  CHECK(run_smr("check " + dir + "/a.smr", &out, &err) == 0);
  CHECK(err == "ok: 2 files, 0 rules, 0 orgs, 0 scenarios, 0 warnings\n");
  write_file(dir + "/c.smr", "regime \"R\" { currency GBP; }\n  import \"missing.smr\";\n");
  CHECK(run_smr("check " + dir + "/c.smr", &out, &err) == 1);
  CHECK(err.find("c.smr:2:10: error: cannot read imported file '") != std::string::npos);
}

TEST_CASE("an evaluation error names scenario and breach, and other scenarios still report",
          "[cli]") {
  std::string dir = temp_dir();
  write_file(dir + "/e.smr", R"(regime "R" { currency GBP; }
function F "f"; responsibility a "a"; breach b { area a; }
fact d: int = 0;
rule r { when severity == 5; then fine 1 GBP / d to accountable; }
rule c { then censure to accountable; }
org o { person p { holds F; responsible_for a; } }
scenario "bad" { breach b on 2022-01-01 { severity 5; } }
scenario "good" { breach b on 2022-01-01 { severity 1; } }
)");
  std::string out, err;
  CHECK(run_smr("eval --format json " + dir + "/e.smr", &out, &err) == 1);
  CHECK(out.find("\"scenario\":\"bad\"") == std::string::npos);
  CHECK(out.find("\"scenario\":\"good\"") != std::string::npos);
  CHECK(err.find("e.smr:4:40: error: evaluation of scenario \"bad\" failed, breach 'b' on "
                 "2022-01-01: division by zero") != std::string::npos);
}

TEST_CASE("an unattributed breach is listed with a warning", "[cli]") {
  std::string dir = temp_dir();
  write_file(dir + "/u.smr", R"(regime "R" { currency GBP; }
function F "f"; responsibility a "a"; breach b { area a; }
rule c { then censure to accountable; }
org o { person p { holds F; responsible_for a from 2023-01-01; } }
scenario "gap" { breach b on 2022-01-01 { severity 1; } }
)");
  std::string out, err;
  CHECK(run_smr("eval --format json " + dir + "/u.smr", &out, &err) == 0);
  CHECK(
      out ==
      R"({"scenario":"gap","org":"o","currency":"GBP","persons":[],"unattributed":[{"breach":"b","date":"2022-01-01"}]})"
      "\n");
  CHECK(err.find(
            "u.smr:5:18: warning: breach 'b' on 2022-01-01 in scenario \"gap\" is unattributed") !=
        std::string::npos);
}

TEST_CASE("a flood of diagnostics is capped; dates outside 1000-9999 are refused",
          "[cli][limits]") {
  std::string dir = temp_dir();
  std::string text = "regime \"R\" { currency GBP; }\n";
  for (int i = 0; i < 300; ++i) text += "breach b" + std::to_string(i) + " { area nowhere; }\n";
  write_file(dir + "/flood.smr", text);
  std::string out, err;
  CHECK(run_smr("check " + dir + "/flood.smr", &out, &err) == 1);
  CHECK(err.find("smr: 100 more diagnostics not shown\nsmr: 300 errors, 0 warnings\n") !=
        std::string::npos);
  write_file(dir + "/old.smr", "regime \"R\" { currency GBP; }\nfact d: date = 0999-12-31;\n");
  CHECK(run_smr("check " + dir + "/old.smr", &out, &err) == 1);
  CHECK(err.find(
            "old.smr:2:16: error: date '0999-12-31' is outside the supported years 1000 to 9999") !=
        std::string::npos);
}
