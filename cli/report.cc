#include "cli/report.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/explanation.h"
#include "cli/json_text.h"
#include "dsl/core/source.h"
#include "dsl/core/spelling.h"
#include "engine/explain.h"

namespace smr::cli {
namespace {

std::string sanctions_list(const model::Model& m, const PersonResult& p) {
  return p.sanctions.describe(m.currency);
}

void append_reasons(std::string& out, const model::Model& m, PathSharing& paths,
                    const model::Scenario& sc, const PersonResult& p) {
  out += "[";
  for (size_t i = 0; i < p.records.size(); ++i) {
    if (i) out += ",";
    append_explanation_json(out, m, paths, sc, p.records[i]);
  }
  for (size_t i = 0; i < p.caps.size(); ++i) {
    if (i || !p.records.empty()) out += ",";
    append_cap_json(out, m, sc, p.caps[i]);
  }
  out += "]";
}

}  // namespace

Diagnostic evaluation_error(const model::Model& m, const ScenarioResult& r) {
  const model::Scenario& sc = *r.source;
  std::string where =
      r.error->breach >= 0 ? ", " + breach_label(m, sc.breaches[r.error->breach]) : "";
  return {
      Severity::Error, r.error->loc,
      fmt::format("evaluation of scenario \"{}\" failed{}: {}", sc.title, where, r.error->message)};
}

int find_scenario(const model::Model& m, const std::string& title) {
  for (size_t i = 0; i < m.scenarios.size(); ++i) {
    if (m.scenarios[i].title == title) return static_cast<int>(i);
  }
  return -1;
}

int find_scenario_or_report(const model::Model& m, const std::string& title, const char* command) {
  int found = find_scenario(m, title);
  if (found >= 0) return found;
  std::vector<std::string> titles;
  for (const auto& s : m.scenarios) titles.push_back(s.title);
  std::string hint = closest_name(title, titles);
  fmt::print(stderr, "smr {}: no scenario named \"{}\"{}\n", command, printable_message(title),
             hint.empty() ? "" : fmt::format("; did you mean \"{}\"?", hint));
  return -1;
}

bool pick_scenarios(const model::Model& m, const std::vector<std::string>& names,
                    const char* command, std::vector<int>* out) {
  if (names.empty()) {
    for (size_t i = 0; i < m.scenarios.size(); ++i) out->push_back(static_cast<int>(i));
    return true;
  }
  for (const auto& n : names) {
    int found = find_scenario_or_report(m, n, command);
    if (found < 0) return false;
    out->push_back(found);
  }
  return true;
}

std::string money_text(const model::Model& m, Decimal d) {
  return d.to_grouped_string(2) + " " + m.currency;
}

std::string breach_label(const model::Model& m, const model::ScenarioBreach& b) {
  return fmt::format("breach '{}' on {}", m.breach_types[b.type].id, b.date.to_string());
}

std::string text_report(const model::Model& m, const ScenarioResult& r, const ReportOptions& o) {
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  std::string out = fmt::format("scenario \"{}\" (org {})\n", printable_message(sc.title), org.id);
  PathSharing paths(m, org);
  std::vector<const PersonResult*> shown;
  std::vector<PersonResult> quiet;  // --all-persons: those with no record
  if (o.all_persons) {
    quiet.reserve(org.persons.size());
    for (size_t p = 0; p < org.persons.size(); ++p) quiet.push_back(r.of(static_cast<int>(p)));
    for (const auto& p : quiet) shown.push_back(&p);
  } else {
    for (const auto& p : r.persons) {
      if (p.sanctioned()) shown.push_back(&p);
    }
  }
  if (shown.empty()) {
    out += "  no one is sanctioned\n";
  } else {
    size_t id_w = 6, name_w = 4, outcome_w = 7;
    for (const auto* p : shown) {
      id_w = std::max(id_w, org.persons[p->person].id.size());
      name_w = std::max(name_w, printable_message(org.persons[p->person].name).size());
      outcome_w = std::max(outcome_w, std::string(outcome_name(p->outcome())).size());
    }
    out += fmt::format("  {:<{}}  {:<{}}  {:<{}}  {}\n", "person", id_w, "name", name_w, "outcome",
                       outcome_w, "sanctions");
    for (const auto* p : shown) {
      const auto& person = org.persons[p->person];
      out += fmt::format("  {:<{}}  {:<{}}  {:<{}}  {}\n", person.id, id_w,
                         printable_message(person.name), name_w, outcome_name(p->outcome()),
                         outcome_w, sanctions_list(m, *p));
      if (!o.explain) continue;
      for (const auto& rec : p->records) append_explanation_text(out, m, paths, sc, rec);
      for (const auto& cap : p->caps) append_cap_text(out, m, sc, cap);
    }
  }
  for (int bi : r.unattributed) {
    out += fmt::format("  unattributed: {}\n", breach_label(m, sc.breaches[bi]));
  }
  if (!o.why_not.empty()) append_why_not_text(out, m, paths, r, o.why_not);
  return out;
}

namespace {

// The fixed words of a person's JSON object, for each value of the fields
// between them: `","outcome":"fine","censure":true,"fine":"` before the
// amount and `","disqualification":false,"criminal":false` after it, each
// written in one copy (900,000 objects in the benchmark's report).
class PersonJsonPieces {
 public:
  PersonJsonPieces() {
    using model::Outcome;
    for (Outcome o : {Outcome::None, Outcome::Censure, Outcome::Fine, Outcome::Disqualification,
                      Outcome::Criminal}) {
      for (bool censure : {false, true}) {
        middle_[index(o)][censure] = fmt::format(",\"outcome\":\"{}\",\"censure\":{},\"fine\":\"",
                                                 model::outcome_name(o), censure);
      }
    }
    for (bool disqualification : {false, true}) {
      for (bool criminal : {false, true}) {
        end_[disqualification][criminal] =
            fmt::format("\",\"disqualification\":{},\"criminal\":{}", disqualification, criminal);
      }
    }
  }
  std::string_view middle(model::Outcome o, bool censure) const {
    return middle_[index(o)][censure];
  }
  std::string_view end(bool disqualification, bool criminal) const {
    return end_[disqualification][criminal];
  }

