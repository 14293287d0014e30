// The bundled rulesets stay honest: each checks without errors, passes its
// own hand-worked scenario suite, and has no rule that never fires.
#include <catch2/catch.hpp>

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
