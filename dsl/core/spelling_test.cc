// Did-you-mean: case, transpositions, ties and the length cap.
#include "dsl/core/spelling.h"

#include <catch2/catch.hpp>
#include <string>

using smr::closest_name;

TEST_CASE("did-you-mean ignores case and counts a swap of neighbours as one edit", "[spelling]") {
  CHECK(closest_name("Chair", {"CHAIR", "CEO"}) == "CHAIR");
  CHECK(closest_name("kowk", {"kwok", "lau"}) == "kwok");
  CHECK(closest_name("acountable", {"accountable", "delegates"}) == "accountable");
  CHECK(closest_name("child_safty", {"child_safety", "finance"}) == "child_safety");
  CHECK(closest_name("zzz", {"child_safety", "finance"}).empty());
  // Ties go to the smaller name, whatever the order of the candidates.
  CHECK(closest_name("ab", {"ac", "aa"}) == "aa");
  CHECK(closest_name("ab", {"aa", "ac"}) == "aa");
}

TEST_CASE("did-you-mean gives up on names past the length cap", "[spelling]") {
  std::string a(50'000, 'x'), b = a;
  b[10] = 'y';
  CHECK(closest_name(a, {b}).empty());
  std::string ok(smr::Spelling::kMaxLength, 'x'), near = ok;
  near[3] = 'y';
  CHECK(closest_name(ok, {near}) == near);
}

TEST_CASE("unknown-name messages have one wording", "[spelling]") {
  CHECK(smr::unknown_name("function", "Ceo", "CEO") ==
        "unknown function 'Ceo'; did you mean 'CEO'?");
  CHECK(smr::unknown_name("person", "zed", "", " in org 'acme'") ==
        "unknown person 'zed' in org 'acme'");
}
