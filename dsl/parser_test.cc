// The grammar: every construct parsed to the expected tree, syntax errors at
// their place, recovery, and hostile input.
#include "dsl/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <thread>

#include "engine/compile.h"
#include "tests/support.h"

using namespace smr;
using smr::testing::compile;
// Parses `text` as the file test.smr.
smr::ast::File parse_only(const std::string& text, smr::Diagnostics* diags,
                          smr::SourceManager* sources) {
  uint32_t id = sources->add("test.smr", text);
  return smr::parse_file(*sources, id, *diags);
}

namespace {

template <typename E>
std::string text_of(const ast::Tag<E>& tag) {
  return ast::keyword_text(tag.value);
}

template <typename T>
const T& only(const ast::File& f) {
  REQUIRE(f.decls.size() == 1);
  const T* p = boost::get<T>(&f.decls[0]);
  REQUIRE(p != nullptr);
  return *p;
}

struct Parsed {
  SourceManager sources;
  Diagnostics diags;
  ast::File file;
  explicit Parsed(const std::string& text) { file = parse_only(text, &diags, &sources); }
  std::string where(SourceLoc loc) const {
    auto lc = sources.line_col(loc);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }
};

}  // namespace

TEST_CASE("regime with every setting", "[parser]") {
  Parsed p(R"(regime "UK \"senior\" managers" {
  version "2024.1"; currency GBP; unallocated falls_to SMF1; fines max;
})");
  REQUIRE_FALSE(p.diags.has_errors());
  const auto& r = only<ast::Regime>(p.file);
  CHECK(r.title.text == "UK \"senior\" managers");
  REQUIRE(r.items.size() == 4);
  const auto& fines = boost::get<ast::RegimeSetting>(r.items[3]);
  CHECK(text_of(fines.key) == "fines");
  CHECK(fines.value.text == "max");
  const auto& fallback = boost::get<ast::Fallbacks>(r.items[2]);
  REQUIRE(fallback.functions.size() == 1);
  CHECK(fallback.functions[0].text == "SMF1");
  CHECK(p.where(fallback.functions[0].loc) == "2:56");
}

TEST_CASE("function, responsibility, facts and table", "[parser]") {
  Parsed p(R"(function SMF9 "Chair" board;
responsibility child_safety "Safe by design" prescribed;
fact children_affected: int = 1_000;
person_fact reasonable_steps: bool = false;
fact started: date;
table seriousness: int -> percent { 1: 0%, 2: 10%, 5: 12.5%
  default 0% })");
  REQUIRE_FALSE(p.diags.has_errors());
  REQUIRE(p.file.decls.size() == 6);
  const auto& f = boost::get<ast::FunctionDecl>(p.file.decls[0]);
  CHECK(f.name.text == "SMF9");
  CHECK(f.board.has_value());
  CHECK(boost::get<ast::ResponsibilityDecl>(p.file.decls[1]).prescribed.has_value());
  const auto& fact = boost::get<ast::FactDecl>(p.file.decls[2]);
  CHECK(text_of(fact.kind) == "fact");
  CHECK(text_of(fact.type) == "int");
  REQUIRE(fact.default_value);
  CHECK(fact.default_value->text == "1_000");
  CHECK(text_of(boost::get<ast::FactDecl>(p.file.decls[3]).kind) == "person_fact");
  CHECK_FALSE(boost::get<ast::FactDecl>(p.file.decls[4]).default_value);
  const auto& t = boost::get<ast::TableDecl>(p.file.decls[5]);
  REQUIRE(t.items.size() == 4);
  const auto& e = boost::get<ast::TableEntry>(t.items[2]);
  CHECK(e.key.text == "5");
  CHECK(e.value.kind == ast::LiteralKind::Percent);
  CHECK(e.value.text == "12.5");
  CHECK(boost::get<ast::TableDefault>(t.items[3]).value.text == "0");
}

