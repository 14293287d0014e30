// DOT output of the org: people, areas and edges valid on the date, with a
// scenario's paths highlighted.
#include "engine/org_dot.h"

#include <catch2/catch.hpp>

#include "engine/evaluator.h"
#include "tests/support.h"

using namespace smr;

namespace {
const char* kModel = R"(regime "R" { currency GBP; }
function CEO "Chief Executive";
function COO "Chief Operations";
responsibility safety "Safety";
person_fact reasonable_steps: bool = false;
breach b { area safety; }
rule r { then censure to accountable, managers; }
org acme "Acme" {
  person ann "Ann A" { holds CEO; }
  person bob "Bob B" { holds COO until 2023-01-01; reports_to ann; responsible_for safety; }
  person cy "Cy C" { reports_to bob from 2022-06-01; }
}
scenario "s" { breach b on 2022-03-01 { severity 3; } }
)";
}  // namespace

TEST_CASE("the DOT holds only what is valid on the date", "[org_dot]") {
  auto c = testing::compile(kModel);
  REQUIRE(c->errors().empty());
  std::string early = org_to_dot(c->model, 0, *Date::parse("2022-03-01"), nullptr);
  CHECK(early.find("label=\"Acme on 2022-03-01\"") != std::string::npos);
  CHECK(early.find("label=\"Bob B\\n(bob)\\nCOO\"") != std::string::npos);
  CHECK(early.find("1->0 [style=solid, label=\"reports_to\"]") != std::string::npos);
  CHECK(early.find("2->1") == std::string::npos);  // cy reports to bob only from June
  std::string late = org_to_dot(c->model, 0, *Date::parse("2023-02-01"), nullptr);
  CHECK(late.find("2->1 [style=solid, label=\"reports_to\"]") != std::string::npos);
  CHECK(late.find("label=\"Bob B\\n(bob)\"") != std::string::npos);  // COO ended
}

TEST_CASE("a scenario's paths and accountable people are drawn in red", "[org_dot]") {
  auto c = testing::compile(kModel);
  ScenarioResult r = testing::run(*c, "s");
  std::map<int, std::string> outcomes{{0, "censure"}, {1, "censure"}};
  DotHighlight h = highlight_for(c->model, r, outcomes);
  CHECK(h.accountable == std::set<int>{1});
  std::string dot = org_to_dot(c->model, 0, *Date::parse("2022-03-01"), &h);
  CHECK(dot.find("1->0 [style=solid, label=\"reports_to\", color=red") != std::string::npos);
  CHECK(dot.find("censure") != std::string::npos);
}
