// The v2 additions of the language: citations, let, the involved and
// holders selectors, grouping, prior_sanctions, dated tables, several
// fallbacks, and the expect-money check, against hand-worked outcomes.
#include <catch2/catch.hpp>

#include "engine/evaluator.h"
#include "engine/explain.h"
#include "tests/eval_fixture.h"
#include "tests/support.h"

using namespace smr;
using smr::testing::build;
using smr::testing::compile;
using smr::testing::kBase;
using smr::testing::outcome;
using smr::testing::person;
using smr::testing::run;

TEST_CASE("v2: involved, holders of any function, groups, several fallbacks, citations",
          "[eval][v2]") {
  auto c = compile(R"(regime "R" { currency GBP; unallocated falls_to CHAIR, CEO; }
function CEO "Chief Executive";
function COO "Chief Operations";
function CHAIR "Chair" board;
responsibility safety "Safety";
responsibility data "Data";
person_fact agreed: bool = false;
breach harm { area safety; }
breach leak { area data; }
rule s36 "Decision causing failure" {
  cite "FS(BR)A 2013 s36";
  cite "FSMA 2000 s66A";
  then criminal to involved where agreed;
}
rule officers { on leak; then censure to holders; }
rule fallback_fine { on leak; then fine 100 GBP to accountable; }
rule oversight { on harm; then disqualification to managers of (accountable, involved); }
org o {
  person ceo { holds CEO; }
  person coo { holds COO; reports_to ceo; responsible_for safety; }
  person dir { reports_to coo; }
  person chair { holds CHAIR from 2022-06-01; }
}
scenario "harm" { breach harm on 2022-03-01 { severity 3; person dir { agreed true; } } }
scenario "leak before the chair" { breach leak on 2022-03-01 { severity 3; } }
scenario "leak after" { breach leak on 2022-07-01 { severity 3; } }
)");
  REQUIRE(c->errors().empty());
  const auto& rule = c->model.rules[0];
  CHECK(rule.title == "Decision causing failure");
  CHECK(rule.citations == std::vector<std::string>{"FS(BR)A 2013 s36", "FSMA 2000 s66A"});
  // dir took part (agreed): criminal; managers of coo (accountable) and of dir
  // (involved) are ceo and coo: disqualified.
  auto harm = run(*c, "harm");
  CHECK(outcome(*c, harm, "dir") == "criminal");
  CHECK(outcome(*c, harm, "ceo") == "disqualification");
  CHECK(outcome(*c, harm, "coo") == "disqualification");
  CHECK(outcome(*c, harm, "chair") == "none");
  // data is unallocated: before June no one holds CHAIR, so it falls to the
  // CEO; `holders` (every function holder) is censured either way.
  auto before = run(*c, "leak before the chair");
  CHECK(before.unattributed.empty());
  CHECK(outcome(*c, before, "ceo") == "censure, fine 100.00 GBP");
  CHECK(outcome(*c, before, "coo") == "censure");
  CHECK(outcome(*c, before, "dir") == "none");
  // From June the chair, the first fallback with a holder, is accountable.
  auto after = run(*c, "leak after");
  CHECK(outcome(*c, after, "chair") == "censure, fine 100.00 GBP");
  CHECK(outcome(*c, after, "ceo") == "censure");
  CHECK(c->model.fallback_functions.size() == 2);
}

TEST_CASE("v2: a dated table uses the block in force on the breach date", "[eval][v2]") {
  auto c = build(R"(table level: int -> percent { 1: 0%, 2: 10%, 3: 20% }
  from 2024-07-01 { 1: 0%, 2: 15%, 3: 25% }
  from 2025-01-01 { default 50% }
rule f { then fine relevant_income * level[severity] to accountable; }
org o { person p { holds CEO; responsible_for data; relevant_income 100_000 GBP; } }
scenario "before" { breach leak on 2024-06-30 { severity 3; } }
scenario "on the day" { breach leak on 2024-07-01 { severity 3; } }
scenario "later" { breach leak on 2025-03-01 { severity 2; } }
)");
  CHECK(outcome(*c, run(*c, "before"), "p") == "fine 20,000.00 GBP");
  CHECK(outcome(*c, run(*c, "on the day"), "p") == "fine 25,000.00 GBP");
  CHECK(outcome(*c, run(*c, "later"), "p") == "fine 50,000.00 GBP");
  auto bad = compile(
      kBase +
      std::string(
          R"(table t: int -> int { 1: 1 } from 2024-01-01 { 1: 2 } from 2023-01-01 { 1: 3 })"));
  CHECK(bad->errors() ==
        std::vector<std::string>{
            "12:60: error: the blocks of table 't' must start on increasing dates; 2023-01-01 is "
            "not after 2024-01-01"});
}

