// What a scenario's result holds, however it is evaluated: runs that share
// a thread, and results with and without their sanction records.
#include <catch2/catch.hpp>

#include "engine/evaluator.h"
#include "tests/eval_fixture.h"
#include "tests/support.h"

using namespace smr;
using smr::testing::build;
using smr::testing::compile;
using smr::testing::outcome;
using smr::testing::run;

TEST_CASE("a scenario that stops with an error leaves nothing behind for the next", "[eval]") {
  // Evaluations on one thread share a table of where each person's result
  // is; a run that throws halfway must give back what it took.
  auto c = build(R"(org o {
  person p { holds CEO; responsible_for data; }
  person q { holds CHAIR; }
}
rule board_first { then censure to board; }
rule neg { when severity == 4; then fine 10 GBP - 20 GBP to accountable; }
rule then_accountable { when severity == 1; then fine 5 GBP to accountable; }
scenario "fails" { breach leak on 2022-01-01 { severity 4; } }
scenario "fine" { breach leak on 2022-01-01 { severity 1; } })");
  REQUIRE(c->errors().empty());
  for (int round = 0; round < 2; ++round) {
    auto failed = run(*c, "fails");
    REQUIRE(failed.error);
    auto r = run(*c, "fine");
    REQUIRE_FALSE(r.error);
    // q was judged first (board_first), p second: the results come in id order.
    REQUIRE(r.persons.size() == 2);
    CHECK(r.persons[0].person == 0);
    CHECK(r.persons[0].records.size() == 1);
    CHECK(r.persons[0].sanctions.fine == Decimal::parse("5"));
    CHECK_FALSE(r.persons[0].sanctions.censure);
    CHECK(r.persons[1].person == 1);
    CHECK(r.persons[1].records.size() == 1);
    CHECK(r.persons[1].sanctions.censure);
    CHECK_FALSE(r.persons[1].sanctions.fine);
  }
}

TEST_CASE("without records, the same people get the same sanctions", "[eval]") {
  // A plain report needs only each person's totals; a regime with a fine
  // cap works the cap out from the records, so it keeps them anyway.
  auto c = build(R"(org o {
  person ceo { holds CEO; responsible_for safety; relevant_income 100_000 GBP; }
  person chair { holds CHAIR; }
}
rule fined { then fine relevant_income * 10% to accountable; }
rule twice { then fine 1 GBP to accountable; }
rule nothing { then fine 0 GBP to board; }
rule told { then censure to board; }
scenario "s" { breach harm on 2022-01-01 { severity 1; } breach harm on 2022-02-01 { severity 2; } })");
  const model::Scenario& sc = c->model.scenarios[0];
  const OrgGraph& g = c->compilation->graph(sc.org);
  EvalOptions with, without;
  without.records = false;
  ScenarioResult a = evaluate_scenario(c->model, g, 0, with);
  ScenarioResult b = evaluate_scenario(c->model, g, 0, without);
  REQUIRE(a.persons.size() == 2);
  REQUIRE(b.persons.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(a.persons[i].person == b.persons[i].person);
    CHECK(a.persons[i].sanctions == b.persons[i].sanctions);
    CHECK(b.persons[i].records.empty());
  }
  CHECK(a.persons[0].records.size() == 4);  // ceo: two fines for each breach
  CHECK(a.persons[1].records.size() == 4);  // chair: a zero fine and a censure each
  CHECK(outcome(*c, b, "ceo") == "fine 20,002.00 GBP");
  CHECK(outcome(*c, b, "chair") == "censure");

  auto capped = compile(R"(regime "R" { currency EUR; fine_cap 15_000 EUR; }
function CEO; responsibility safety; breach harm { area safety; }
rule fined { then fine relevant_income * 10% to accountable; }
rule more { then fine 9_000 EUR to accountable; }
org o { person ceo { holds CEO; responsible_for safety; relevant_income 100_000 EUR; } }
scenario "s" { breach harm on 2022-01-01 { severity 1; } breach harm on 2022-02-01 { severity 2; } })");
  REQUIRE(capped->errors().empty());
  ScenarioResult r = evaluate_scenario(
      capped->model, capped->compilation->graph(capped->model.scenarios[0].org), 0, without);
  // Each breach: 10,000 + 9,000 = 19,000, cut to 15,000; 30,000 for both.
  CHECK(outcome(*capped, r, "ceo") == "fine 30,000.00 EUR");
  CHECK(r.persons.at(0).records.size() == 4);
}
