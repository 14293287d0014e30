// The front end on large files: the scenarios that end a file, parsed a
// piece at a time as they are checked, give the same model and the same
// diagnostics as the file parsed whole.
#include "dsl/front_end.h"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <vector>

using namespace smr;

namespace {

const char* const kModel = R"(regime "T" { currency GBP; }
function CEO "Chief";
responsibility safety "Safety" prescribed;
fact loss: money = 0 GBP;
person_fact reasonable_steps: bool = false;
breach harm "Harm" { area safety; }
breach leak "Leak" { area safety; }
rule r1 { when severity >= 2; then censure to accountable where not reasonable_steps; }
org acme "Acme" {
  person ann "Ann" { relevant_income 100_000 GBP; holds CEO from 2020-01-01; responsible_for safety from 2020-01-01; }
  person bob "Bob" { reports_to ann from 2020-01-01; }
}
)";

// Scenarios of every shape, repeated until the file is `bytes` long; `odd`
// is placed after the first thousand.
std::string large_model(size_t bytes, const std::string& odd = "") {
  std::string text = kModel;
  for (int i = 0; text.size() < bytes; ++i) {
    if (i == 1000) text += odd;
    switch (i % 4) {
      case 0:
        text +=
            fmt::format("scenario \"s{}\" {{ breach harm on 2022-01-{:02} {{ severity {}; }} }}\n",
                        i, 1 + i % 28, 1 + i % 5);
        break;
      case 1:
        text += fmt::format(
            "scenario \"s\\\"{}\" {{ breach leak on 2023-03-01 {{ severity 3; loss {}_000 GBP; "
            "person bob {{ reasonable_steps true; }} }} expect ann: censure; }}\n",
            i, i % 700);
        break;
      case 2:
        text += fmt::format(
            "scenario \"s{}\" in acme {{ breach harm on 2021-05-05 {{ severity 1; }} "
            "breach leak on 2021-06-05 {{ severity 4; person ann {{ reasonable_steps false; }} }} "
            "}}\n",
            i);
        break;
      default:
        text += fmt::format("// scenario {} is a comment {{\nscenario \"s{}\" {{ }}\n", i, i);
    }
  }
  return text;
}

// The model's scenarios, in words, and every diagnostic with its place.
struct Built {
  std::vector<std::string> scenarios;
  std::vector<std::string> diagnostics;
};

Built build(const std::vector<SourceText>& files, bool stream, int jobs) {
  FrontEndInput input;
  input.files = files;
  input.jobs = jobs;
  input.stream_scenarios = stream;
  SourceManager sources;
  Diagnostics diags;
  FrontEndOutput out = build_model(input, sources, diags);
  diags.sort_by_place();
  Built b;
  for (const auto& d : diags.all()) b.diagnostics.push_back(sources.render(d));
  for (const auto& sc : out.model.scenarios) {
    std::string s = fmt::format("{} org {} at {}:", sc.title, sc.org, sc.loc.offset);
    for (const auto& br : sc.breaches) {
      s += fmt::format(" [{} {} {} {}", br.type, br.date.to_string(), br.severity, br.loc.offset);
      for (const auto& f : br.facts) s += f ? " " + f->number.to_string() : " -";
      for (const auto& p : br.persons) {
        s += fmt::format(" p{}", p.person);
        for (const auto& v : p.values) s += v ? (v->boolean ? "T" : "F") : "-";
      }
      s += "]";
    }
    for (const auto& e : sc.expectations) s += fmt::format(" expect {}", e.person);
    b.scenarios.push_back(s);
  }
  return b;
}

Built build(const std::string& text, bool stream, int jobs) {
  return build(std::vector<SourceText>{{"big.smr", text}}, stream, jobs);
}

void same_both_ways(const std::vector<SourceText>& files) {
  Built whole = build(files, false, 2);
  for (int jobs : {1, 2}) {
    Built streamed = build(files, true, jobs);
    CHECK(streamed.scenarios == whole.scenarios);
    CHECK(streamed.diagnostics == whole.diagnostics);
  }
}

