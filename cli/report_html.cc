// smr report: one self-contained HTML file (see report_html.h).
#include "cli/report_html.h"

#include <fmt/format.h>

#include <map>

#include "cli/commands.h"
#include "cli/intended.h"
#include "cli/org_svg.h"
#include "cli/output.h"
#include "cli/report.h"
#include "engine/evaluator.h"
#include "engine/explain.h"
#include "engine/model_text.h"
#include "engine/org_dot.h"
#include "engine/outcome_diff.h"

namespace smr::cli {
namespace {

constexpr size_t kMaxScenarios = 500;  // a report is for reading
constexpr size_t kWholeOrg = 150;      // larger orgs are drawn around the paths only

std::string person_label(const model::Person& p) { return titled(p.name, p.id); }

// The titles of the functions `person` holds on `d`.
std::string role(const model::Model& m, const model::Org& org, int person, Date d) {
  std::string out;
  for (const auto& e : org.edges) {
    if (e.kind != model::EdgeKind::Holds || e.person != person || !e.when.contains(d)) continue;
    const auto& f = m.functions[e.target];
    out += (out.empty() ? "" : ", ") + titled(f.title, f.id);
  }
  return out;
}

void outcome_badge(Html& h, const model::Sanctions& s) {
  std::string name = model::outcome_name(s.headline());
  h.element("span", name, {{"class", "badge outcome-" + name}});
}

// One sanction's explanation: the rule, its citations, inputs, conditions,
// path and arithmetic, in the words `--explain` uses.
void append_record(Html& h, const model::Model& m, PathSharing& paths, const model::Scenario& sc,
                   const SanctionRecord& rec) {
  const model::Rule& rule = m.rules[rec.rule];
  std::string what = rec.kind == model::SanctionKind::Fine ? "fine " + money_text(m, rec.amount)
                                                           : model::sanction_name(rec.kind);
  h.open("p").element("strong", what).text(" by rule ");
  h.element("em", titled(rule.title, rule.id));
  h.text(" for " + breach_label(m, sc.breaches[rec.breach]));
  for (const auto& c : rule.citations) h.text(" — ").text(c);
  h.close("p");
  const Explanation& e = rec.explanation();
  if (!e.inputs.empty()) {
    std::string inputs;
    for (const auto& in : e.inputs) inputs += (inputs.empty() ? "" : "; ") + input_text(in);
    h.open("p").text("Inputs: ").element("span", inputs, {{"class", "expr"}}).close("p");
  }
  for (const auto& let : e.lets) h.element("p", "let " + let.name + " = " + shown_text(let.value));
  for (const auto& c : e.conditions)
    h.open("p").element("span", condition_text(c), {{"class", "expr"}}).close("p");
  h.element("p", "Via " + paths.text(paths.view(rec.path)));
  if (!e.arithmetic.empty()) {
    h.open("p").text("Arithmetic: ");
    h.element("span", arithmetic_text(e.arithmetic), {{"class", "expr"}}).close("p");
  }
}

// The org on the first breach date, with what the scenario did, as SVG.
void append_picture(Html& h, const Workspace& ws, const ScenarioResult& r) {
  const model::Scenario& sc = *r.source;
  if (sc.breaches.empty()) return;
  Date d = sc.breaches[0].date;
  for (const auto& b : sc.breaches) d = std::min(d, b.date);
  const OrgGraph& graph = ws.graph(sc.org);
  DotHighlight highlight = highlight_for(ws.model, graph, r);
  bool large = ws.model.orgs[sc.org].persons.size() > kWholeOrg;
  DotOptions o{d, &highlight, large ? 2 : -1};
  std::string error;
  auto svg = dot_to_svg(org_to_dot(ws.model, graph, o), &error);
  h.open("div", {{"class", "picture"}});
  if (svg) {
    h.trusted(*svg);
  } else {
    h.element("p", "The org picture could not be drawn: " + error, {{"class", "note"}});
  }
  h.close("div");
  if (large)
    h.element("p", "A large org: only the people within two steps of the paths are drawn.",
              {{"class", "note"}});
}

// Before -> after of each changed person, by id, for a scenario.
using Changes = std::map<std::string, const PersonChange*>;

void append_outcomes(Html& h, const Workspace& ws, const ScenarioResult& r,
                     const Changes& changed) {
  const model::Model& m = ws.model;
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  Date first = sc.breaches.empty() ? Date() : sc.breaches[0].date;
  h.open("table", {{"class", "outcomes"}}).open("thead").open("tr");
  h.element("th", "Person").element("th", "Role").element("th", "Outcome");
  h.element("th", "Fine", {{"class", "money"}}).close("tr").close("thead").open("tbody");
  for (const auto& p : r.persons) {
    const auto& person = org.persons[p.person];
    auto change = changed.find(person.id);
    if (!p.sanctioned() && change == changed.end()) continue;
    h.open("tr", {{"data-person", person.id},
                  {"class", change == changed.end() ? "outcome" : "outcome changed"}});
    h.element("td", person_label(person)).element("td", role(m, org, p.person, first));
    h.open("td");
    outcome_badge(h, p.sanctions);
    h.text(" ").text(p.sanctions.describe(m.currency));
    if (change != changed.end())
      h.element("em", " (base: " + change->second->before.describe(m.currency) + ")");
    h.close("td");
    h.element("td", p.sanctions.fine ? money_text(m, *p.sanctions.fine) : "", {{"class", "money"}});
    h.close("tr");
  }
  h.close("tbody").close("table");
}

void append_scenario(Html& h, const Workspace& ws, const ScenarioResult& r, size_t n,
                     const Changes& changed) {
  const model::Model& m = ws.model;
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  h.open("section", {{"class", "scenario"}, {"id", fmt::format("scenario-{}", n)}});
  h.element("h2", "Scenario: " + sc.title);
  h.element("p", fmt::format("In {}.", org.title.empty() ? org.id : org.title),
            {{"class", "meta"}});
  h.open("ul", {{"class", "breaches"}});
  for (const auto& b : sc.breaches) {
    const auto& type = m.breach_types[b.type];
    h.element("li",
              fmt::format("{} ({}) on {}, severity {}", type.title.empty() ? type.id : type.title,
                          type.id, b.date.to_string(), b.severity));
  }
  h.close("ul");
  bool any =
      std::any_of(r.persons.begin(), r.persons.end(), [](const auto& p) { return p.sanctioned(); });
  if (any || !changed.empty()) {
    append_outcomes(h, ws, r, changed);
  } else {
    h.element("p", "No one is sanctioned.");
  }
  for (int bi : r.unattributed) {
    h.element(
        "p",
        "Unattributed: no one is accountable for the " + breach_label(m, sc.breaches[bi]) + ".",
        {{"class", "note"}});
  }
  PathSharing paths(m, org);
  for (const auto& p : r.persons) {
    if (!p.sanctioned()) continue;
    h.element("h3", "Why " + person_label(org.persons[p.person]) + " is sanctioned");
    h.open("div", {{"class", "explanation"}, {"data-person", org.persons[p.person].id}});
    for (const auto& rec : p.records) append_record(h, m, paths, sc, rec);
    for (const auto& cap : p.caps) {
      h.element("p", fmt::format("Fine cap for {}: fines of {} cut to {} ({} removed).",
                                 breach_label(m, sc.breaches[cap.breach]), money_text(m, cap.fined),
                                 money_text(m, cap.cap), money_text(m, cap.removed)));
    }
    h.close("div");
  }
  append_picture(h, ws, r);
  h.close("section");
}

}  // namespace

namespace {

// A base/head comparison for the report: each scenario's changes, and the
// verdict on an intended-change manifest.
struct Comparison {
  std::map<int, ScenarioDiff> by_scenario;  // head scenario -> its changes
  std::vector<ActualChange> actual;
  std::optional<IntendedVerdict> verdict;
};

void append_diff(Html& h, const model::Model& m, const std::vector<ScenarioResult>& results,
                 const Comparison& cmp) {
  h.element("h2", "What the rule change moves", {{"id", "diff"}});
  size_t changed = cmp.actual.size();
  h.element("p", fmt::format("{} person-outcome{} changed between base and head.", changed,
                             changed == 1 ? "" : "s"));
  if (changed) {
    h.open("table", {{"class", "diff"}}).open("thead").open("tr");
    for (auto c : {"Scenario", "Person", "Base", "Head", "Rules that moved"}) h.element("th", c);
    h.close("tr").close("thead").open("tbody");
    for (const auto& r : results) {
      auto it = cmp.by_scenario.find(r.scenario);
      if (it == cmp.by_scenario.end()) continue;
      for (const auto& c : it->second.changes) {
        std::string rules;
        for (const auto& rc : c.rules_changed) rules += (rules.empty() ? "" : ", ") + rc.rule;
        h.open("tr", {{"class", "changed"}, {"data-person", c.person}});
        h.element("td", r.source->title).element("td", c.person);
        h.element("td", c.before.describe(m.currency)).element("td", c.after.describe(m.currency));
        h.element("td", rules).close("tr");
      }
    }
    h.close("tbody").close("table");
  }
  if (!cmp.verdict) return;
  const IntendedVerdict& v = *cmp.verdict;
  h.element("h3", "Intended changes");
  h.element("p",
            v.ok() ? "The changes are exactly the intended ones."
                   : "The changes are not the intended ones.",
            {{"class", v.ok() ? "verdict-ok" : "verdict-fail"}});
  h.element("pre", verdict_text(v, m.currency));
}

std::optional<Comparison> compare_versions(const Options& o, const Workspace& base,
                                           const Workspace& head,
                                           const std::vector<ScenarioResult>& results) {
  Comparison cmp;
  int first_common = static_cast<int>(o.head.size());
  for (const auto& after : results) {
    const auto& sc = *after.source;
    if (!head.from_root_at_or_after(sc.loc, first_common)) continue;
    int b = find_scenario(base.model, sc.title);
    if (b < 0) continue;
    ScenarioResult before =
        evaluate_scenario(base.model, base.graph(base.model.scenarios[b].org), b, {});
    if (before.error) {
      report(base, evaluation_error(base.model, before));
      return std::nullopt;
    }
    ScenarioDiff d = diff_scenario(base.model, before, head.model, after);
    for (const auto& c : d.changes) cmp.actual.push_back({sc.title, c.person, c.before, c.after});
    cmp.by_scenario.emplace(after.scenario, std::move(d));
  }
  if (!o.intended.empty()) {
    int code = 0;
    auto intended = load_intended(o.intended, head.model.currency, &code);
    if (!intended) return std::nullopt;
    cmp.verdict = compare_intended(*intended, cmp.actual);
  }
  return cmp;
}

std::string contents(const std::vector<ScenarioResult>& results, bool diff) {
  Html h;
  h.open("ol");
  h.open("li").element("a", "The regime at a glance", {{"href", "#regime"}}).close("li");
  h.open("li").element("a", "Policy parameters", {{"href", "#policy"}}).close("li");
  for (size_t i = 0; i < results.size(); ++i) {
    h.open("li").element("a", "Scenario: " + results[i].source->title,
                         {{"href", fmt::format("#scenario-{}", i + 1)}});
    h.close("li");
  }
  h.open("li").element("a", "Rule coverage", {{"href", "#coverage"}}).close("li");
  if (diff)
    h.open("li").element("a", "What the rule change moves", {{"href", "#diff"}}).close("li");
  h.close("ol");
  return h.take();
}

}  // namespace

int run_report(const Options& o) {
  bool comparing = !o.base.empty() || !o.head.empty();
  if (comparing && (o.base.empty() || o.head.empty())) {
    fmt::print(stderr, "smr report: --base and --head go together\n");
    return 2;
  }
  std::unique_ptr<Workspace> ws, base;
  int code = 0;
  if (comparing && !load_versions(o, &base, &ws, &code)) return code;
  if (!comparing &&
      !(ws = load_workspace(o.files, &code, {false, false, "", o.org_json, o.jobs, o.roots})))
    return code;
  const model::Model& m = ws->model;
  std::vector<int> chosen;
  if (!pick_scenarios(m, o.scenarios, "report", &chosen)) return 2;
  bool cut = chosen.size() > kMaxScenarios;
  if (cut) chosen.resize(kMaxScenarios);
  std::vector<ScenarioResult> results;
  Coverage coverage(m);
  EvalOptions eo;
  eo.explain = eo.coverage = true;
  for (int s : chosen) {
    ScenarioResult r = evaluate_scenario(m, ws->graph(m.scenarios[s].org), s, eo);
    if (r.error) {
      report(*ws, evaluation_error(m, r));
      return 1;
    }
    coverage.merge(*r.coverage);
    results.push_back(std::move(r));
  }
  std::optional<Comparison> cmp;
  if (comparing && !(cmp = compare_versions(o, *base, *ws, results))) return 1;
  Html body;
  append_regime_html(body, *ws);
  for (size_t i = 0; i < results.size(); ++i) {
    Changes changed;
    if (cmp) {
      auto it = cmp->by_scenario.find(results[i].scenario);
      if (it != cmp->by_scenario.end())
        for (const auto& c : it->second.changes) changed[c.person] = &c;
    }
    append_scenario(body, *ws, results[i], i + 1, changed);
  }
  if (cut)
    body.element(
        "p",
        fmt::format("Only the first {} scenarios are shown; choose others with --scenario.",
                    kMaxScenarios),
        {{"class", "note"}});
  append_coverage_html(body, m, coverage);
  if (cmp) append_diff(body, m, results, *cmp);
  std::string title = m.regime_title.empty() ? "Accountability regime" : m.regime_title;
  std::string meta =
      fmt::format("Version {} · currency {} · {} rules · {} scenarios{}",
                  m.version.empty() ? "(none)" : m.version, m.currency, m.rules.size(),
                  results.size(), comparing ? " · compared with a base version" : "");
  std::string page =
      fill_template(page_template(), {{"title", escape_html(title)},
                                      {"style", std::string(page_style())},
                                      {"meta", escape_html(meta)},
                                      {"contents", contents(results, cmp.has_value())},
                                      {"body", body.take()}});
  std::string error;
  if (!write_text_file(o.output, page, &error)) {
    fmt::print(stderr, "smr report: cannot write {}: {}\n", o.output, error);
    return 2;
  }
  release_at_exit(std::move(ws));
  if (base) release_at_exit(std::move(base));
  bool failed = cmp && cmp->verdict && !cmp->verdict->ok();
  return failed ? 1 : 0;
}

}  // namespace smr::cli
