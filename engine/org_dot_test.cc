// The org picture as a policy person reads it: only what holds on the date,
// the manager always above, every sanctioned person filled by outcome with
// a legend, titles rather than ids, vacancies drawn to the fallback, and a
// focus for large orgs. Each variant is also rendered by Graphviz.
#include "engine/org_dot.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "engine/evaluator.h"
#include "tests/support.h"

using namespace smr;

namespace {

const char* kModel = R"(regime "R" { currency GBP; unallocated falls_to CEO; }
function CEO "Chief Executive";
function COO "Chief Operations";
function NED "Non-executive director" board;
responsibility safety "Designing safe services";
responsibility audit "Internal audit";
breach harm "Harm to users" { area safety; }
breach gap "Audit failure" { area audit; }
rule r { on harm; then censure to accountable; then fine 1_000 GBP to accountable; }
rule m { on harm; then censure to managers; }
rule d { on harm; then disqualification to delegates; }
rule c { on harm; then criminal to board; }
rule v { on gap; then censure to accountable; }
org acme "Acme" {
  person ann "Ann A" { holds CEO; }
  person bob "Bob B" { holds COO until 2023-01-01; reports_to ann; responsible_for safety;
                       delegates safety to cy; }
  person cy "Cy C" { reports_to bob from 2022-06-01; }
  person dee "Dee D" { holds NED; }
  person old "Old O" { holds COO until 2020-01-01; reports_to ann until 2020-01-01; }
}
scenario "s" { breach harm on 2022-03-01 { severity 3; } }
scenario "vacancy" { breach gap on 2022-03-01 { severity 3; } }
)";

struct Drawn {
  std::unique_ptr<testing::Compiled> c;
  std::string dot;
};

Drawn draw(const char* model, const char* scenario, const char* date, int focus = -1) {
  Drawn d{testing::compile(model), ""};
  REQUIRE(d.c->errors().empty());
  OrgGraph g(d.c->model, 0);
  DotOptions o{*Date::parse(date), nullptr, focus};
  if (!scenario) {
    d.dot = org_to_dot(d.c->model, g, o);
    return d;
  }
  ScenarioResult r = testing::run(*d.c, scenario);
  DotHighlight h = highlight_for(d.c->model, g, r);
  o.highlight = &h;
  d.dot = org_to_dot(d.c->model, g, o);
  return d;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Renders `dot` with Graphviz's dot to PNG; true when it made one.
bool renders(const std::string& dot) {
  std::string dir = testing::temp_dir();
  testing::write_file(dir + "/g.dot", dot);
  if (std::system(("dot -Tpng " + dir + "/g.dot -o " + dir + "/g.png").c_str()) != 0) return false;
  std::ifstream png(dir + "/g.png", std::ios::binary);
  char magic[4] = {};
  png.read(magic, 4);
  return magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G';
}

}  // namespace

TEST_CASE("graph: only what holds on the date; people out of post left out", "[org_dot]") {
  auto early = draw(kModel, nullptr, "2022-03-01");
  CHECK(
      has(early.dot, "label=\"Acme on 2022-03-01\\n1 person not in post on this date left out\""));
  // Titles, not ids: functions and areas by their titles.
  CHECK(has(early.dot, "p1 [label=\"Bob B\\n(bob)\\nChief Operations (COO)\""));
  CHECK(has(early.dot, "a0 [label=\"Designing safe services\\n(safety)\", shape=note]"));
  CHECK(has(early.dot, "p1 -> p0 [style=solid, label=\"reports to\"]"));
  CHECK_FALSE(has(early.dot, "p2 -> p1"));  // cy reports to bob only from June
  CHECK_FALSE(has(early.dot, "Old O"));     // every edge of old's ended in 2020
  auto late = draw(kModel, nullptr, "2023-02-01");
  CHECK(has(late.dot, "p2 -> p1 [style=solid, label=\"reports to\"]"));
  CHECK(has(late.dot, "p1 [label=\"Bob B\\n(bob)\", "));  // the COO post ended
  CHECK(renders(early.dot));
  CHECK(renders(late.dot));
}

