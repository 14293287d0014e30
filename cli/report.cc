#include "cli/report.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/explain.h"

namespace smr::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string money(const model::Model& m, Decimal d) {
  return d.to_grouped_string(2) + " " + m.currency;
}

std::string sanctions_list(const model::Model& m, const PersonResult& p) {
  return describe_outcome(m, p.censure, p.fined ? std::optional<Decimal>(p.fine) : std::nullopt,
                          p.disqualification, p.criminal);
}

Json reasons_json(const model::Model& m, const model::Org& org, const model::Scenario& sc,
                  const PersonResult& p) {
  Json reasons = Json::array();
  for (const auto& rec : p.records) {
    const auto& b = sc.breaches[rec.breach];
    Json j;
    j["rule"] = m.rules[rec.rule].id;
    j["breach"] = m.breach_types[b.type].id;
    j["date"] = b.date.to_string();
    j["sanction"] = model::sanction_name(rec.kind);
    if (rec.kind == model::SanctionKind::Fine) {
      j["fine"] = rec.amount.to_string(2);
      j["imposed"] = rec.imposed;
      j["arithmetic"] = rec.arithmetic;
    }
    j["path"] = describe_path(m, org, rec.path);
    reasons.push_back(std::move(j));
  }
  return reasons;
}

}  // namespace

std::string breach_label(const model::Model& m, const model::ScenarioBreach& b) {
  return fmt::format("breach '{}' on {}", m.breach_types[b.type].id, b.date.to_string());
}

std::string describe_outcome(const model::Model& m, bool censure, const std::optional<Decimal>& fine,
                             bool disqualification, bool criminal) {
  std::vector<std::string> parts;
  if (censure) parts.push_back("censure");
  if (fine) parts.push_back("fine " + money(m, *fine));
  if (disqualification) parts.push_back("disqualification");
  if (criminal) parts.push_back("criminal");
  if (parts.empty()) return "none";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::string text_report(const model::Model& m, const ScenarioResult& r, const ReportOptions& o) {
  const model::Scenario& sc = m.scenarios[r.scenario];
  const model::Org& org = m.orgs[sc.org];
  std::string out = fmt::format("scenario \"{}\" (org {})\n", sc.title, org.id);
  std::vector<const PersonResult*> shown;
  for (const auto& p : r.persons) {
    if (o.all_persons || p.sanctioned()) shown.push_back(&p);
  }
  if (shown.empty()) {
    out += "  no one is sanctioned\n";
  } else {
    size_t id_w = 6, name_w = 4, outcome_w = 7;
    for (const auto* p : shown) {
      id_w = std::max(id_w, org.persons[p->person].id.size());
      name_w = std::max(name_w, org.persons[p->person].name.size());
      outcome_w = std::max(outcome_w, std::string(outcome_name(p->outcome())).size());
    }
    out += fmt::format("  {:<{}}  {:<{}}  {:<{}}  {}\n", "person", id_w, "name", name_w, "outcome",
                       outcome_w, "sanctions");
    for (const auto* p : shown) {
      const auto& person = org.persons[p->person];
      out += fmt::format("  {:<{}}  {:<{}}  {:<{}}  {}\n", person.id, id_w, person.name, name_w,
                         outcome_name(p->outcome()), outcome_w, sanctions_list(m, *p));
      if (!o.explain) continue;
      for (const auto& rec : p->records) {
        const auto& b = sc.breaches[rec.breach];
        std::string what = rec.kind == model::SanctionKind::Fine
                               ? fmt::format("fine {}{}", money(m, rec.amount), rec.imposed ? "" : " (zero: not imposed)")
                               : model::sanction_name(rec.kind);
        out += fmt::format("      {} by rule {} for {}\n", what, m.rules[rec.rule].id, breach_label(m, b));
        out += fmt::format("        via {}\n", describe_path(m, org, rec.path));
        if (!rec.arithmetic.empty()) out += fmt::format("        arithmetic: {}\n", rec.arithmetic);
      }
    }
  }
  for (int bi : r.unattributed) {
    out += fmt::format("  unattributed: {}\n", breach_label(m, sc.breaches[bi]));
  }
  return out;
}

std::string json_report(const model::Model& m, const ScenarioResult& r, const ReportOptions& o) {
  const model::Scenario& sc = m.scenarios[r.scenario];
  const model::Org& org = m.orgs[sc.org];
  Json j;
  j["scenario"] = sc.title;
  j["org"] = org.id;
  j["currency"] = m.currency;
  Json persons = Json::array();
  for (const auto& p : r.persons) {
    if (!o.all_persons && !p.sanctioned()) continue;
    Json pj;
    pj["id"] = org.persons[p.person].id;
    pj["name"] = org.persons[p.person].name;
    pj["outcome"] = outcome_name(p.outcome());
    pj["censure"] = p.censure;
    pj["fine"] = p.fine.to_string(2);
    pj["disqualification"] = p.disqualification;
    pj["criminal"] = p.criminal;
    if (o.explain) pj["reasons"] = reasons_json(m, org, sc, p);
    persons.push_back(std::move(pj));
  }
  j["persons"] = std::move(persons);
  Json unattributed = Json::array();
  for (int bi : r.unattributed) {
    const auto& b = sc.breaches[bi];
    unattributed.push_back(Json{{"breach", m.breach_types[b.type].id}, {"date", b.date.to_string()}});
  }
  j["unattributed"] = std::move(unattributed);
  return j.dump() + "\n";
}

std::vector<std::string> expectation_failures(const model::Model& m, const ScenarioResult& r) {
  const model::Scenario& sc = m.scenarios[r.scenario];
  const model::Org& org = m.orgs[sc.org];
  std::vector<std::string> out;
  for (const auto& e : sc.expectations) {
    const PersonResult& p = r.persons[e.person];
    bool same = p.censure == e.censure && p.disqualification == e.disqualification &&
                p.criminal == e.criminal && p.fined == e.fine.has_value() && (!p.fined || p.fine == *e.fine);
    if (same) continue;
    out.push_back(fmt::format("{}: expected {}; got {}", org.persons[e.person].id,
                              describe_outcome(m, e.censure, e.fine, e.disqualification, e.criminal),
                              sanctions_list(m, p)));
  }
  return out;
}

}  // namespace smr::cli
