// The plain-form reader of a file's trailing scenarios against the grammar:
// the same declarations, places and messages, on texts it reads in full,
// in part, or not at all.
#include "dsl/plain_scenarios.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "dsl/parser.h"
#include "dsl/tree_dump_test.h"
#include "tests/random_picks.h"

using namespace smr;
using smr::testing::dump;
using smr::testing::dump_decls;

namespace {

// A text read the two ways: by the grammar alone (a small file is parsed
// whole), and as a tail piece (plain scenarios first, the grammar after).
struct BothWays {
  SourceManager sources;
  uint32_t id = 0;
  ast::File grammar;
  Diagnostics grammar_diags, piece_diags;
  ast::TextStore store;
  std::vector<ast::Decl> piece;
  size_t plain_until = 0;  // where read_plain_scenarios alone stopped
  std::vector<ast::Decl> plain;
};

std::unique_ptr<BothWays> read_both_ways(const std::string& text) {
  auto b = std::make_unique<BothWays>();
  b->id = b->sources.add("t.smr", text);
  b->grammar = parse_file(b->sources, b->id, b->grammar_diags, 1, false);
  ast::ScenarioTail tail;
  tail.file_id = b->id;
  tail.text = b->sources.text(b->id);
  tail.cuts = {0, text.size()};
  b->piece = parse_piece(tail, 0, b->piece_diags, b->store);
  b->plain_until = read_plain_scenarios(tail.text, 0, text.size(), b->id, b->store, &b->plain);
  return b;
}

// Random scenarios: plain ones, and ones with what the plain reader leaves
// to the grammar (expects, reserved words as names, syntax errors).
class ScenarioMaker : testing::RandomPicks {
 public:
  explicit ScenarioMaker(uint32_t seed) : RandomPicks(seed) {}

  std::string text() {
    std::string out = gap();
    for (int n = 1 + below(4); n > 0; --n) out += scenario() + gap();
    return out;
  }