void same_both_ways(const std::string& text) { same_both_ways({{"big.smr", text}}); }

}  // namespace

namespace {

// An org of `count` persons with every kind of item; `broken(i)` may give
// person i an item to put in instead of its reports_to (an error).
std::string large_org(int count, const std::function<std::string(int)>& broken) {
  std::string text = kModel;
  text += "function CFO \"Finance\";\nresponsibility funds \"Funds\";\norg big \"Big\" {\n";
  for (int i = 0; i < count; ++i) {
    text +=
        fmt::format("  person q{} \"Q {}\" {{ relevant_income {}_000 GBP; ", i, i, 100 + i % 900);
    std::string odd = broken ? broken(i) : "";
    if (!odd.empty()) {
      text += odd;
    } else if (i > 0) {
      text += fmt::format("reports_to q{} from 2020-0{}-01; ", (i - 1) / 3, 1 + i % 9);
    }
    if (i % 7 == 0) text += "holds CFO until 2030-01-01; ";
    if (i % 5 == 0) text += "responsible_for funds from 2021-01-01 until 2025-06-01; ";
    if (i % 11 == 1) text += fmt::format("delegates funds to q{} from 2022-01-01; ", i / 2);
    text += "}\n";
  }
  text += "}\n";
  return text;
}

// The org "big" as words: persons with incomes, every edge, and every
// diagnostic rendered.
std::vector<std::string> org_in_words(const std::string& text, int jobs) {
  FrontEndInput input;
  input.files = {{"org.smr", text}};
  input.jobs = jobs;
  SourceManager sources;
  Diagnostics diags;
  FrontEndOutput out = build_model(input, sources, diags);
  diags.sort_by_place();
  std::vector<std::string> words;
  for (const auto& d : diags.all()) words.push_back(sources.render(d));
  for (const auto& org : out.model.orgs) {
    if (org.id != "big") continue;
    for (const auto& p : org.persons)
      words.push_back(fmt::format("{} {}", p.id, p.relevant_income.to_string()));
    for (const auto& e : org.edges) {
      words.push_back(fmt::format("{} {} {} {} {} {} @{}", static_cast<int>(e.kind), e.person,
                                  e.target, e.area, e.when.from.to_string(),
                                  e.when.until.to_string(), e.loc.offset));
    }
  }
  return words;
}

}  // namespace

TEST_CASE("a large org checked in parts on several threads gives the one-thread model",
          "[front-end]") {
  SECTION("clean: the same persons, incomes and edges, in the same order") {
    std::string text = large_org(10'000, nullptr);
    auto one = org_in_words(text, 1);
    INFO(one[0]);  // a message, should there be one
    // 10,000 persons; edges: 9,999 reports_to, 1,429 holds (every 7th),
    // 2,000 responsible_for (every 5th), 909 delegates (i % 11 == 1).
    REQUIRE(one.size() == 10'000 + 9'999 + 1'429 + 2'000 + 909);
    CHECK(one[0] == "q0 100000");  // persons sorted by id: q0, q1, q10, ...
    CHECK(org_in_words(text, 2) == one);
    CHECK(org_in_words(text, 3) == one);  // parts of unequal size
  }
  SECTION("errors in several parts: the messages of one pass, did-you-mean hints and all") {
    // 271 errors (one for each i % 37 == 3), more than get a hint (200),
    // spread over every part: a part counting only its own would hint past
    // the 200th.
    std::string text = large_org(10'000, [](int i) -> std::string {
      if (i % 37 != 3) return "";
      switch (i % 4) {
        case 0:
          return fmt::format("reports_to qq{}; ", i);  // unknown (with a hint while hints last)
        case 1:
          return "relevant_income 5 GBP; ";  // given twice
        case 2:
          return "holds CFO from 2024-01-01 until 2023-01-01; ";  // until before from
        default:
          return "reports_to q1 to q2; ";  // `to` on reports_to
      }
    });
    auto one = org_in_words(text, 1);
    REQUIRE(std::count_if(one.begin(), one.end(), [](const std::string& w) {
              return w.find("error:") != std::string::npos;
            }) == 271);
    CHECK(org_in_words(text, 2) == one);
    CHECK(org_in_words(text, 3) == one);
  }
}

