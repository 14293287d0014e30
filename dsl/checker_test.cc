// Every class of check at its exact place.
#include <algorithm>
#include <catch2/catch.hpp>

#include "dsl/core/spelling.h"
#include "tests/support.h"

using smr::testing::compile;
using Lines = std::vector<std::string>;

namespace {
const char* kBase = R"(regime "R" { currency GBP; unallocated falls_to CEO; }
function CEO "Chief Executive";
function COO "Chief Operations";
responsibility child_safety "Child safety";
fact children_affected: int = 0;
person_fact reasonable_steps: bool = false;
table seriousness: int -> percent { 1: 0%, 2: 10% default 0% }
breach grooming { area child_safety; }
)";
// The base declarations take 8 lines; tests' own text starts on line 9.
std::string with_base(const std::string& text) { return kBase + text; }
}  // namespace

TEST_CASE("the base model is clean", "[checker]") {
  auto c = compile(with_base(""));
  CHECK(c->lines().empty());
}

TEST_CASE("unresolved names, with a did-you-mean", "[checker]") {
  auto c = compile(with_base(R"(breach leak { area child_safty; }
rule r { on groomng; when severity >= 2 and not reasonable_step; then censure to holders(CE0); }
rule q { then fine relevant_income * seriousnes[severity] to accountable where not reasonable_steps; }
org o { person a { holds CEOO; reports_to bee; } person bea { } })"));
  CHECK(c->errors() ==
        Lines{"9:20: error: unknown responsibility 'child_safty'; did you mean 'child_safety'?",
              "10:13: error: unknown breach type 'groomng'; did you mean 'grooming'?",
              "10:49: error: unknown name 'reasonable_step'; did you mean 'reasonable_steps'?",
              "10:90: error: unknown function 'CE0'; did you mean 'CEO'?",
              "11:38: error: unknown table 'seriousnes'; did you mean 'seriousness'?",
              "12:26: error: unknown function 'CEOO'; did you mean 'CEO'?",
              "12:43: error: unknown person 'bee' in org 'o'; did you mean 'bea'?"});
}

TEST_CASE("a name with nothing close gets no suggestion", "[checker]") {
  auto c = compile(with_base("breach leak { area zzz; }"));
  CHECK(c->errors() == Lines{"9:20: error: unknown responsibility 'zzz'"});
}

TEST_CASE("duplicates name the first declaration", "[checker]") {
  auto c = compile(with_base(R"(function CEO "again";
fact seriousness: int;
rule r { then censure to accountable; }
rule r { then censure to accountable; })"));
  // Notes follow their error.
  CHECK(c->lines() ==
        Lines{"9:10: error: duplicate function 'CEO'", "2:10: note: 'CEO' was first declared here",
              "10:6: error: duplicate name 'seriousness' (facts, person facts and tables share one "
              "namespace)",
              "7:7: note: 'seriousness' was first declared here", "12:6: error: duplicate rule 'r'",
              "11:6: note: 'r' was first declared here"});
}

TEST_CASE("an org's persons are in id order, byte by byte; a duplicate is the later one",
          "[checker]") {
  // Ids that share their first eight bytes, prefixes of each other, capitals
  // and '_' (which sort between capitals and lower case).
  auto c = compile(with_base(R"(org o {
  person abcdefgh2 { } person abcdefgh10 { } person abcdefgh1 { } person ab { }
  person a { } person B { } person _x { } person ab { } person abcdefgh { }
})"));
  CHECK(c->lines() == Lines{"11:50: error: duplicate person 'ab' in org 'o'",
                            "10:74: note: 'ab' was first declared here"});
  REQUIRE(c->model.orgs.size() == 1);
  std::vector<std::string> ids;
  for (const auto& p : c->model.orgs[0].persons) ids.push_back(p.id);
  CHECK(ids == std::vector<std::string>{"B", "_x", "a", "ab", "abcdefgh", "abcdefgh1", "abcdefgh10",
                                        "abcdefgh2"});
  for (size_t i = 0; i < ids.size(); ++i) CHECK(c->model.orgs[0].find_person(ids[i]) == int(i));
}

TEST_CASE("type errors in every kind of expression", "[checker]") {
  auto c = compile(with_base(R"(fact when_started: date = 2020-01-01;
fact label: int = true;
table bad: int -> money { 1: 5 }
rule r1 { when severity + 1; }
rule r2 { when children_affected > 10 GBP; }
rule r3 { then fine 10 to accountable; }
rule r4 { then censure to accountable where relevant_income * 2; }
rule r5 { when date > when_started and min(1, 2 GBP) > 0; }
rule r6 { when relevant_income > 0 GBP; }
rule r7 { when reasonable_steps; }
rule r8 { then fine 10 GBP * 10 GBP to accountable; }
rule r9 { when seriousness[0.5] > 0; })"));
  CHECK(c->errors() ==
        Lines{"10:19: error: the default of 'label' must be of type int, not bool",
              "11:30: error: a table value must be of type money, not int",
              "12:16: error: a 'when' condition must be of type bool, not int",
              "13:16: error: operator '>' cannot combine int and money",
              "14:21: error: a fine amount must be of type money, not int",
              "15:45: error: a 'where' condition must be of type bool, not money",
              "16:40: error: the arguments of min must be of one family (numbers, money or dates)",
              "17:16: error: relevant_income is a person's: use it in 'where' or in a fine amount",
              "18:16: error: person fact 'reasonable_steps' is only known in 'where' and fine "
              "amounts, where a person is being judged",
              "19:21: error: operator '*' cannot combine money and money",
              "20:28: error: a key of table 'seriousness' must be an int, not decimal"});
}

TEST_CASE("int widens to decimal; money over money is a decimal", "[checker]") {
  auto c = compile(with_base(R"(fact ratio: decimal = 1;
table weights: int -> decimal { 1: 2, 2: 0.5 }
rule r { when ratio * 2 > weights[1] and 10 GBP / 4 GBP > 2; then fine 10 GBP / 3 to accountable; })"));
  CHECK(c->errors().empty());
}

TEST_CASE("exactly one regime, with one currency", "[checker]") {
  auto none = compile("function F \"f\";");
  CHECK(none->errors() ==
        Lines{"1:1: error: the model has no regime declaration (exactly one is required)"});
  auto two = compile(with_base(R"(regime "Again" { currency GBP; })"));
  CHECK(two->lines() == Lines{"9:1: error: a model has exactly one regime; this is a second one",
                              "1:1: note: the first regime is declared here"});
  auto eur = compile(with_base(R"(fact cap: money = 1_000_000 EUR;
org o { person a { relevant_income 10 USD; } })"));
  CHECK(eur->errors() ==
        Lines{"9:19: error: currency EUR differs from the regime's currency GBP",
              "10:36: error: currency USD differs from the regime's currency GBP"});
}

TEST_CASE("intervals, dates and edges", "[checker]") {
  auto c = compile(with_base(R"(org o {
  person a { holds CEO from 2022-02-30; }
  person b { holds COO from 2022-01-01 until 2022-01-01; responsible_for child_safety to a; }
  person c { delegates child_safety; reports_to a from 2023-01-01 until 2022-12-31; }
})"));
  CHECK(c->errors() == Lines{"10:29: error: invalid date '2022-02-30'",
                             "11:46: error: 'until 2022-01-01' is not after 'from 2022-01-01'",
                             "11:90: error: 'to' belongs to delegates, not to responsible_for",
                             "12:14: error: delegates needs a delegate: delegates AREA to PERSON",
                             "12:73: error: 'until 2022-12-31' is not after 'from 2023-01-01'"});
}

TEST_CASE("scenario checks: severity, unset facts, unknown persons", "[checker]") {
  auto c = compile(with_base(R"(fact platform: int;
rule r { when platform > 1; then censure to accountable; }
org o { person a { holds CEO; responsible_for child_safety; } }
scenario "s" {
  breach grooming on 2022-01-01 { platform 2; }
  breach grooming on 2022-02-01 { severity 0; platform 1; }
  breach grooming on 2022-03-01 { severity 6; }
  breach grooming on 2022-04-01 { severity 3; platform 1; person zed { reasonable_steps true; } }
  breach grooming on 2022-02-29 { severity 3; platform 1; }
  expect a: none, censure;
  expect bob: none;
})"));
  CHECK(c->errors() ==
        Lines{"13:10: error: breach 'grooming' does not set severity (1 to 5)",
              "14:44: error: severity must be from 1 to 5, not 0",
              "15:10: error: breach 'grooming' leaves fact 'platform' unset, and it has no default",
              "15:44: error: severity must be from 1 to 5, not 6",
              "16:66: error: unknown person 'zed' in org 'o'",
              "17:22: error: invalid date '2022-02-29'",
              "18:10: error: 'none' cannot be combined with other outcomes",
              "19:10: error: unknown person 'bob' in org 'o'"});
}

TEST_CASE("a value set twice in a breach is an error, however many people it names", "[checker]") {
  // 20 person blocks: past the first 16 values the checker looks them up
  // in a set rather than in order; duplicates are found either way.
  std::string persons, blocks;
  for (int i = 0; i < 20; ++i) {
    persons += "person p" + std::to_string(i) + " { } ";
    blocks += "person p" + std::to_string(i) + " { reasonable_steps true; } ";
  }
  auto c =
      compile(with_base("rule r { then censure to accountable; }\n"
                        "org o { person a { holds CEO; responsible_for child_safety; } " +
                        persons +
                        "}\n"
                        "scenario \"s\" {\n"
                        "  breach grooming on 2022-01-01 { severity 1; severity 2; }\n"
                        "  breach grooming on 2022-01-01 { severity 1; " +
                        blocks + "person p3 { reasonable_steps false; } }\n}"));
  auto errors = c->errors();
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "12:47: error: 'severity' is set twice");
  CHECK(errors[1].find("error: 'reasonable_steps' is set twice") != std::string::npos);
  CHECK(errors[1].rfind("13:", 0) == 0);
}

TEST_CASE("a fact no applicable rule uses may stay unset", "[checker]") {
  auto c = compile(with_base(R"(fact platform: int;
breach leak { area child_safety; }
rule r { on leak; when platform > 1; then censure to accountable; }
org o { person a { holds CEO; responsible_for child_safety; } }
scenario "s" { breach grooming on 2022-01-01 { severity 2; } })"));
  CHECK(c->errors().empty());
}

TEST_CASE("selectors are checked", "[checker]") {
  auto c = compile(with_base(R"(rule r {
  then censure to managers(0);
  then censure to holders;
  then censure to board(CEO);
  then censure to accountable of delegates;
})"));
  CHECK(c->errors() ==
        Lines{"10:28: error: managers(N) needs a whole number of levels from 1 to 1,000,000",
              "12:25: error: 'board' takes no argument",
              "13:34: error: 'of' applies to managers, not to 'accountable'"});
}

TEST_CASE("a large model checks its scenarios in parallel, with the same order and diagnostics",
          "[checker]") {
  std::string text = with_base("org o { person a { holds CEO; responsible_for child_safety; } }\n");
  for (int i = 0; i < 12'000; ++i) {
    const char* type = i % 1000 == 999 ? "nope" : "grooming";
    text += "scenario \"s" + std::to_string(i) + "\" { breach " + type +
            " on 2022-01-01 { severity 2; } }\n";
  }
  auto c = compile(text);
  REQUIRE(c->model.scenarios.size() == 12'000);
  for (int i : {0, 1, 5'999, 6'000, 11'999})
    CHECK(c->model.scenarios[i].title == "s" + std::to_string(i));
  auto errors = c->errors();
  REQUIRE(errors.size() == 12);
  CHECK(errors.front() == "1009:26: error: unknown breach type 'nope'");
  CHECK(errors.back() == "12009:28: error: unknown breach type 'nope'");
  CHECK(std::is_sorted(
      errors.begin(), errors.end(),
      [](const std::string& a, const std::string& b) { return std::stoi(a) < std::stoi(b); }));
}

TEST_CASE("the checked model indexes rules by breach type and selectors written alike",
          "[checker]") {
  auto c = compile(with_base(R"(breach leak { area child_safety; }
rule a { on grooming; then censure to managers(2) of accountable; }
rule b { then censure to accountable, holders(COO); then censure to managers(2) of accountable; }
rule c { on leak; then censure to holders(COO), accountable; then censure to managers(1); }
rule d { on grooming, leak; then censure to accountable, holders(COO); }
)"));
  REQUIRE_FALSE(c->diags.has_errors());
  const auto& m = c->model;
  REQUIRE(m.rules_indexed());
  // grooming is breach type 0, leak 1.
  CHECK(m.rules_for_type[0] == std::vector<int>{0, 1, 3});
  CHECK(m.rules_for_type[1] == std::vector<int>{1, 2, 3});
  auto id = [&](int rule, int clause) { return m.rules[rule].clauses[clause].selector_id; };
  CHECK(id(0, 0) == id(1, 1));  // managers(2) of accountable, twice
  CHECK(id(1, 0) == id(3, 0));  // accountable, holders(COO), twice
  CHECK(id(2, 0) != id(1, 0));  // the same terms in another order: paths may differ
  CHECK(id(2, 1) != id(0, 0));  // managers(1) is not managers(2)
  CHECK(m.selector_count == 4);
}

TEST_CASE("rules whose 'when' is written alike share it, unless it reads a let", "[checker]") {
  auto c = compile(with_base(
      R"(rule a { when severity >= 2 and children_affected > 3; then censure to accountable; }
rule b { when severity >= 2 and children_affected > 3; then censure to accountable; }
rule c { when severity >= 2 and children_affected > 4; then censure to accountable; }
rule d { when severity >= 3 and children_affected > 3; then censure to accountable; }
rule e { let x = severity; when x >= 2; then censure to accountable; }
rule f { let x = children_affected; when x >= 2; then censure to accountable; }
rule g { then censure to accountable; }
)"));
  REQUIRE_FALSE(c->diags.has_errors());
  const auto& r = c->model.rules;
  CHECK(r[0].when_id >= 0);
  CHECK(r[0].when_id == r[1].when_id);
  CHECK(r[2].when_id != r[0].when_id);  // another constant
  CHECK(r[3].when_id != r[0].when_id);
  CHECK(r[4].when_id == -1);  // reads a let: each rule's own
  CHECK(r[5].when_id == -1);
  CHECK(r[6].when_id == -1);  // no when
  CHECK(c->model.when_count == 3);
}

TEST_CASE("a breach stores only the facts it gives; the others take their defaults", "[checker]") {
  auto c = compile(with_base(R"(fact platform: int;
org o { person ann { holds CEO; } }
scenario "s" {
  breach grooming on 2022-01-01 { severity 2; }
  breach grooming on 2022-02-01 { severity 2; platform 7; }
  breach grooming on 2022-03-01 { severity 2; children_affected 3; }
})"));
  REQUIRE(c->lines().empty());
  const auto& m = c->model;
  const auto& b = m.scenarios.at(0).breaches;
  REQUIRE(b.size() == 3);
  // Facts: children_affected (0, default 0), platform (1, no default).
  CHECK(b[0].facts.empty());  // nothing given: nothing stored
  CHECK_FALSE(b[0].gives(0));
  CHECK(m.breach_fact(b[0], 0)->number.to_string() == "0");
  CHECK(m.breach_fact(b[0], 1) == nullptr);  // no rule reads it, so it may be left unset
  CHECK(b[1].gives(1));
  CHECK_FALSE(b[1].gives(0));
  CHECK(m.breach_fact(b[1], 1)->number.to_string() == "7");
  CHECK(b[2].gives(0));
  CHECK(m.breach_fact(b[2], 0)->number.to_string() == "3");
}
