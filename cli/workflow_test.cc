// The regression workflow: smr diff, JUnit and coverage for smr test, and
// smr graph rendered by Graphviz.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {
const std::string kData = std::string(SMR_SOURCE_DIR) + "/tests/data/diff/";
const std::string kExample = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
std::string diff_args(const std::string& base, const std::string& head) {
  return "diff --base " + kData + base + " --head " + kData + head + " " + kData + "common.smr";
}
}  // namespace

TEST_CASE("diff shows who moved, before and after, and the rules behind it", "[diff]") {
  // Worked by hand: head drops consistent_failure (bob's 18,000 uplift in the
  // first scenario) and raises oversight to severity 5 (alice's censure for
  // the severity-4 breach goes; the severity-5 scenario still censures her).
  std::string out, err;
  REQUIRE(run_smr(diff_args("base.smr", "head.smr"), &out, &err) == 0);
  CHECK(out ==
        "scenario \"Repeated grooming failures\"\n"
        "  alice: censure (censure) -> none (none)\n"
        "    rule oversight: censure -> did not fire\n"
        "  bob: fine (censure, fine 108,000.00 GBP) -> fine (censure, fine 90,000.00 GBP)\n"
        "    rule consistent_failure: fine 18,000.00 GBP -> did not fire\n"
        "2 of 9 person-outcomes changed in 1 of 3 scenarios\n");
}

TEST_CASE("diff --format json is the documented object", "[diff]") {
  std::string out;
  REQUIRE(run_smr(diff_args("base.smr", "head.smr") + " --format json", &out, nullptr) == 0);
  CHECK(
      out ==
      R"({"changes":[)"
      R"({"scenario":"Repeated grooming failures","person":"alice",)"
      R"("before":{"outcome":"censure","censure":true,"fine":"0.00","disqualification":false,"criminal":false},)"
      R"("after":{"outcome":"none","censure":false,"fine":"0.00","disqualification":false,"criminal":false},)"
      R"("rules_before":["oversight"],"rules_after":[]},)"
      R"({"scenario":"Repeated grooming failures","person":"bob",)"
      R"("before":{"outcome":"fine","censure":true,"fine":"108000.00","disqualification":false,"criminal":false},)"
      R"("after":{"outcome":"fine","censure":true,"fine":"90000.00","disqualification":false,"criminal":false},)"
      R"("rules_before":["censure_no_steps","consistent_failure","fine_by_seriousness"],)"
      R"("rules_after":["censure_no_steps","fine_by_seriousness"]}],)"
      R"("summary":{"changed":2,"person_outcomes":9,"scenarios_changed":1,"scenarios":3}})"
      "\n");
}

TEST_CASE("identical versions give no change; --fail-on-change exits 1 only on change", "[diff]") {
  std::string out;
  CHECK(run_smr(diff_args("base.smr", "base.smr") + " --fail-on-change", &out, nullptr) == 0);
  CHECK(out == "0 of 9 person-outcomes changed in 0 of 3 scenarios\n");
  CHECK(run_smr(diff_args("base.smr", "head.smr") + " --fail-on-change", &out, nullptr) == 1);
}

TEST_CASE("diff takes several files per version and names the failing version", "[diff]") {
  std::string dir = temp_dir();
  write_file(dir + "/r1.smr",
             "rule censure_no_steps { when severity >= 2; then censure to accountable; }\n");
  write_file(dir + "/r2.smr",
             "rule fine_all { when severity >= 3; then fine 1 GBP to accountable; }\n");
  std::string out, err;
  REQUIRE(run_smr("diff --base " + dir + "/r1.smr --head " + dir + "/r1.smr --head " + dir +
                      "/r2.smr " + kData + "common.smr",
                  &out, &err) == 0);
  CHECK(out ==
        "scenario \"Repeated grooming failures\"\n"
        "  bob: censure (censure) -> fine (censure, fine 2.00 GBP)\n"
        "    rule fine_all: did not fire -> fine 2.00 GBP\n"
        "scenario \"Steps taken\"\n"
        "  bob: censure (censure) -> fine (censure, fine 1.00 GBP)\n"
        "    rule fine_all: did not fire -> fine 1.00 GBP\n"
        "2 of 9 person-outcomes changed in 2 of 3 scenarios\n");
  write_file(dir + "/broken.smr", "rule r { then censure to nobody; }\n");
  CHECK(run_smr(
            "diff --base " + dir + "/r1.smr --head " + dir + "/broken.smr " + kData + "common.smr",
            &out, &err) == 1);
  CHECK(out.empty());
  CHECK(err.find("broken.smr:1:26: error: expected a selector (accountable, delegates, managers, "
                 "holders, board or involved), found 'nobody'") != std::string::npos);
  CHECK(err.find("smr: head: 1 error, 0 warnings") != std::string::npos);
}

