// smr explore: generated scenarios that tell base and head apart, printed
// as a .smr file of scenarios (head's outcomes as expect lines, base's in
// comments) or as JSON; --monotone makes head's leniency a failure.
#include "engine/explore.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/workspace.h"
#include "dsl/core/source.h"
#include "dsl/intended.h"
#include "engine/model_text.h"

namespace smr::cli {
namespace {

using Json = nlohmann::ordered_json;

// The facts a probe sets: those varied, and those with no default (a
// scenario must give them).
std::vector<std::pair<std::string, model::Value>> facts_to_write(const model::Model& m,
                                                                 const ProbeBreach& b) {
  std::vector<std::pair<std::string, model::Value>> out;
  for (const auto& f : m.facts) {
    auto given = std::find_if(b.facts.begin(), b.facts.end(),
                              [&](const auto& x) { return x.first == f.name; });
    if (given != b.facts.end()) {
      out.push_back(*given);
    } else if (!f.default_value) {
      model::Value zero;
      zero.type = f.type;
      zero.percent = f.percent;
      out.push_back({f.name, zero});
    }
  }
  return out;
}

std::string scenario_text(const model::Model& m, const Distinguishing& d, size_t n) {
  const auto& first = d.probe.breaches.front();
  std::string out =
      fmt::format("scenario \"explore {}: {} on {}, severity {}{}\" in {} {{\n", n, first.type,
                  first.date.to_string(), first.severity,
                  d.probe.breaches.size() > 1 ? ", and a second breach" : "", d.probe.org);
  for (const auto& b : d.probe.breaches) {
    out += fmt::format("  breach {} on {} {{\n    severity {};\n", b.type, b.date.to_string(),
                       b.severity);
    for (const auto& [name, v] : facts_to_write(m, b))
      out += fmt::format("    {} {};\n", name, literal_text(v, m.currency));
    for (const auto& pf : b.person_facts) {
      out += fmt::format("    person {} {{ {} {}; }}\n", pf.person, pf.fact,
                         literal_text(pf.value, m.currency));
    }
    out += "  }\n";
  }
  for (const auto& c : d.changes)
    out += fmt::format("  expect {}: {};\n", c.person, sanctions_literal(c.after, m.currency));
  for (const auto& c : d.changes)
    out += fmt::format("  // base: {}: {}\n", c.person, sanctions_literal(c.before, m.currency));
  if (!d.lenient.empty()) {
    std::string who;
    for (const auto& p : d.lenient) who += (who.empty() ? "" : ", ") + p;
    out += fmt::format("  // more lenient under head: {}\n", who);
  }
  return out + "}\n";
}

Json value_json(const model::Value& v, const std::string& currency) {
  if (v.type == model::Type::Bool) return v.boolean;
  if (v.type == model::Type::Int) return v.number.raw() / Decimal::kScale;
  return literal_text(v, currency);
}

Json scenario_json(const model::Model& m, const Distinguishing& d, size_t n) {
  Json j;
  j["name"] = fmt::format("explore {}", n);
  j["org"] = d.probe.org;
  j["breaches"] = Json::array();
  for (const auto& b : d.probe.breaches) {
    Json jb{{"type", b.type}, {"date", b.date.to_string()}, {"severity", b.severity}};
    jb["facts"] = Json::object();
    for (const auto& [name, v] : facts_to_write(m, b))
      jb["facts"][name] = value_json(v, m.currency);
    jb["persons"] = Json::object();
    for (const auto& pf : b.person_facts)
      jb["persons"][pf.person][pf.fact] = value_json(pf.value, m.currency);
    j["breaches"].push_back(std::move(jb));
  }
  auto list = [&](const model::Sanctions& s) {
    Json out = Json::array();
    if (s.censure) out.push_back("censure");
    if (s.fine) out.push_back(fmt::format("fine {} {}", s.fine->to_string(2), m.currency));
    if (s.disqualification) out.push_back("disqualification");
    if (s.criminal) out.push_back("criminal");
    return out;
  };
  for (const auto& c : d.changes) {
    j["expect"][c.person] = list(c.after);
    j["base"][c.person] = list(c.before);
  }
  j["lenient"] = d.lenient;
  return j;
}

}  // namespace

int run_explore(const Options& o) {
  if (o.base.empty() || o.head.empty()) {
    fmt::print(stderr, "smr explore: --base and --head are required\n");
    return 2;
  }
  std::unique_ptr<Workspace> base, head;
  int load_code = 0;
  if (!load_versions(o, &base, &head, &load_code)) return load_code;
  ExploreResult r = explore(*base, *head, {o.max, o.seed, jobs_of(o)});
  const model::Model& m = head->model;
  size_t lenient = r.lenient_scenarios();
  if (o.format == "json") {
    Json out;
    out["scenarios"] = Json::array();
    for (size_t i = 0; i < r.distinguishing.size(); ++i)
      out["scenarios"].push_back(scenario_json(m, r.distinguishing[i], i + 1));
    out["summary"] = {{"distinguishing", r.distinguishing.size()},
                      {"explored", r.explored},
                      {"more_lenient", lenient}};
    emit(out.dump() + "\n");
  } else {
    std::string text = fmt::format(
        "// smr explore: scenarios on which head and base differ, over the org(s) they share;\n"
        "// expect lines give head's outcome, comments base's.\n");
    for (size_t i = 0; i < r.distinguishing.size(); ++i)
      text += scenario_text(m, r.distinguishing[i], i + 1);
    if (o.monotone)
      text += fmt::format("// {} of them treat someone more leniently under head\n", lenient);
    text += fmt::format("// {} distinguishing of {} explored scenarios\n", r.distinguishing.size(),
                        r.explored);
    emit(text);
  }
  release_at_exit(std::move(base));
  release_at_exit(std::move(head));
  return o.monotone && lenient > 0 ? 1 : 0;
}

}  // namespace smr::cli