TEST_CASE("graph: a delegation never ranks the delegate above their manager", "[org_dot]") {
  auto d = draw(kModel, nullptr, "2022-07-01");
  CHECK(has(d.dot, "rankdir=BT;"));  // an edge's head is drawn above its tail
  CHECK(has(d.dot, "p2 -> p1 [style=solid, label=\"reports to\"]"));
  CHECK(has(d.dot, "p1 -> p2 [style=dotted, label=\"delegates safety\", constraint=false]"));
  CHECK(renders(d.dot));
}

TEST_CASE("graph: every sanctioned person filled by outcome, with a legend", "[org_dot]") {
  auto d = draw(kModel, "s", "2022-07-01");
  // bob: censure and a fine (accountable: red border); ann: censure as his
  // manager; cy: disqualified as delegate; dee: criminal as the board.
  CHECK(has(d.dot,
            "p0 [label=\"Ann A\\n(ann)\\nChief Executive (CEO)\\ncensure\", shape=box, "
            "style=\"rounded,filled\", fillcolor=\"#fee6ce\""));
  CHECK(has(d.dot,
            "\\ncensure, fine 1,000.00 GBP\", shape=box, style=\"rounded,filled\", "
            "fillcolor=\"#fdae6b\", fontcolor=black, color=red, penwidth=3]"));
  CHECK(has(d.dot,
            "\\ndisqualification\", shape=box, style=\"rounded,filled\", "
            "fillcolor=\"#e6550d\""));
  CHECK(has(d.dot, "\\ncriminal\", shape=box, style=\"rounded,filled\", fillcolor=\"#b2182b\""));
  CHECK(has(d.dot, "subgraph cluster_legend {"));
  CHECK(has(d.dot, "legend_criminal [label=\"criminal\""));
  CHECK(has(d.dot, "legend_accountable [label=\"accountable\""));
  // The title names the breach.
  CHECK(has(d.dot, "scenario \\\"s\\\"\\nHarm to users (harm) on 2022-03-01, severity 3"));
  CHECK(has(d.dot, "p1 -> a0 [style=dashed, label=\"responsible for\", color=red"));
  CHECK(renders(d.dot));
}

TEST_CASE("graph: an unallocated area is drawn falling to the fallback's holders", "[org_dot]") {
  auto d = draw(kModel, "vacancy", "2022-03-01");
  CHECK(has(d.dot, "u1 [label=\"unallocated: falls to\\nChief Executive (CEO)\", shape=note"));
  CHECK(has(d.dot, "u1 -> a1 [style=dashed, label=\"unallocated\"]"));
  CHECK(has(d.dot, "p0 -> u1 [style=dashed, label=\"holds CEO\", color=red"));
  CHECK(has(d.dot, "a1 [label=\"Internal audit\\n(audit)\", shape=note, color=red"));
  CHECK(renders(d.dot));
}

TEST_CASE("graph --focus keeps the people near the paths of a large org", "[org_dot]") {
  // A 2,000-person chain under the accountable p0000: managers(1) censures
  // p0001; focus 2 keeps p0000..p0003, the CEO at the top is 1,999 steps up.
  std::string text = R"(regime "R" { currency GBP; }
function CEO "Chief Executive";
responsibility data "Data";
breach leak { area data; }
rule r { then censure to accountable, managers; }
org o {
  person p0000 { responsible_for data; reports_to p0001; }
)";
  char buf[80];
  for (int i = 1; i < 1999; ++i) {
    std::snprintf(buf, sizeof buf, "  person p%04d { reports_to p%04d; }\n", i, i + 1);
    text += buf;
  }
  text +=
      "  person p1999 { holds CEO; }\n}\nscenario \"s\" { breach leak on 2022-01-01 { "
      "severity 1; } }\n";
  auto d = draw(text.c_str(), "s", "2022-01-01", 2);
  CHECK(has(d.dot, "p3 [label=\"p0003\""));
  CHECK_FALSE(has(d.dot, "p4 [label"));
  CHECK_FALSE(has(d.dot, "p1999 [label"));
  CHECK(has(d.dot, "focus: within 2 steps of the accountability paths (1996 others left out)"));
  CHECK(renders(d.dot));
}