TEST_CASE("smr test --junit writes one testcase per scenario, failures with their text",
          "[test][junit]") {
  std::string dir = temp_dir();
  write_file(
      dir + "/suite.smr",
      "import \"" + kExample +
          "\";\n"
          "scenario \"Wrong <&> fine\" in acme { breach grooming on 2022-03-01 { severity 3; }\n"
          "  expect bob: censure, fine 1 GBP; }\n"
          "scenario \"No expectations\" in acme { breach grooming on 2022-03-01 { severity 3; } "
          "}\n");
  std::string out;
  CHECK(run_smr("test --junit " + dir + "/junit.xml " + dir + "/suite.smr --root " + SMR_SOURCE_DIR,
                &out, nullptr) == 1);
  pugi::xml_document doc;
  REQUIRE(doc.load_file((dir + "/junit.xml").c_str()));
  pugi::xml_node suite = doc.child("testsuite");
  CHECK(suite.attribute("tests").as_int() == 2);
  CHECK(suite.attribute("failures").as_int() == 1);
  CHECK(suite.attribute("errors").as_int() == 0);
  auto cases = suite.children("testcase");
  std::vector<pugi::xml_node> list(cases.begin(), cases.end());
  REQUIRE(list.size() == 2);
  CHECK(std::string(list[0].attribute("name").value()) == "Wrong <&> fine");
  CHECK(std::string(list[0].child("failure").child_value()) ==
        "bob: expected censure, fine 1.00 GBP; got censure, fine 36,000.00 GBP\n");
  CHECK(std::string(list[1].attribute("name").value()) == "Repeated grooming failures");
  CHECK(list[1].child("failure").empty());
  CHECK(run_smr("test --junit /nonexistent/dir/j.xml " + kExample, &out, nullptr) == 2);
}

TEST_CASE("smr test --coverage counts each rule's sanctions and names unfired rules",
          "[test][coverage]") {
  std::string dir = temp_dir();
  write_file(dir + "/cov.smr",
             "import \"" + kExample +
                 "\";\n"
                 "rule never_used { when severity == 5; then criminal to board; }\n");
  std::string out;
  CHECK(run_smr("test --coverage " + dir + "/cov.smr --root " + SMR_SOURCE_DIR, &out, nullptr) ==
        0);
  CHECK(out.find("PASS Repeated grooming failures\n"
                 "coverage:\n"
                 "  never_used               0 sanctions  never fired\n"
                 "    when severity == 5: true 0, false 2  never true\n"
                 "    then criminal to board: 0 sanctions\n"
                 "  censure_no_steps         2 sanctions\n") == 0);
  CHECK(out.find("  oversight                1 sanction\n") != std::string::npos);
  CHECK(out.find("\n1 of 5 rules never fired\n1 passed, 0 failed\n") != std::string::npos);
}

TEST_CASE("smr graph writes DOT that Graphviz renders, with the used paths in red", "[graph]") {
  std::string dir = temp_dir();
  std::string dot;
  REQUIRE(run_smr("graph --scenario \"Repeated grooming failures\" " + kExample, &dot, nullptr) ==
          0);
  write_file(dir + "/g.dot", dot);
  // bob is accountable; his responsibility edge and his line to alice carried
  // the sanctions; carol's delegation and her line to bob did not.
  CHECK(dot.find("label=\"Bob Jones\\n(bob)\\nChief Operations (SMF24)\\ncensure, fine 108,000.00 "
                 "GBP\", shape=box, style=\"rounded,filled\", fillcolor=\"#fdae6b\", "
                 "fontcolor=black, color=red") != std::string::npos);
  CHECK(dot.find("p1 -> p0 [style=solid, label=\"reports to\", color=red") != std::string::npos);
  CHECK(dot.find("p1 -> a0 [style=dashed, label=\"responsible for\", color=red") !=
        std::string::npos);
  CHECK(dot.find("p1 -> p2 [style=dotted, label=\"delegates child_safety\", constraint=false]") !=
        std::string::npos);
  CHECK(dot.find("p2 -> p1 [style=solid, label=\"reports to\"]") != std::string::npos);
  REQUIRE(std::system(("dot -Tsvg " + dir + "/g.dot -o " + dir + "/g.svg").c_str()) == 0);
  std::string out;
  pugi::xml_document svg;
  REQUIRE(svg.load_file((dir + "/g.svg").c_str()));
  int red_edges = 0, edges = 0;
  for (auto g : svg.select_nodes("//*[local-name()='g'][@class='edge']")) {
    ++edges;
    auto path = g.node().select_node(".//*[local-name()='path']");
    if (path && std::string(path.node().attribute("stroke").value()) == "red") ++red_edges;
  }
  CHECK(edges == 4);
  CHECK(red_edges == 2);
}