TEST_CASE("rule with on, when, several thens and every selector", "[parser]") {
  Parsed p(R"(rule r "Title" {
  on grooming, abuse_image_series;
  when severity >= 3 and not x;
  then fine round_down(relevant_income * seriousness[severity], 100 GBP)
       to accountable, managers(2) of delegates where not reasonable_steps;
  then censure to managers;
  then criminal to holders(SMF1), board;
})");
  REQUIRE_FALSE(p.diags.has_errors());
  const auto& r = only<ast::RuleDecl>(p.file);
  CHECK(r.title->text == "Title");
  REQUIRE(r.items.size() == 5);
  const auto& on = boost::get<ast::OnClause>(r.items[0]);
  REQUIRE(on.breach_types.size() == 2);
  CHECK(on.breach_types[1].text == "abuse_image_series");
  const auto& fine = boost::get<ast::ThenClause>(r.items[2]);
  CHECK(text_of(fine.sanction.kind) == "fine");
  REQUIRE(fine.sanction.amount);
  REQUIRE(fine.selector.size() == 2);
  CHECK(text_of(fine.selector[0].kind) == "accountable");
  CHECK(text_of(fine.selector[1].kind) == "managers");
  CHECK(fine.selector[1].argument->text == "2");
  REQUIRE(fine.selector[1].of.size() == 1);
  CHECK(text_of(fine.selector[1].of[0].kind) == "delegates");
  CHECK(fine.where.has_value());
  CHECK(p.where(fine.selector[1].loc) == "5:24");
  const auto& crim = boost::get<ast::ThenClause>(r.items[4]);
  CHECK(crim.selector[0].argument->text == "SMF1");
  CHECK(text_of(crim.selector[1].kind) == "board");
}

TEST_CASE("expression precedence: or < and < not < comparison < + < * < unary", "[parser]") {
  Parsed p("rule r { when not a or b and c == 1 + 2 * -3; }");
  REQUIRE_FALSE(p.diags.has_errors());
  const auto& r = only<ast::RuleDecl>(p.file);
  const ast::Expr& e = boost::get<ast::WhenClause>(r.items[0]).condition;
  // or at the top: (not a) or (b and (c == (1 + (2 * -3))))
  REQUIRE(e.rest.size() == 1);
  CHECK(std::string(ast::keyword_text(e.rest[0].op)) == "or");
  const ast::Expr& and_side = boost::get<ast::x3::forward_ast<ast::Expr>>(e.rest[0].operand).get();
  REQUIRE(and_side.rest.size() == 1);
  CHECK(std::string(ast::keyword_text(and_side.rest[0].op)) == "and");
  const ast::Unary& left = boost::get<ast::x3::forward_ast<ast::Unary>>(
                               boost::get<ast::x3::forward_ast<ast::Expr>>(e.first).get().first)
                               .get();
  CHECK(left.ops == "!");
}

TEST_CASE("comparisons do not associate", "[parser]") {
  Parsed p("rule r { when 1 < 2 < 3; }");
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message == "expected ';', found '<'");
  CHECK(p.where(p.diags.all()[0].loc) == "1:21");
}

TEST_CASE("calls, if, lookups and every literal form", "[parser]") {
  auto c = compile(R"(regime "R" { currency GBP; }
fact when_started: date = 2022-09-01;
fact ratio: decimal = 0.375;
table t: int -> money { 1: 250_000 GBP }
responsibility a; breach b { area a; }
rule r { when if date >= when_started then prior_breaches(12 months) >= 1 else ratio < 12.5%;
  then fine max(t[1], min(1 GBP, 2 GBP, 3 GBP), round_up(5 GBP, 2 GBP)) to accountable; })");
  CHECK(c->errors().empty());
  const auto& rule = c->model.rules.at(0);
  CHECK(rule.when->op == model::Op::If);
  CHECK(rule.clauses[0].amount->op == model::Op::Max);
  CHECK(rule.clauses[0].amount->args.size() == 3);
  CHECK(c->model.tables[0].versions.at(0).entries.at(1).number == *Decimal::parse("250000"));
  CHECK(c->model.facts[1].default_value->number == *Decimal::parse("0.375"));
}