TEST_CASE("v2: an expected fine with more decimal places than the currency could never hold",
          "[eval][v2]") {
  auto c = compile(kBase + std::string(R"(org o { person p { holds CEO; responsible_for data; } }
scenario "s" { breach leak on 2024-01-01 { severity 1; } expect p: fine 10.005 GBP; })"));
  CHECK(c->errors() ==
        std::vector<std::string>{
            "13:73: error: an expected fine has more decimal places than GBP has (2): a fine "
            "is rounded to them, so this could never hold"});
}

TEST_CASE("v2: let names intermediate values, person-scope lets only where a person is judged",
          "[eval][v2]") {
  auto c = build(R"(table level: int -> percent { 1: 0%, 2: 10%, 3: 20% }
person_fact aggravation: percent = 0%;
person_fact settled: bool = false;
rule depp "DEPP 6.5B steps 2, 3 and 5" {
  cite "DEPP 6.5B.2G";
  let step2 = relevant_income * level[severity];
  let step3 = step2 * (100% + aggravation);
  let discount = if settled then 30% else 0%;
  when severity >= 2;
  then fine round_down(step3 * (100% - discount), 100 GBP) to accountable;
}
org o { person p { holds CEO; responsible_for data; relevant_income 100_000 GBP; } }
scenario "s" { breach leak on 2024-01-01 { severity 3; person p { aggravation 25%; settled true; } } }
)");
  // step2 = 100,000 × 20% = 20,000; step3 = 20,000 × 125% = 25,000;
  // × 70% = 17,500, rounded down to 100s: 17,500.
  CHECK(outcome(*c, run(*c, "s"), "p") == "fine 17,500.00 GBP");
  auto r = run(*c, "s", true);
  const PersonResult p = person(*c, r, "p");
  const auto& rec = p.records.at(0);
  // Each operand named; a sum of percentages shown as one.
  CHECK(arithmetic_text(rec.explanation().arithmetic) ==
        "relevant_income 100,000.00 × level[3] 20% = 20,000.00; 100% + aggravation 25% = 125%; "
        "step2 20,000.00 × 125% = 25,000.00; 100% - discount 30% = 70%; step3 25,000.00 × 70% = "
        "17,500.00; round_down(17,500.00, 100.00) = 17,500.00");
  const auto& lets = rec.explanation().lets;
  REQUIRE(lets.size() == 3);
  CHECK((lets[0].name == "step2" && shown_text(lets[0].value) == "20,000.00"));
  CHECK((lets[1].name == "step3" && shown_text(lets[1].value) == "25,000.00"));
  CHECK((lets[2].name == "discount" && shown_text(lets[2].value) == "30%"));
  auto bad = compile(kBase + std::string(R"(person_fact f: int = 0;
rule r { let x = f + 1; when x > 1; let days_in_post = 2; let x = 3; then censure to accountable; let amount = 1; })"));
  CHECK(bad->errors() ==
        std::vector<std::string>{
            "13:30: error: let 'x' reads the judged person's facts: use it in 'where' or in a "
            "fine amount",
            "13:41: error: let 'days_in_post' has the name of a built-in name; choose another name",
            "13:63: error: rule 'r' has a second let 'x'",
            "13:99: error: a rule's 'let' lines come before its 'then' clauses",
            "13:103: error: let 'amount' has the name of a fact or table; choose another name"});
}

TEST_CASE("v2: prior_sanctions counts the judged person's own record, not the area's",
          "[eval][v2]") {
  // ann holds data until June, then bea. The uplift applies to someone
  // sanctioned for an earlier breach within 12 months, whoever held the area.
  auto c = build(R"(rule base { then censure to accountable; }
rule uplift { then fine 1_000 GBP to accountable where prior_sanctions(12 months) >= 1; }
org o {
  person ann { holds CEO; responsible_for data until 2022-06-01; }
  person bea { holds COO; responsible_for data from 2022-06-01; }
}
scenario "handover" {
  breach leak on 2022-03-01 { severity 2; }
  breach leak on 2022-07-01 { severity 2; }
  breach leak on 2022-08-01 { severity 2; }
  breach leak on 2022-08-01 { severity 2; }
}
)");
  auto r = run(*c, "handover");
  // ann: one breach, no earlier record: censure only. bea: 07-01 first (no
  // uplift); each 08-01 breach sees the 07-01 one (same-day ones do not count).
  CHECK(outcome(*c, r, "ann") == "censure");
  CHECK(outcome(*c, r, "bea") == "censure, fine 2,000.00 GBP");
  auto bad = compile(
      kBase + std::string("rule r { when prior_sanctions(1 year) > 0; then censure to board; }"));
  CHECK(bad->errors() ==
        std::vector<std::string>{"12:15: error: prior_sanctions is the judged person's record: "
                                 "use it in 'where' or in a fine amount"});
}

TEST_CASE("v2: fine_cap cuts one person's fines for one breach", "[eval][v2]") {
  auto c = compile(R"(regime "SEAR" { currency EUR; fine_cap max(1_000_000 EUR, 2 * benefit); }
function PCF1 "CEO";
responsibility aml "AML";
person_fact benefit: money = 0 EUR;
breach failure { area aml; }
rule band { then fine relevant_income * 300% to accountable; }
rule repeat { then fine 400_000 EUR to accountable; }
org o { person p { holds PCF1; responsible_for aml; relevant_income 500_000 EUR; } }
scenario "capped" {
  breach failure on 2024-01-01 { severity 3; }
  breach failure on 2024-02-01 { severity 3; person p { benefit 800_000 EUR; } }
}
)");
  REQUIRE(c->errors().empty());
  // Each breach: 1,500,000 + 400,000 = 1,900,000. First cut to 1,000,000
  // (the benefit is 0); second to max(1,000,000, 1,600,000) = 1,600,000.
  auto r = run(*c, "capped", true);
  CHECK(outcome(*c, r, "p") == "fine 2,600,000.00 EUR");
  const auto& p = person(*c, r, "p");
  REQUIRE(p.caps.size() == 2);
  CHECK(p.caps[0].removed == *Decimal::parse("900000"));
  CHECK(p.caps[1].cap == *Decimal::parse("1600000"));
  CHECK(arithmetic_text(p.caps[1].explanation.arithmetic) ==
        "2 × benefit 800,000.00 = 1,600,000.00; max(1,000,000.00, 1,600,000.00) = 1,600,000.00");
  CHECK(input_text(p.caps[1].explanation.inputs.at(0)) == "benefit = 800,000.00 (given)");
  CHECK(input_text(p.caps[0].explanation.inputs.at(0)) == "benefit = 0.00 (default)");
}