TEST_CASE("a large file's scenarios parsed as they are checked give the same model",
          "[front-end][tail]") {
  SECTION("a clean file") {
    std::string text = large_model(4'500'000);
    Built b = build(text, true, 2);
    if (!b.diagnostics.empty()) FAIL(b.diagnostics[0]);
    REQUIRE(b.scenarios.size() > 40'000);
    CHECK(b.scenarios[1].rfind("s\"1 org 0", 0) == 0);  // an escaped title
    CHECK(b.scenarios[1].find("[1 2023-03-01 3") != std::string::npos);
    same_both_ways(text);
  }
  SECTION("errors a scenario's check finds, and duplicate names") {
    same_both_ways(large_model(4'500'000,
                               "scenario \"s4\" { breach harm on 2022-01-01 { severity 2; } }\n"
                               "scenario \"bad\" { breach nope on 2022-02-30 { severity 9; } "
                               "expect zed: fine; }\n"
                               "scenario \"s1000\" { }\n"));
  }
  SECTION("a syntax error among the scenarios: the file is parsed whole again") {
    std::string text =
        large_model(4'500'000, "scenario \"broken\" { breach harm on { severity 2; } }\n");
    Built b = build(text, true, 2);
    REQUIRE(b.diagnostics.size() >= 1);
    CHECK(b.diagnostics[0].find("error:") != std::string::npos);
    same_both_ways(text);
  }
  SECTION("a declaration hidden from the scan by a broken string") {
    same_both_ways(large_model(4'500'000,
                               "scenario \"open { breach harm\n"
                               "function CFO \"x\"; scenario \"z\" { }\n"));
  }
}

TEST_CASE("scenarios of several files keep the files' order, streamed or not",
          "[front-end][tail]") {
  // The first file's scenarios are a tail; the second's are parsed with it.
  // A scenario of the second named like one of the first's tail is the
  // duplicate, and the model lists the first file's scenarios first.
  std::vector<SourceText> files = {
      {"big.smr", large_model(4'300'000)},
      {"more.smr",
       "scenario \"extra\" { breach harm on 2022-01-01 { severity 2; } }\n"
       "scenario \"s40000\" { breach harm on 2022-01-01 { severity 2; } }\n"}};
  Built b = build(files, true, 2);
  REQUIRE(b.diagnostics.size() == 2);
  CHECK(b.diagnostics[0].find("more.smr:2:10: error: duplicate scenario 's40000'") == 0);
  CHECK(b.diagnostics[1].find("big.smr:") == 0);  // the note at the first
  CHECK(b.scenarios.back().rfind("extra ", 0) == 0);
  same_both_ways(files);
}

TEST_CASE("randomly broken large files: the same diagnostics streamed or parsed whole",
          "[front-end][tail]") {
  const std::string base = large_model(4'300'000);
  const char* const pieces[] = {"{",
                                "}",
                                "\"",
                                "/*",
                                "*/",
                                "// ",
                                ";",
                                "scenario ",
                                "rule r {",
                                "\n",
                                "\\",
                                "function F \"x\";\n",
                                "scenario \"s7\" { }\n"};
  std::mt19937 rng(20261130);
  for (int round = 0; round < 6; ++round) {
    std::string text = base;
    for (int k = 0; k < 2; ++k) {
      size_t at = std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng);
      size_t which = std::uniform_int_distribution<size_t>(0, std::size(pieces))(rng);
      if (which == std::size(pieces)) {
        text.erase(at, 1 + at % 7);  // or a few characters taken away
      } else {
        text.insert(at, pieces[which]);
      }
    }
    INFO("round " << round);
    same_both_ways(text);
  }
}