TEST_CASE("string escapes", "[parser]") {
  Parsed p(R"(function F "tab\there \"quoted\" back\\slash\nline";)");
  REQUIRE_FALSE(p.diags.has_errors());
  CHECK(only<ast::FunctionDecl>(p.file).title->text == "tab\there \"quoted\" back\\slash\nline");
  Parsed bad(R"(function F "bad \q escape";)");
  REQUIRE(bad.diags.error_count() == 1);
  CHECK(bad.diags.all()[0].message == "expected a valid escape (\\\" \\\\ \\n \\t), found '\\'");
  Parsed open("function F \"no end\n;");
  REQUIRE(open.diags.error_count() == 1);
  CHECK(open.diags.all()[0].message == "expected a closing '\"' on the same line, found a string");
}

TEST_CASE("the tree's text outlives the parse: escapes and '- N' kept, large files in pieces",
          "[parser]") {
  // Over 4 MiB, so parsed in pieces on two threads; every piece has titles
  // with escapes (kept in the pieces' stores) and negative numbers written
  // with a blank after the '-' (rebuilt, so kept too).
  std::string text = "regime \"R\" { currency GBP; }\n";
  const int n = 120'000;
  for (int i = 0; i < n; ++i) {
    text += fmt::format("function F{} \"Head \\\"{}\\\" of\\tunit\";\n", i, i);
    if (i % 1000 == 0) text += fmt::format("fact f{}: int = - {};\n", i, i + 1);
  }
  REQUIRE(text.size() > (size_t{4} << 20));
  auto c = smr::compile_text("big.smr", text, {.jobs = 2});
  REQUIRE(c->ok());
  REQUIRE(c->model.functions.size() == n);
  for (int i : {0, 1, 59'999, 60'000, n - 1}) {
    CHECK(c->model.functions[i].title == fmt::format("Head \"{}\" of\tunit", i));
  }
  REQUIRE(c->model.facts.size() == n / 1000);
  CHECK(c->model.facts[0].default_value->number.to_string() == "-1");
  CHECK(c->model.facts.back().default_value->number.to_string() == "-119001");
}

TEST_CASE("org with persons and time-bounded edges", "[parser]") {
  Parsed p(R"(org acme "Acme" {
  person bob "Bob Jones" {
    relevant_income 180_000 GBP;
    reports_to alice;
    holds SMF24 from 2020-01-01 until 2023-07-01;
    delegates child_safety to carol from 2021-06-01;
  }
  person carol { }
})");
  REQUIRE_FALSE(p.diags.has_errors());
  const auto& org = only<ast::Org>(p.file);
  REQUIRE(org.persons.size() == 2);
  const auto& bob = boost::get<ast::Person>(org.persons[0]);
  REQUIRE(bob.items.size() == 4);
  CHECK(boost::get<ast::IncomeItem>(bob.items[0]).amount.unit == "GBP");
  const auto& holds = boost::get<ast::EdgeItem>(bob.items[2]);
  CHECK(text_of(holds.kind) == "holds");
  CHECK(holds.from->text == "2020-01-01");
  CHECK(holds.until->text == "2023-07-01");
  const auto& del = boost::get<ast::EdgeItem>(bob.items[3]);
  CHECK(del.to->text == "carol");
  CHECK_FALSE(del.until);
  CHECK(p.where(del.loc) == "6:5");
}

TEST_CASE("scenario with breaches, person facts and expectations", "[parser]") {
  Parsed p(R"(scenario "Repeated failures" in acme {
  breach grooming on 2022-03-01 { severity 4; children_affected 12; person bob { reasonable_steps false; } }
  expect bob: censure, fine 108_000 GBP;
  expect carol: none;
})");
  REQUIRE_FALSE(p.diags.has_errors());
  const auto& s = only<ast::Scenario>(p.file);
  CHECK(s.org->text == "acme");
  REQUIRE(s.items.size() == 3);
  const auto& b = boost::get<ast::ScenarioBreach>(s.items[0]);
  CHECK(b.date.kind == ast::LiteralKind::Date);
  REQUIRE(b.items.size() == 3);
  CHECK(boost::get<ast::FactValue>(b.items[0]).name.text == "severity");
  const auto& pf = boost::get<ast::PersonFacts>(b.items[2]);
  CHECK(pf.person.text == "bob");
  const auto& e = boost::get<ast::Expect>(s.items[1]);
  REQUIRE(e.items.size() == 2);
  CHECK(text_of(e.items[1].kind) == "fine");
  CHECK(e.items[1].amount->text == "108_000");
}

