// `eval --explain` and `--why-not` as a reviewer reads them: the worked
// example by hand, the JSON's structure, and explanations that stay linear
// on deep reporting chains.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {

const std::string kExample = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";

// A reporting chain p000000 (accountable) -> p000001 -> ... -> pN, every
// manager censured by one rule.
std::string chain(int n) {
  std::string text = R"(regime "r" { currency GBP; }
function CEO "Chief Executive";
responsibility data "Data";
breach leak { area data; }
org o {
  person p000000 { holds CEO; responsible_for data; reports_to p000001; }
)";
  char buf[80];
  for (int i = 1; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "  person p%06d { reports_to p%06d; }\n", i, i + 1);
    text += buf;
  }
  std::snprintf(buf, sizeof buf, "  person p%06d { }\n}\n", n);
  text += buf;
  return text + R"(rule all { then censure to managers(1000000); }
scenario "s" { breach leak on 2022-01-01 { severity 1; } }
)";
}

}  // namespace

TEST_CASE("--why-not carol: each breach and rule, with whom the selector reached", "[explain]") {
  std::string out, err;
  REQUIRE(run_smr("eval --why-not carol " + kExample, &out, &err) == 0);
  // Carol reports to Bob, who delegated child_safety to her: no `accountable`
  // rule reaches her, `delegates` would. On 2022-03-01 only one earlier breach
  // could count for consistent_failure, and there is none; on 2022-09-01
  // severity 3 keeps oversight (>= 4) off.
  const std::string delegation =
      "        delegates would reach carol via child_safety -> responsible_for bob (from "
      "2021-01-01) -> delegates child_safety to carol (from 2021-06-01)\n";
  CHECK(out.find("  why not carol (Carol White): none\n"
                 "    breach 'grooming' on 2022-03-01\n"
                 "      censure_no_steps, then censure to accountable: not reached; the selector "
                 "reached bob\n"
                 "        bob via child_safety -> responsible_for bob (from 2021-01-01)\n" +
                 delegation) != std::string::npos);
  CHECK(out.find("      consistent_failure: when prior_breaches(12 months) >= 1: false "
                 "(prior_breaches(12 months) = 0)\n"
                 "      oversight, then censure to managers: not reached; the selector reached "
                 "alice\n") != std::string::npos);
  CHECK(out.find("    breach 'grooming' on 2022-09-01\n") != std::string::npos);
  CHECK(out.find("      oversight: when severity >= 4: false (severity = 3)\n") !=
        std::string::npos);
  CHECK(out.find("sanctioned") == std::string::npos);
}

TEST_CASE("--why-not on a sanctioned person says what each rule gave", "[explain]") {
  std::string out;
  REQUIRE(run_smr("eval --why-not bob " + kExample, &out, nullptr) == 0);
  CHECK(out.find("  why not bob (Bob Jones): censure, fine 108,000.00 GBP\n") != std::string::npos);
  CHECK(out.find("      fine_by_seriousness, then fine to accountable: sanctioned (fine 54,000.00 "
                 "GBP)\n") != std::string::npos);
  CHECK(out.find("      oversight, then censure to managers: not reached; the selector reached "
                 "alice\n") != std::string::npos);
}

TEST_CASE("--why-not names an unknown person with the closest id", "[explain]") {
  std::string out, err;
  CHECK(run_smr("eval --why-not carl " + kExample, &out, &err) == 2);
  CHECK(out.empty());
  CHECK(err == "smr eval: --why-not: no person 'carl' in any org; did you mean 'carol'?\n");
}

TEST_CASE("--explain --format json: path, inputs, conditions and arithmetic as arrays",
          "[explain]") {
  std::string out;
  REQUIRE(run_smr("eval --explain --format json --why-not carol " + kExample, &out, nullptr) == 0);
  auto j = nlohmann::json::parse(out);
  const auto& bob = j["persons"][1];
  REQUIRE(bob["id"] == "bob");
  const auto& fine = bob["reasons"][1];
  CHECK(fine["rule"] == "fine_by_seriousness");
  CHECK(fine["citations"] == nlohmann::json::array({"DEPP 6.5B.2G"}));
  CHECK(fine["path"] == nlohmann::json::parse(
                            R"([{"root":"area","area":"child_safety"},
                                {"edge":"responsible_for","person":"bob","area":"child_safety",
                                 "from":"2021-01-01"}])"));
  CHECK(fine["inputs"][1] ==
        nlohmann::json::parse(R"({"name":"reasonable_steps","value":"false","source":"given"})"));
  CHECK(fine["conditions"][1] == nlohmann::json::parse(
                                     R"({"kind":"where","text":"not reasonable_steps","value":true,
                                         "inputs":[{"name":"reasonable_steps","value":"false"}]})"));
  CHECK(fine["arithmetic"][0] ==
        nlohmann::json::parse(R"({"op":"×","operands":[{"name":"relevant_income",
            "value":"180000.00"},{"name":"seriousness[4]","value":"30%"}],"result":"54000.00"})"));
  CHECK(fine["arithmetic"][1]["op"] == "round_down");
  const auto& why = j["why_not"][0];
  CHECK(why["person"] == "carol");
  CHECK(why["in_org"] == true);
  const auto& first = why["answers"][0];
  CHECK(first["reason"] == "not_reached");
  CHECK(first["selector"] == "accountable");
  CHECK(first["reached"][0]["person"] == "bob");
  CHECK(first["would_reach"]["selector"] == "delegates");
  CHECK(first["would_reach"]["path"].back() ==
        nlohmann::json::parse(R"({"edge":"delegates","person":"bob","area":"child_safety",
                                  "to":"carol","from":"2021-06-01"})"));
  CHECK(why["answers"][2]["reason"] == "when_false");
}

TEST_CASE("--explain on a 10,000-level chain is linear: each path step shown once",
          "[explain][deep]") {
  const int n = 10000;
  std::string dir = temp_dir();
  write_file(dir + "/chain.smr", chain(n));
  std::string text, json;
  REQUIRE(run_smr("eval --explain " + dir + "/chain.smr", &text, nullptr) == 0);
  REQUIRE(run_smr("eval --explain --format json " + dir + "/chain.smr", &json, nullptr) == 0);
  // Whole paths would be n^2 / 2 steps of about 30 bytes: 1.5 GB. Shared,
  // each censure takes a few hundred bytes.
  CHECK(text.size() < 400u * n);
  CHECK(json.size() < 700u * n);
  // Short paths are shown whole; longer ones go on from the path above.
  CHECK(text.find("via data -> responsible_for p000000 -> reports_to p000001\n") !=
        std::string::npos);
  CHECK(text.find("via [the path to p009998 above] -> reports_to p009999\n") != std::string::npos);
  auto j = nlohmann::json::parse(json);
  const auto& last = j["persons"].back();
  CHECK(last["id"] == "p010000");
  CHECK(last["reasons"][0]["path"] == nlohmann::json::parse(
                                          R"([{"shared":"p009999"},{"edge":"reports_to",
                                              "person":"p009999","manager":"p010000"}])"));
}
