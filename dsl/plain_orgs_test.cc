// The plain-form reader of orgs against the grammar alone: the same
// declarations, places and messages, on orgs it reads and orgs it leaves
// to the grammar.
#include "dsl/plain_orgs.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "dsl/parser.h"
#include "dsl/tree_dump_test.h"
#include "tests/random_picks.h"

using namespace smr;
using smr::testing::dump;
using smr::testing::dump_decls;

namespace {

// A text read the two ways: by the grammar trying the plain reader first
// (as always), and by the grammar alone; and by the plain reader alone.
struct BothWays {
  SourceManager sources;
  uint32_t id = 0;
  ast::File with_plain, grammar_only;
  Diagnostics with_plain_diags, grammar_diags;
  bool plain_read = false;  // read_plain_org read the text's first org
  ast::Org plain;
  ast::TextStore store;
};

// Plain reading switched off for a scope.
struct GrammarOnly {
  GrammarOnly() { enable_plain_orgs(false); }
  ~GrammarOnly() { enable_plain_orgs(true); }
};

std::unique_ptr<BothWays> read_both_ways(const std::string& text) {
  auto b = std::make_unique<BothWays>();
  b->id = b->sources.add("t.smr", text);
  b->with_plain = parse_file(b->sources, b->id, b->with_plain_diags, 1, false);
  {
    GrammarOnly off;
    b->grammar_only = parse_file(b->sources, b->id, b->grammar_diags, 1, false);
  }
  std::string_view t = b->sources.text(b->id);
  const char* p = t.data() + t.find_first_not_of(" \t\r\n");
  const char* before = p;
  b->plain_read = read_plain_org(t.data(), &p, t.data() + t.size(), b->id, b->store, &b->plain);
  if (!b->plain_read) CHECK(p == before);  // nothing moved
  return b;
}

// Random orgs: plain ones, and ones with what the plain reader leaves to
// the grammar (reserved words as names, broken values and dates, missing
// `;` and `}`).
class OrgMaker : testing::RandomPicks {
 public:
  explicit OrgMaker(uint32_t seed) : RandomPicks(seed) {}

  std::string text() {
    std::string out = gap() + org() + gap();
    if (chance(30)) {
      out += pick({"org second { person q { holds F; } }", "scenario \"s\" { }",
                   "rule r { then censure to accountable; }", "person stray { }"});
    }
    return out + gap();
  }

