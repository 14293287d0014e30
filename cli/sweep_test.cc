// smr sweep on the worked example: rows worked out by hand, each format,
// and clear errors for a bad --vary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support.h"

using smr::testing::run_smr;

namespace {
const std::string kSweep = "sweep " + std::string(SMR_SOURCE_DIR) +
                           "/rulesets/example/example.smr --scenario \"Repeated grooming "
                           "failures\" ";
}

TEST_CASE("sweep: severity by income, every combination a row", "[sweep]") {
  std::string out, err;
  REQUIRE(run_smr(kSweep + "--vary severity=1..5 --vary \"bob.relevant_income=100_000 "
                           "GBP..200_000 GBP:50_000\"",
                  &out, &err) == 0);
  // Both breaches take the severity. At 1 only consistent_failure fires
  // (the second breach, 10% of income); at 3, 20% on each breach plus 10%:
  // 150,000 x 50% = 75,000; at 5, 40% + 40% + 10% of 200,000 = 180,000.
  CHECK(out.find("severity  bob.relevant_income  alice    bob\n"
                 "1         100000 GBP           none     fine 10,000.00 GBP\n") !=
        std::string::npos);
  CHECK(out.find("3         150000 GBP           none     censure, fine 75,000.00 GBP\n") !=
        std::string::npos);
  CHECK(out.find("5         200000 GBP           censure  censure, fine 180,000.00 GBP\n") !=
        std::string::npos);
  size_t rows = 0, at = 0;
  while ((at = out.find(" GBP  ", at)) != std::string::npos) ++rows, ++at;
  CHECK(rows == 15);
}

TEST_CASE("sweep: dates by months as CSV, a person fact as JSON", "[sweep]") {
  std::string out;
  REQUIRE(run_smr(kSweep + "--vary \"date=2021-01-01..2022-01-01:6 months\" --format csv", &out,
                  nullptr) == 0);
  // The breaches move together; bob is responsible throughout.
  CHECK(out ==
        "date,alice outcome,alice fine,bob outcome,bob fine\n"
        "2021-01-01,censure,0.00,fine,108000.00\n"
        "2021-07-01,censure,0.00,fine,108000.00\n"
        "2022-01-01,censure,0.00,fine,108000.00\n");
  REQUIRE(run_smr(kSweep + "--vary bob.reasonable_steps=false..true --format json", &out,
                  nullptr) == 0);
  auto j = nlohmann::json::parse(out);
  REQUIRE(j["rows"].size() == 2);
  CHECK(j["rows"][0]["persons"]["bob"]["fine"] == "108000.00");
  // Reasonable steps on both breaches: bob goes free, alice's oversight stays.
  CHECK(j["rows"][1]["persons"].contains("bob") == false);
  CHECK(j["rows"][1]["persons"]["alice"]["outcome"] == "censure");
}

TEST_CASE("sweep: a bad --vary is a usage error naming the closest input", "[sweep]") {
  std::string out, err;
  CHECK(run_smr(kSweep + "--vary sevrity=1..2", &out, &err) == 2);
  CHECK(out.empty());
  CHECK(err ==
        "smr sweep: --vary sevrity=1..2: no breach fact 'sevrity' (nor severity, date, "
        "PERSON.FACT); did you mean 'severity'?\n");
  CHECK(run_smr(kSweep + "--vary carl.reasonable_steps=false..true", &out, &err) == 2);
  CHECK(err.find("no person 'carl' in org acme; did you mean 'carol'?") != std::string::npos);
  CHECK(run_smr(kSweep + "--vary severity=1.5..2", &out, &err) == 2);
  CHECK(run_smr(kSweep + "--vary children_affected=0..100000", &out, &err) == 2);
  CHECK(err == "smr sweep: more than 10000 combinations; narrow the ranges or raise --max\n");
  CHECK(run_smr(kSweep + "--vary children_affected=0..100000:10 --max 20000", &out, &err) == 0);
}
