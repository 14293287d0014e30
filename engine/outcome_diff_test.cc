// What `diff` compares: each person's sanctions and each rule's effect.
#include "engine/outcome_diff.h"

#include <catch2/catch.hpp>

#include "tests/support.h"

using namespace smr;

namespace {
std::string model_with(const std::string& rules) {
  return R"(regime "R" { currency GBP; }
function CEO "CEO";
responsibility a "A";
breach b { area a; }
org acme {
  person ann "Ann" { holds CEO; relevant_income 100_000 GBP; responsible_for a; }
  person bob "Bob" { holds CEO; reports_to ann; }
}
scenario "s" { breach b on 2022-03-01 { severity 3; } }
)" + rules;
}
}  // namespace

TEST_CASE("diff lists only the persons whose sanctions moved, with the rules that moved them",
          "[outcome_diff]") {
  auto base =
      testing::compile(model_with("rule c { then censure to accountable; }\n"
                                  "rule f { then fine relevant_income * 10% to accountable; }\n"));
  auto head =
      testing::compile(model_with("rule c { then censure to accountable; }\n"
                                  "rule f { then fine relevant_income * 20% to accountable; }\n"
                                  "rule m { then censure to managers of accountable; }\n"));
  REQUIRE(base->errors().empty());
  REQUIRE(head->errors().empty());
  ScenarioDiff d =
      diff_scenario(base->model, testing::run(*base, "s"), head->model, testing::run(*head, "s"));
  CHECK(d.persons_compared == 2);
  REQUIRE(d.changes.size() == 1);  // bob: ann has no manager, so `m` selects nobody
  const PersonChange& ann = d.changes[0];
  CHECK(ann.person == "ann");
  CHECK(ann.before.describe("GBP") == "censure, fine 10,000.00 GBP");
  CHECK(ann.after.describe("GBP") == "censure, fine 20,000.00 GBP");
  REQUIRE(ann.rules_changed.size() == 1);
  CHECK(ann.rules_changed[0].rule == "f");
  CHECK(ann.rules_changed[0].before->fine == Decimal::parse("10000"));
  CHECK(ann.rules_changed[0].after->fine == Decimal::parse("20000"));
}
