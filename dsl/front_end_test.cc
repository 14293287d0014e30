// The front end on large files: the scenarios that end a file, parsed a
// piece at a time as they are checked, give the same model and the same
// diagnostics as the file parsed whole.
#include "dsl/front_end.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
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
