// The model the evaluation tests share: functions, areas and facts; each
// case adds rules, an org and a scenario.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "tests/support.h"

namespace smr::testing {

// Functions, areas and facts the cases share; each case adds rules, an org
// and a scenario.
inline const char* kBase = R"(regime "T" { currency GBP; }
function CEO "Chief Executive";
function COO "Chief Operations";
function CHAIR "Chair" board;
function NED "Non-executive director" board;
responsibility safety "Safety";
responsibility data "Data";
person_fact reasonable_steps: bool = false;
fact amount: money = 0 GBP;
breach harm { area safety; }
breach leak { area data; }
)";

inline std::unique_ptr<Compiled> build(const std::string& text) {
  auto c = compile(kBase + text);
  INFO((c->errors().empty() ? std::string() : c->errors().front()));
  REQUIRE(c->errors().empty());
  return c;
}

}  // namespace smr::testing
