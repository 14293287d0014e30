// Reporting cycles over time, and the coverage warnings.
#include "engine/org_checks.h"

#include <catch2/catch.hpp>

#include "tests/support.h"

using smr::testing::compile;
using Lines = std::vector<std::string>;

namespace {
const char* kBase = R"(regime "R" { currency GBP; }
function CEO "Chief Executive";
function COO "Chief Operations";
responsibility safety "Safety" prescribed;
responsibility data "Data";
)";
std::string with_base(const std::string& text) { return kBase + text; }
}  // namespace

TEST_CASE("a reporting cycle is named person by person", "[org-checks]") {
  auto c = compile(with_base(R"(org o {
  person ann { holds CEO; reports_to bea; responsible_for safety; }
  person bea { holds CEO; reports_to cal; }
  person cal { holds CEO; reports_to ann; }
})"));
  CHECK(c->errors() == Lines{"9:27: error: reporting cycle: ann -> bea -> cal -> ann"});
}

TEST_CASE("a cycle on some date only is found and dated", "[org-checks]") {
  auto c = compile(with_base(R"(org o {
  person ann { holds CEO; responsible_for safety; reports_to bea from 2020-01-01; }
  person bea { holds CEO; reports_to cal; }
  person cal { holds CEO; reports_to ann until 2020-01-01; reports_to dan from 2021-01-01; }
  person dan { holds CEO; reports_to ann from 2021-06-01; }
})"));
  CHECK(c->errors() ==
        Lines{"10:27: error: reporting cycle on 2021-06-01: ann -> bea -> cal -> dan -> ann"});
}

TEST_CASE("lines that would cycle only in periods that do not overlap are fine", "[org-checks]") {
  auto c = compile(with_base(R"(org o {
  person ann { holds CEO; responsible_for safety; reports_to bea from 2022-01-01; }
  person bea { holds CEO; reports_to ann until 2022-01-01; }
})"));
  CHECK(c->lines().empty());
}

TEST_CASE("reporting to oneself is a cycle", "[org-checks]") {
  auto c = compile(
      with_base(R"(org o { person ann { holds CEO; responsible_for safety; reports_to ann; } })"));
  CHECK(c->errors() == Lines{"6:57: error: reporting cycle: ann -> ann"});
}

TEST_CASE("a prescribed responsibility with a gap is a warning naming the period", "[org-checks]") {
  auto c = compile(with_base(R"(org o {
  person ann { holds CEO from 2019-01-01; responsible_for safety from 2020-01-01 until 2021-01-01; }
  person bea { holds COO from 2019-01-01; responsible_for safety from 2021-03-01; }
})"));
  CHECK(c->lines() == Lines{"6:5: warning: prescribed responsibility 'safety' has no holder in org "
                            "'o' from 2019-01-01 until 2020-01-01",
                            "6:5: warning: prescribed responsibility 'safety' has no holder in org "
                            "'o' from 2021-01-01 until 2021-03-01"});
}

TEST_CASE("the regime's fallback counts as a holder, with a note naming the period",
          "[org-checks]") {
  auto c = compile(R"(regime "R" { currency GBP; unallocated falls_to CEO; }
function CEO "Chief Executive";
responsibility safety "Safety" prescribed;
org o { person ann { holds CEO from 2019-01-01; responsible_for safety from 2020-01-01; } })");
  CHECK(c->lines() ==
        Lines{"4:5: note: prescribed responsibility 'safety' is unallocated in org 'o' from "
              "2019-01-01 until 2020-01-01 and falls to CEO (ann); several regimes count an "
              "unallocated prescribed responsibility as a failing in itself"});
  CHECK(c->diags.warning_count() == 0);
}

TEST_CASE("responsible while holding no function is a warning", "[org-checks]") {
  auto c = compile(with_base(R"(org o {
  person ann { holds CEO until 2023-07-01; responsible_for safety; responsible_for data from 2022-01-01; }
})"));
  CHECK(c->lines() == Lines{"7:44: warning: 'ann' is responsible for 'safety' from 2023-07-01 on "
                            "but holds no function then",
                            "7:68: warning: 'ann' is responsible for 'data' from 2023-07-01 on but "
                            "holds no function then"});
}

TEST_CASE("each part of the org that cycles is reported, in the order of its people",
          "[org-checks]") {
  auto c = compile(with_base(R"(org o {
  person ann { holds CEO; responsible_for safety; }
  person bob { reports_to cat from 2021-01-01; }
  person cat { reports_to bob from 2020-01-01 until 2020-06-01; reports_to bob from 2022-01-01; }
  person dan { reports_to eve; }
  person eve { reports_to dan; }
  person fay { reports_to fay from 2023-01-01; reports_to ann; }
})"));
  // Each at the line that closes it, as the search from the first person met it.
  CHECK(c->errors() == Lines{"9:65: error: reporting cycle on 2022-01-01: bob -> cat -> bob",
                             "11:16: error: reporting cycle: dan -> eve -> dan",
                             "12:16: error: reporting cycle on 2023-01-01: fay -> fay"});
}