TEST_CASE("import and durations", "[parser]") {
  Parsed p(
      R"(import "common/regime.smr"; rule r { when prior_breaches(2 years) >= 1 and prior_breaches(30 days) < 3; })");
  REQUIRE_FALSE(p.diags.has_errors());
  CHECK(boost::get<ast::Import>(p.file.decls[0]).path.text == "common/regime.smr");
}

TEST_CASE("reserved words are not names", "[parser]") {
  Parsed p("function board \"x\";");
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message == "expected identifier, found 'board' (a reserved word)");
  CHECK(p.where(p.diags.all()[0].loc) == "1:10");
}

TEST_CASE("after a syntax error the parser resumes and reports the others", "[parser]") {
  Parsed p(R"(regime "R" { currency GBP }
function F "f"
function G "g";
org o { person a { holds Q from; } person b { reports_to a; } }
}
rule r { then fine to accountable; when 1 < 2 < 3; }
function H "h";)");
  std::vector<std::string> got;
  for (const auto& d : p.diags.all()) got.push_back(p.where(d.loc) + " " + d.message);
  CHECK(got ==
        std::vector<std::string>{
            "1:27 expected ';', found '}'", "3:1 expected ';', found 'function'",
            "4:32 expected a date written YYYY-MM-DD (such as 2024-06-01), found ';'",
            "5:1 expected a declaration (regime, function, responsibility, fact, person_fact, "
            "table, breach, rule, org, scenario or import), found '}'",
            "6:47 expected ';', found '<'"});
  // Declarations after the errors were still read, including the one right
  // after a missing ';'.
  REQUIRE(p.file.decls.size() == 7);
  CHECK(boost::get<ast::FunctionDecl>(&p.file.decls[2])->name.text == "G");
  REQUIRE(boost::get<ast::Org>(&p.file.decls[3]));
  CHECK(boost::get<ast::Org>(&p.file.decls[3])->persons.size() == 2);
  CHECK(boost::get<ast::FunctionDecl>(&p.file.decls[6])->name.text == "H");
}

TEST_CASE("one error per place, even when a reserved word stops a declaration", "[parser]") {
  Parsed p("rule fines { when severity >= 3; }\nfunction F \"f\";");
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message == "expected identifier, found 'fines' (a reserved word)");
  CHECK(boost::get<ast::FunctionDecl>(&p.file.decls.back()) != nullptr);
}

TEST_CASE("columns count code points, not bytes", "[parser]") {
  Parsed p("function F \"Président\"; function ☃ \"x\";");
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.where(p.diags.all()[0].loc) == "1:34");
}

TEST_CASE("places are found when first asked for, from several threads at once", "[parser]") {
  // Line starts are worked out on the first message rendered (see
  // SourceManager::line_starts); eight threads ask together.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += fmt::format("function F{} \"Function {}\";\n", i, i);
  text += "function ☃ \"x\";\n";
  SourceManager sources;
  uint32_t file = sources.add("big.smr", text);
  SourceLoc last{file, static_cast<uint32_t>(text.size() - 9), 1};  // the snowman
  std::vector<std::string> where(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto lc = sources.line_col(last);
      where[t] = fmt::format("{}:{} {}", lc.line, lc.column, sources.line_text(file, lc.line));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& w : where) CHECK(w == "20001:10 function ☃ \"x\";");
  CHECK(sources.line_text(file, 1) == "function F0 \"Function 0\";");
  CHECK(sources.line_text(file, 20002).empty());  // past the last line
}

