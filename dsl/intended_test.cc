// The intended-change manifest: lines as `expect` writes sanctions, errors
// at their place, and lines written by intended_line parsing back.
#include "dsl/intended.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

using namespace smr;

namespace {

struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  std::vector<IntendedChange> changes;
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) {
      auto at = sources.line_col(d.loc);
      out.push_back(fmt::format("{}:{}: {}", at.line, at.column, d.message));
    }
    return out;
  }
};

std::unique_ptr<Parsed> parse(const std::string& text) {
  auto p = std::make_unique<Parsed>();
  uint32_t file = p->sources.add("m.txt", text);
  p->changes = parse_intended(p->sources.text(file), file, "GBP", p->diags);
  return p;
}

}  // namespace

TEST_CASE("a manifest line: title, person, sanctions before and after", "[intended]") {
  auto p = parse(R"(// the duty of care
"Repeated grooming failures" alice: censure -> none   // no longer a manager's duty

"Repeated grooming failures" bob: censure, fine 108_000 GBP -> censure, fine 90_000.50 GBP
"A \"quoted\" title" carol: none -> disqualification, criminal
)");
  REQUIRE(p->errors().empty());
  REQUIRE(p->changes.size() == 3);
  CHECK(p->changes[0].scenario == "Repeated grooming failures");
  CHECK(p->changes[0].person == "alice");
  CHECK(p->changes[0].before.censure);
  CHECK_FALSE(p->changes[0].after.any());
  CHECK(p->changes[1].before.fine == Decimal::parse("108000"));
  CHECK(p->changes[1].after.fine == Decimal::parse("90000.5"));
  CHECK(p->changes[2].scenario == "A \"quoted\" title");
  CHECK((p->changes[2].after.disqualification && p->changes[2].after.criminal));
}

TEST_CASE("a malformed manifest line is an error at its place", "[intended]") {
  auto p = parse(R"("s" bob censure -> none
"s" bob: censure -> fine 3 EUR
"s" bob: censure -> fine
"s" ann: reprimand -> none
"s" cy: none -> censure extra
"s" dee: none -> censure
"s" dee: none -> censure
no title: none -> censure
)");
  CHECK(p->errors() ==
        std::vector<std::string>{
            "1:9: expected ':'", "2:1: the fines are in EUR, but the model's currency is GBP",
            "3:25: a fine needs an amount and its currency, as in fine 90_000 GBP",
            "4:10: expected none, censure, fine AMOUNT CURRENCY, disqualification or criminal",
            "5:25: unexpected text after the outcome after the change",
            "7:1: \"s\" dee is listed twice",
            "8:1: a line starts with the scenario's title in quotes"});
}

TEST_CASE("intended_line writes what parse_intended reads back", "[intended]") {
  model::Sanctions before, after;
  before.censure = true;
  before.fine = *Decimal::parse("108000");
  after.fine = *Decimal::parse("1234567.05");
  after.criminal = true;
  std::string line = intended_line("Say \"hi\"", "bob", before, after, "GBP");
  CHECK(line ==
        "\"Say \\\"hi\\\"\" bob: censure, fine 108_000 GBP -> fine 1_234_567.05 GBP, criminal");
  auto p = parse(line);
  REQUIRE(p->changes.size() == 1);
  CHECK(p->changes[0].scenario == "Say \"hi\"");
  CHECK(p->changes[0].before == before);
  CHECK(p->changes[0].after == after);
}
