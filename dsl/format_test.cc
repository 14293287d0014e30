// smr fmt's layout: hand-written expectations, and on every bundled
// ruleset and fuzz input: only white space changes, and formatting is
// idempotent.
#include "dsl/format.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/support.h"

using namespace smr;

TEST_CASE("fmt: indentation, one statement a line, spacing, comments kept", "[fmt]") {
  std::string in = R"(// a regime
regime "R" {currency GBP;   unallocated falls_to CEO;  // the fallback
fines sum;}
table t: int -> percent { 1: 0%, 2: 10%,3:20%
default 0% }


rule r "T" { cite "X";  when severity>=2 and not ( a or b );
  then fine round_down( relevant_income*t[severity] , 100 GBP ) to accountable, managers(2) where x != -1; }
scenario "s" in o { breach b on 2022-01-01 { severity 3; person bob { f true; } }
expect bob: censure;
expect alexandra: none; /* kept */ }
)";
  std::string want = R"(// a regime
regime "R" {
  currency GBP;
  unallocated falls_to CEO;  // the fallback
  fines sum;
}
table t: int -> percent {
  1: 0%,
  2: 10%,
  3: 20%
  default 0%
}

rule r "T" {
  cite "X";
  when severity >= 2 and not (a or b);
  then fine round_down(relevant_income * t[severity], 100 GBP) to accountable, managers(2) where x != -1;
}
scenario "s" in o {
  breach b on 2022-01-01 {
    severity 3;
    person bob {
      f true;
    }
  }
  expect bob:       censure;
  expect alexandra: none;
  /* kept */
}
)";
  CHECK(format_smr(in) == want);
  CHECK(format_smr(want) == want);
}

TEST_CASE("fmt: every bundled ruleset and fuzz input keeps its tokens, and is a fixed point",
          "[fmt]") {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"rulesets", "tests/fuzz/corpus/smr"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(SMR_SOURCE_DIR) / dir)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
  }
  REQUIRE(files.size() > 20);
  for (const auto& f : files) {
    INFO(f);
    std::string text = smr::testing::read_file(f.string());
    std::string once = format_smr(text);
    CHECK(smr_tokens(once) == smr_tokens(text));
    CHECK(format_smr(once) == once);
  }
}

TEST_CASE("fmt: broken input is laid out, never lost", "[fmt]") {
  for (std::string in :
       std::vector<std::string>{"rule { when", "\"unterminated", "/* open", "}}}{{{", "a ; ; ;",
                                "x = 1__2e3 GBPP;", std::string("\x01\xff q", 4)}) {
    INFO(in);
    std::string once = format_smr(in);
    CHECK(smr_tokens(once) == smr_tokens(in));
    CHECK(format_smr(once) == once);
  }
}

TEST_CASE("fmt: half a million lines, comments on every other one", "[fmt][scale]") {
  // Each search for a trailing comment stays in its line: a search to the
  // end of the text from every line made this quadratic (minutes).
  std::string in;
  for (int i = 0; i < 250'000; ++i)
    in += "fact f" + std::to_string(i) + ": int;  // n\nfines sum;\n";
  std::string once = format_smr(in);
  CHECK(std::count(once.begin(), once.end(), '\n') == 500'000);
  CHECK(once.compare(0, 24, "fact f0: int;  // n\nfine") == 0);
  CHECK(format_smr(once) == once);
}