TEST_CASE("hostile input ends in a diagnostic, never a crash", "[parser][bad-input]") {
  SECTION("10,000 nested parentheses") {
    std::string text =
        "rule r { when " + std::string(10000, '(') + "true" + std::string(10000, ')') + "; }";
    Parsed p(text);
    REQUIRE(p.diags.error_count() == 1);
    CHECK(p.diags.all()[0].message == "nesting is too deep (the limit is 256 levels)");
  }
  SECTION("200,000 nested not is a flat chain") {
    std::string text = "regime \"R\" { currency GBP; } rule r { when ";
    for (int i = 0; i < 200000; ++i) text += "not ";
    text += "true; }";
    auto c = compile(text);
    CHECK(c->errors().empty());
    CHECK(c->model.rules[0].when->op == model::Op::Const);  // an even count cancels
  }
  SECTION("binary garbage") {
    std::string text;
    for (int i = 0; i < 4096; ++i) text += static_cast<char>((i * 7919) % 256);
    Parsed p(text);
    CHECK(p.diags.has_errors());
  }
  SECTION("invalid UTF-8") {
    Parsed p("function F \"caf\xC3\x28\";");
    REQUIRE(p.diags.error_count() == 1);
    CHECK(p.diags.all()[0].message == "invalid UTF-8 byte sequence");
    CHECK(p.where(p.diags.all()[0].loc) == "1:16");
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);  // a UTF-16 surrogate
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);      // overlong
    CHECK(find_invalid_utf8("ok \xF0\x9F\x98\x80") == -1);
  }
  SECTION("an empty file") {
    Parsed p("");
    CHECK_FALSE(p.diags.has_errors());
    CHECK(p.file.decls.empty());
  }
  SECTION("an unterminated comment and block") {
    Parsed p("org o { person a { /* never closed");
    CHECK(p.diags.has_errors());
  }
  SECTION("a 50 MB model of simple declarations") {
    std::string text = "regime \"Big\" { currency GBP; }\n";
    text.reserve(50'100'000);
    for (int i = 0; text.size() < 50'000'000; ++i) {
      text +=
          "function F" + std::to_string(i) + " \"Function number " + std::to_string(i) + "\";\n";
      text += "responsibility a" + std::to_string(i) + " \"Area of the big model\" prescribed;\n";
      text +=
          "fact f" + std::to_string(i) + ": money = " + std::to_string(i % 1000) + "_000 GBP;\n";
    }
    auto c = compile(text);
    CHECK(c->errors().empty());
    CHECK(c->model.functions.size() > 300'000);
    CHECK(c->model.facts.back().default_value->number.raw() > 0);
  }
  SECTION("many errors stop at a limit") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "} ";
    Parsed p(text);
    CHECK(p.diags.error_count() == 50);
  }
}

TEST_CASE("every reserved word is recognised, and ids with digits or capitals are not",
          "[parser]") {
  for (std::string_view w : smr::parser::reserved_words()) CHECK(smr::parser::is_reserved(w));
  for (std::string_view w : {"p123", "F7", "Regime", "regime2", "x", "board_", "_board", "regimf",
                             "regim", "regimes", "zzz", "__"}) {
    CHECK_FALSE(smr::parser::is_reserved(w));
  }
}

namespace {

// Declarations followed by scenarios, `bytes` in all, with braces inside
// strings and comments that a scan of the text must not count.
struct TailText {
  std::string head =
      "regime \"T\" { currency GBP; }\n"
      "function CEO \"Chief { of all }\";\n"
      "/* } */ // }\n";
  std::string scenarios;
  size_t count = 0;
  explicit TailText(size_t bytes) {
    scenarios += "scenario \"a } b\" { breach harm on 2022-01-01 { severity 2; } }\n";
    count = 1;
    while (head.size() + scenarios.size() < bytes) {
      scenarios += fmt::format(
          "scenario \"s{}\" {{ breach harm on 2022-01-01 {{ severity 2; }} }} // {{\n", count++);
    }
  }
};

size_t scenarios_in(const ast::File& f) {
  return std::count_if(f.decls.begin(), f.decls.end(),
                       [](const ast::Decl& d) { return boost::get<ast::Scenario>(&d) != nullptr; });
}

}  // namespace