 private:
  std::string org() {
    std::string s = "org" + gap(true) + pick({"acme", "big_bank", "rule", "Org2"});
    if (chance(50)) s += gap(true) + pick({R"("Acme plc")", R"("a \"quoted\" name")", R"("")"});
    s += gap() + "{";
    for (int n = below(4); n > 0; --n) s += gap() + person();
    return s + gap() + (chance(97) ? "}" : "");
  }

  std::string person() {
    std::string s = "person" + gap(true) + pick({"p1", "ceo", "Ann_B", "p_2", "holds", "to"});
    if (chance(60)) s += gap(true) + pick({R"("Ann Bell")", R"("Zoë \"Z\"")", R"("")"});
    s += gap() + "{";
    for (int n = below(5); n > 0; --n) s += gap() + item();
    return s + gap() + (chance(97) ? "}" : "");
  }

  std::string item() {
    std::string s;
    if (chance(25)) {
      s = "relevant_income" + gap(true) +
          pick({"421_000 GBP", "100", "-3", "- 4 GBP", "0.5", "12%", "2022-01-01", "\"text\"",
                "true", "1.2.3", "GBP", "99999999999999999999 GBP"});
    } else {
      s = pick({"reports_to", "holds", "responsible_for", "delegates", "manages"}) + gap(true) +
          pick({"p0", "F1", "a_2", "until", "SMF24"});
      if (chance(30)) s += gap(true) + "to" + gap(true) + pick({"p3", "from"});
      if (chance(40)) s += gap(true) + "from" + gap(true) + date();
      if (chance(40)) s += gap(true) + "until" + gap(true) + date();
    }
    return s + gap() + (chance(97) ? ";" : "");
  }

  std::string date() { return pick({"2022-03-01", "2021-12-31", "2022-13-40", "12", "2022-3-1"}); }
};

}  // namespace

TEST_CASE("plain orgs are read directly, each place worked out by hand", "[plain-orgs]") {
  std::string text =
      "org acme \"Acme\" {\n"
      "  person p1 \"P One\" { relevant_income 100 GBP; reports_to p0 from 2020-01-01 until "
      "2021-01-01; delegates a1 to p2; }\n"
      "}\n";
  auto b = read_both_ways(text);
  REQUIRE(b->plain_read);
  std::string expected =
      "org 'acme'@4+4 'Acme'@9+6@0+136\n"
      "person 'p1'@27+2 'P One'@30+7@20+114\n"
      "  income 'relevant_income'@40+15 3:'100'/'GBP'@56+7@40+24\n"
      "  edge 0@65+10 'p0'@76+2 to - from '2020-01-01'@84+10 until '2021-01-01'@101+10@65+47\n"
      "  edge 3@113+9 'a1'@123+2 to 'p2'@129+2 from - until -@113+19\n";
  CHECK(dump(b->plain) == expected);
  CHECK(dump_decls(b->with_plain.decls) == expected);
  CHECK(dump_decls(b->grammar_only.decls) == expected);
}

TEST_CASE("the plain org reader and the grammar give the same declarations and messages",
          "[plain-orgs]") {
  OrgMaker maker(20261130);
  int plain = 0, grammar = 0, with_errors = 0;
  constexpr int kTexts = 5'000;
  for (int i = 0; i < kTexts; ++i) {
    std::string text = maker.text();
    auto b = read_both_ways(text);
    INFO(text);
    REQUIRE(dump_decls(b->with_plain.decls) == dump_decls(b->grammar_only.decls));
    REQUIRE(b->sources.render_all(b->with_plain_diags) == b->sources.render_all(b->grammar_diags));
    if (b->plain_read) {
      ++plain;
      // What the plain reader read alone is the grammar's first declaration.
      REQUIRE(!b->grammar_only.decls.empty());
      REQUIRE(dump(b->plain) == dump(boost::get<ast::Org>(b->grammar_only.decls.front())));
    } else {
      // Only an org with a syntax error is not in the plain form.
      ++grammar;
      REQUIRE(b->grammar_diags.has_errors());
    }
    if (b->grammar_diags.has_errors()) ++with_errors;
  }
  // Each way of reading comes up often enough to be tested; some texts read
  // plainly have errors elsewhere (after the org).
  CHECK(plain > kTexts / 10);
  CHECK(grammar > kTexts / 10);
  CHECK(with_errors > grammar);
}

TEST_CASE("an org a thousand times the usual size is read in one pass; a broken one by the grammar",
          "[plain-orgs]") {
  // 200,000 persons (about 16 MB), then one person with 100,000 statements.
  std::string text = "org big \"Big\" {\n";
  constexpr int kPersons = 200'000;
  for (int i = 0; i < kPersons; ++i) {
    text += fmt::format(
        "  person p{} \"Person {}\" {{ relevant_income {}_000 GBP; reports_to p{}; holds F{} until "
        "2022-06-01; }}\n",
        i, i, 100 + i % 900, i / 4, i % 20);
  }
  text += "  person wide {";
  for (int i = 0; i < 100'000; ++i) text += " holds F1 from 2020-01-01;";
  text += " }\n}\n";
  auto b = read_both_ways(text);
  REQUIRE(b->plain_read);
  REQUIRE(b->plain.persons.size() == kPersons + 1);
  CHECK(boost::get<ast::Person>(b->plain.persons.back()).items.size() == 100'000);
  CHECK(b->with_plain_diags.all().empty());
  CHECK(dump_decls(b->with_plain.decls) == dump_decls(b->grammar_only.decls));

  // The same org with its last person's `}` missing: the grammar reads it
  // from the start and reports the one error, at the end.
  std::string broken = text.substr(0, text.size() - 4) + "\n}\n";
  auto o = read_both_ways(broken);
  CHECK_FALSE(o->plain_read);
  CHECK(o->with_plain_diags.error_count() == 1);
  CHECK(o->sources.render_all(o->with_plain_diags) == o->sources.render_all(o->grammar_diags));
  CHECK(dump_decls(o->with_plain.decls) == dump_decls(o->grammar_only.decls));
}
