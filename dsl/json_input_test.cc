// JSON Lines scenarios, read and checked against a model.
#include "dsl/json_input.h"

#include <catch2/catch.hpp>

#include "tests/support.h"

using namespace smr;

namespace {
const char* kModel = R"(regime "R" { currency GBP; }
function CEO "CEO";
responsibility a "A";
fact loss: money = 0 GBP;
person_fact reasonable_steps: bool = false;
breach b { area a; }
rule r { when loss > 0 GBP; then censure to accountable where not reasonable_steps; }
org acme { person ann "Ann" { holds CEO; responsible_for a; } }
)";

struct Read {
  SourceManager sources;
  Diagnostics diags;
  std::optional<model::Scenario> scenario;
  std::string errors() const { return sources.render_all(diags); }
};

std::unique_ptr<Read> read(const model::Model& m, const std::string& line) {
  auto r = std::make_unique<Read>();
  uint32_t id = r->sources.add("s.jsonl", line, 7);
  r->scenario = JsonScenarioReader(m).read(r->sources, id, r->diags);
  return r;
}
}  // namespace

TEST_CASE("a JSON scenario becomes the scenario a .smr block would give", "[json]") {
  auto c = testing::compile(kModel);
  REQUIRE(c->errors().empty());
  auto r =
      read(c->model,
           R"({"name": "j", "breaches": [{"type": "b", "date": "2022-03-01", "severity": 4,)"
           R"( "facts": {"loss": "1000 GBP"}, "persons": {"ann": {"reasonable_steps": true}}}],)"
           R"( "expect": {"ann": []}})");
  REQUIRE(r->scenario);
  CHECK(r->diags.all().empty());
  const model::ScenarioBreach& b = r->scenario->breaches.at(0);
  CHECK(b.severity == 4);
  CHECK(b.date == *Date::parse("2022-03-01"));
  CHECK(b.facts[0]->number == *Decimal::parse("1000"));
  REQUIRE(b.persons.size() == 1);
  CHECK(b.persons[0].values[0]->boolean);
  REQUIRE(r->scenario->expectations.size() == 1);
  CHECK(r->scenario->expectations[0].sanctions == model::Sanctions{});
}

TEST_CASE("JSON scenario errors name the path, the line and the column", "[json]") {
  auto c = testing::compile(kModel);
  auto r =
      read(c->model,
           R"({"name": "j", "breaches": [{"type": "bb", "date": "2022-03-01", "severity": 2}],)"
           R"( "expect": {"ann": ["reprimand"]}})");
  CHECK_FALSE(r->scenario);
  CHECK(r->errors().find("s.jsonl:7:101: error: $.expect.ann[0]: 'reprimand' is not an outcome") !=
        std::string::npos);
  auto f = read(c->model,
                R"({"name": "j", "breaches": [{"type": "b", "date": "2022-03-01", "severity": 2,)"
                R"( "facts": {"loss": 0.5}}]})");
  CHECK_FALSE(f->scenario);
  CHECK(f->errors().find("$.breaches[0].facts.loss: write decimals as strings") !=
        std::string::npos);
}