 private:
  static size_t index(model::Outcome o) { return static_cast<size_t>(o); }
  std::string middle_[5][2];
  std::string end_[2][2];
};

}  // namespace

std::string json_report(const model::Model& m, const ScenarioResult& r, const ReportOptions& o) {
  static const PersonJsonPieces pieces;
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  std::string out;
  out.reserve(256 + 192 * r.persons.size());
  JsonAppender json(out);
  json.literal("{\"scenario\":");
  json.string(sc.title);
  json.literal(",\"org\":");
  json.string(org.id);
  json.literal(",\"currency\":");
  json.string(m.currency);
  json.literal(",\"persons\":[");
  PathSharing paths(m, org);
  bool first = true;
  size_t count = o.all_persons ? org.persons.size() : r.persons.size();
  PersonResult quiet;  // --all-persons: those with no record
  for (size_t i = 0; i < count; ++i) {
    if (o.all_persons) quiet = r.of(static_cast<int>(i));
    const PersonResult& p = o.all_persons ? quiet : r.persons[i];
    if (!o.all_persons && !p.sanctioned()) continue;
    const model::Sanctions& s = p.sanctions;
    if (!first) json.literal(",");
    first = false;
    json.literal("{\"id\":");
    json.string(org.persons[p.person].id);
    json.literal(",\"name\":");
    json.string(org.persons[p.person].name);
    json.raw(pieces.middle(p.outcome(), s.censure));
    char money[64];
    json.raw(s.fine ? s.fine->write_to(money, 2) : std::string_view("0.00"));  // as 0 is written
    json.raw(pieces.end(s.disqualification, s.criminal));
    if (o.explain) {
      json.literal(",\"reasons\":");
      json.flush();
      append_reasons(out, m, paths, sc, p);
    }
    json.literal("}");
  }
  json.flush();
  out += "],\"unattributed\":[";
  for (size_t i = 0; i < r.unattributed.size(); ++i) {
    const auto& b = sc.breaches[r.unattributed[i]];
    out += i ? ",{\"breach\":" : "{\"breach\":";
    append_json_string(out, m.breach_types[b.type].id);
    out += ",\"date\":\"" + b.date.to_string() + "\"}";
  }
  out += "]";
  if (!o.why_not.empty()) append_why_not_json(out, m, paths, r, o.why_not);
  out += "}\n";
  return out;
}

std::vector<std::string> expectation_failures(const model::Model& m, const ScenarioResult& r) {
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  std::vector<std::string> out;
  for (const auto& e : sc.expectations) {
    const PersonResult p = r.of(e.person);
    if (p.sanctions == e.sanctions) continue;
    out.push_back(fmt::format("{}: expected {}; got {}", org.persons[e.person].id,
                              e.sanctions.describe(m.currency), sanctions_list(m, p)));
  }
  return out;
}

}  // namespace smr::cli