 private:
  std::string scenario() {
    std::string s = "scenario" + gap(true) +
                    pick({R"("s1")", R"("Scénario 7")", R"("a \"quoted\" one")", R"("")"});
    if (chance(20)) s += gap(true) + "in" + gap(true) + pick({"acme", "big", "rule"});
    s += gap() + "{";
    for (int n = below(3); n > 0; --n) {
      s += gap();
      s +=
          chance(90) ? breach() : pick({"expect p1: censure;", "expect p2: fine 10 GBP, censure;"});
    }
    return s + gap() + (chance(97) ? "}" : "");
  }

  std::string breach() {
    std::string s = "breach" + gap(true) + pick({"b1", "harm", "b_2", "on"}) + gap(true) + "on" +
                    gap(true) + pick({"2022-03-01", "2022-13-40", "12", "2022-3-1"}) + gap() + "{";
    for (int n = below(4); n > 0; --n) {
      s += gap();
      if (chance(25)) {
        s += "person" + gap(true) + pick({"p1", "p22", "person", "Ann_B"}) + gap() + "{";
        for (int k = below(3); k > 0; --k) s += gap() + fact();
        s += gap() + "}";
      } else {
        s += fact();
      }
    }
    return s + gap() + "}";
  }

  std::string fact() {
    std::string s = pick({"severity", "loss", "date", "relevant_income", "users", "personal",
                          "rule", "reasonable_steps"}) +
                    gap(true) +
                    pick({"2", "5", "-3", "- 4", "1_000", "421_000 GBP", "12.5%", "0.375",
                          "2022-09-01", "30 days", "12 months", "true", "false", R"("text")",
                          R"("a \"b\"")", "1.2.3", "GBP", "(2)", "99999999999999999999"});
    return s + gap() + (chance(97) ? ";" : "");
  }
};

}  // namespace

TEST_CASE("plain scenarios are read directly, each place worked out by hand", "[plain-scenarios]") {
  std::string text =
      "scenario \"s1\" in acme { breach b on 2022-03-01 { severity 2; "
      "person p1 { loss 10 GBP; } } }\n";
  auto b = read_both_ways(text);
  CHECK(b->plain_until == text.size());
  REQUIRE(b->plain.size() == 1);
  CHECK(dump_decls(b->plain) ==
        "scenario 's1'@9+4@0+91 org 'acme'@17+4\n"
        "breach 'b'@31+1 4:'2022-03-01'/''@36+10@24+65\n"
        "fact 'severity'@49+8=0:'2'/''@58+1@49+11\n"
        "person 'p1'@68+2@61+26\n"
        "  fact 'loss'@73+4=3:'10'/'GBP'@78+6@73+12\n");
  CHECK(dump_decls(b->piece) == dump_decls(b->grammar.decls));
  CHECK(dump_decls(b->plain) == dump_decls(b->grammar.decls));
}

TEST_CASE("the plain reader and the grammar give the same declarations and messages",
          "[plain-scenarios]") {
  ScenarioMaker maker(20261130);
  int all_plain = 0, in_part = 0, none = 0;
  constexpr int kTexts = 5'000;
  for (int i = 0; i < kTexts; ++i) {
    std::string text = maker.text();
    auto b = read_both_ways(text);
    INFO(text);
    REQUIRE(dump_decls(b->piece) == dump_decls(b->grammar.decls));
    REQUIRE(b->sources.render_all(b->piece_diags) == b->sources.render_all(b->grammar_diags));
    // What the plain reader read alone is the start of the same.
    std::string plain = dump_decls(b->plain);
    REQUIRE(dump_decls(b->grammar.decls).compare(0, plain.size(), plain) == 0);
    if (b->plain_until == text.size()) {
      ++all_plain;
      CHECK(b->grammar_diags.all().empty());
    } else if (!b->plain.empty()) {
      ++in_part;
    } else {
      ++none;
    }
  }
  // Each way of reading comes up often enough to be tested.
  CHECK(all_plain > kTexts / 20);
  CHECK(in_part > kTexts / 20);
  CHECK(none > kTexts / 20);
}

TEST_CASE("a piece a thousand times the usual size is read in one pass; odd ones go to the grammar",
          "[plain-scenarios]") {
  // 100,000 scenarios (about 7 MB), then one with 100,000 breaches on a line.
  std::string text;
  constexpr int kScenarios = 100'000;
  for (int i = 0; i < kScenarios; ++i) {
    text += fmt::format("scenario \"s{}\" {{ breach b{} on 2022-03-01 {{ severity {}; }} }}\n", i,
                        i % 400, 1 + i % 5);
  }
  text += "scenario \"wide\" {";
  for (int i = 0; i < 100'000; ++i) text += " breach b on 2022-03-01 { severity 2; }";
  text += " }\n";
  auto b = read_both_ways(text);
  CHECK(b->plain_until == text.size());
  REQUIRE(b->plain.size() == kScenarios + 1);
  CHECK(boost::get<ast::Scenario>(b->plain.back()).items.size() == 100'000);
  CHECK(dump_decls(b->piece) == dump_decls(b->grammar.decls));

  // A value nested 100,000 parentheses deep, a missing brace at the end:
  // the grammar reads from there and reports each at its place.
  std::string odd =
      "scenario \"a\" { breach b on 2022-03-01 { severity 2; } }\n"
      "scenario \"b\" { breach b on 2022-03-01 { severity " +
      std::string(100'000, '(') + "; } }\nscenario \"c\" {";
  auto o = read_both_ways(odd);
  CHECK(o->plain.size() == 1);
  CHECK(o->plain_until == odd.find("scenario \"b\""));
  CHECK(dump_decls(o->piece) == dump_decls(o->grammar.decls));
  CHECK(o->sources.render_all(o->piece_diags) == o->sources.render_all(o->grammar_diags));
  CHECK(o->piece_diags.error_count() >= 2);
}