TEST_CASE("the scenarios that end a large file are left for the checker, in pieces",
          "[parser][tail]") {
  TailText t(5'000'000);
  SourceManager sources;
  Diagnostics diags;
  SECTION("found, counted, and cut between scenarios") {
    std::string text = t.head + t.scenarios;
    uint32_t id = sources.add("big.smr", text);
    ast::File f = parse_file(sources, id, diags, 2, true);
    CHECK(diags.all().empty());
    CHECK(f.decls.size() == 2);  // the regime and the function
    REQUIRE(f.tail);
    CHECK(f.tail->scenarios == t.count);
    // The tail begins where the function's declaration ends.
    CHECK(f.tail->cuts.front() == t.head.find(";\n/*") + 1);
    CHECK(f.tail->cuts.back() == text.size());
    CHECK(f.tail->pieces() > 20);  // about 128 KiB each
    size_t parsed = 0;
    for (size_t k = 0; k < f.tail->pieces(); ++k) {
      if (k > 0) CHECK(text.substr(f.tail->cuts[k] - 2, 2) == " }");
      ast::TextStore store;
      Diagnostics piece_diags;
      ast::File piece;
      piece.decls = parse_piece(*f.tail, k, piece_diags, store);
      CHECK(piece_diags.all().empty());
      CHECK(scenarios_in(piece) == piece.decls.size());
      parsed += piece.decls.size();
    }
    CHECK(parsed == t.count);
  }
  SECTION("a head of several MB is parsed in pieces cut where the scan saw declarations end") {
    std::string head = t.head;
    size_t functions = 0;
    while (head.size() < 4'500'000) {
      head += fmt::format("function F{} \"Function {{ {} }}\"; // }}\n", functions, functions);
      ++functions;
    }
    std::string text = head + t.scenarios;
    uint32_t id = sources.add("big.smr", text);
    ast::File f = parse_file(sources, id, diags, 2, true);
    CHECK(diags.all().empty());
    REQUIRE(f.tail);
    CHECK(f.tail->scenarios == t.count);
    REQUIRE(f.decls.size() == functions + 2);  // the regime, CEO and the functions
    for (size_t i = 0; i < functions; ++i) {
      const auto* fn = boost::get<ast::FunctionDecl>(&f.decls[i + 2]);
      REQUIRE(fn);
      CHECK(fn->name.text == fmt::format("F{}", i));
    }
  }
  SECTION("not when a declaration follows the scenarios") {
    uint32_t id = sources.add("big.smr", t.head + t.scenarios + "function CFO \"x\";\n");
    ast::File f = parse_file(sources, id, diags, 2, true);
    CHECK_FALSE(f.tail);
    CHECK(scenarios_in(f) == t.count);
    CHECK(f.decls.size() == t.count + 3);
  }
  SECTION("not unless asked") {
    uint32_t id = sources.add("big.smr", t.head + t.scenarios);
    ast::File f = parse_file(sources, id, diags, 2, false);
    CHECK_FALSE(f.tail);
    CHECK(scenarios_in(f) == t.count);
  }
  SECTION("not after a syntax error: the file is parsed whole, every error reported") {
    uint32_t id = sources.add("big.smr", "function ;\n" + t.head + t.scenarios + "scenario {");
    ast::File f = parse_file(sources, id, diags, 2, true);
    CHECK_FALSE(f.tail);
    CHECK(diags.error_count() == 2);
    CHECK(scenarios_in(f) == t.count);
  }
  SECTION("not when the braces do not balance") {
    uint32_t id = sources.add("big.smr", t.head + t.scenarios + "scenario \"x\" { breach harm");
    ast::File f = parse_file(sources, id, diags, 2, true);
    CHECK_FALSE(f.tail);
    CHECK(diags.has_errors());
  }
}