TEST_CASE("smr graph without a scenario draws the org on a date", "[graph]") {
  std::string dot;
  REQUIRE(run_smr("graph --date 2020-06-01 " + kExample, &dot, nullptr) == 0);
  CHECK(dot.find("label=\"Acme Social Ltd on 2020-06-01\"") != std::string::npos);
  CHECK(dot.find("color=red") == std::string::npos);
  CHECK(dot.find("responsible_for") == std::string::npos);  // bob's starts in 2021
  CHECK(run_smr("graph --date 2020-02-30 " + kExample, &dot, nullptr) == 2);
  CHECK(run_smr("graph --org nope " + kExample, &dot, nullptr) == 2);
}

TEST_CASE(
    "smr test --scenarios-jsonl runs streamed expectations; eval streams text and picks names",
    "[test][jsonl]") {
  std::string dir = temp_dir();
  // ok: bob 180,000 x 30% = 54,000 and censure; alice censured (severity 4);
  // wrong: severity 3 gives bob 36,000 and censure, not none.
  write_file(
      dir + "/t.jsonl",
      R"({"name": "ok", "breaches": [{"type": "grooming", "date": "2022-03-01", "severity": 4}],)"
      R"( "expect": {"bob": ["censure", "fine 54000 GBP"], "alice": ["censure"], "carol": []}})"
      "\n"
      R"({"name": "wrong", "breaches": [{"type": "grooming", "date": "2022-03-01", "severity": 3}],)"
      R"( "expect": {"bob": ["none"]}})"
      "\n"
      R"({"name": "untested", "breaches": [{"type": "grooming", "date": "2022-03-01", "severity": 3}]})"
      "\n");
  std::string out, err;
  CHECK(run_smr("test " + kExample + " --scenarios-jsonl " + dir + "/t.jsonl", &out, &err) == 1);
  CHECK(out ==
        "PASS ok\nFAIL wrong\n  bob: expected none; got censure, fine 36,000.00 GBP\n1 passed, 1 "
        "failed\n");
  CHECK(run_smr("eval " + kExample + " --scenarios-jsonl " + dir +
                    "/t.jsonl --format text --scenario wrong",
                &out, &err) == 0);
  CHECK(out ==
        "scenario \"wrong\" (org acme)\n  person  name       outcome  sanctions\n"
        "  bob     Bob Jones  fine     censure, fine 36,000.00 GBP\n");
}

TEST_CASE("smr test --coverage: clauses, conditions, table rows and idle breach types",
          "[coverage]") {
  std::string dir = temp_dir(), out;
  REQUIRE(run_smr("test --coverage --coverage-json " + dir + "/cov.json " + kExample, &out,
                  nullptr) == 0);
  // By hand: the two breaches have severities 4 and 3. The first has no
  // earlier breach (consistent_failure's when is false), oversight needs 4;
  // the seriousness table is read at 4 and at 3; no scenario has an abuse
  // image series.
  CHECK(out.find("  consistent_failure       1 sanction\n"
                 "    when prior_breaches(12 months) >= 1: true 1, false 1\n"
                 "    then fine to accountable: 1 sanction\n"
                 "      where not reasonable_steps: true 1, false 0  never false\n") !=
        std::string::npos);
  CHECK(out.find("    when severity >= 2: true 2, false 0  never false\n") != std::string::npos);
  CHECK(out.find("  table seriousness: 1: never used, 2: never used, 3: 1 use, 4: 1 use, 5: never "
                 "used, default: never used\n") != std::string::npos);
  CHECK(out.find("breach types no scenario exercises: abuse_image_series\n"
                 "4 of 6 table rows never used\n"
                 "0 of 4 rules never fired\n"
                 "1 passed, 0 failed\n") != std::string::npos);
  std::ifstream in(dir + "/cov.json");
  auto j = nlohmann::json::parse(in);
  CHECK(j["rules"][3]["rule"] == "oversight");
  CHECK(j["rules"][3]["when"]["counts"] == nlohmann::json::parse(R"({"true":1,"false":1})"));
  CHECK(j["rules"][1]["clauses"][0]["sanctions"] == 2);
  CHECK(j["tables"][0]["rows"][3] == nlohmann::json::parse(R"({"key":4,"uses":1})"));
  CHECK(j["tables"][0]["default"]["uses"] == 0);
  CHECK(j["breach_types"][1] ==
        nlohmann::json::parse(R"({"breach_type":"abuse_image_series","breaches":0})"));
  CHECK(run_smr("test --coverage-json " + dir + "/no/such/dir/c.json " + kExample, &out, nullptr) ==
        2);
}
