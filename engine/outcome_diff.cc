#include "engine/outcome_diff.h"

#include <algorithm>
#include <map>
#include <set>

namespace smr {

namespace {

struct Side {
  model::Sanctions summary;
  std::map<std::string, RuleEffect> rules;
};

std::map<std::string, Side> sides(const model::Model& m, const ScenarioResult& r) {
  std::map<std::string, Side> out;
  const model::Org& org = m.orgs[r.source->org];
  for (const PersonResult& p : r.persons) {
    Side& s = out[org.persons[p.person].id];
    s.summary = p.sanctions;
    for (const SanctionRecord& rec : p.records) {
      if (!rec.imposed) continue;
      RuleEffect& e = s.rules[m.rules[rec.rule].id];
      switch (rec.kind) {
        case model::SanctionKind::Censure:
          e.censure = true;
          break;
        case model::SanctionKind::Disqualification:
          e.disqualification = true;
          break;
        case model::SanctionKind::Criminal:
          e.criminal = true;
          break;
        case model::SanctionKind::Fine:
          e.fine = e.fine ? add(*e.fine, rec.amount).value_or(*e.fine) : rec.amount;
          break;
      }
    }
  }
  return out;
}

std::vector<std::string> names(const std::map<std::string, RuleEffect>& rules) {
  std::vector<std::string> out;
  for (const auto& [name, effect] : rules) out.push_back(name);
  return out;
}

}  // namespace

int persons_in_either(const model::Org& base, const model::Org& head) {
  int n = static_cast<int>(base.persons.size());
  for (const auto& p : head.persons) n += base.find_person(p.id) < 0;
  return n;
}

ScenarioDiff diff_scenario(const model::Model& base_model, const ScenarioResult& base,
                           const model::Model& head_model, const ScenarioResult& head) {
  return diff_scenario(
      base_model, base, head_model, head,
      persons_in_either(base_model.orgs[base.source->org], head_model.orgs[head.source->org]));
}

ScenarioDiff diff_scenario(const model::Model& base_model, const ScenarioResult& base,
                           const model::Model& head_model, const ScenarioResult& head,
                           int persons_compared) {
  // Only the people either result touched can differ: a scenario's cost
  // does not grow with the org.
  auto before = sides(base_model, base);
  auto after = sides(head_model, head);
  std::set<std::string> ids;
  for (const auto& [id, s] : before) ids.insert(id);
  for (const auto& [id, s] : after) ids.insert(id);
  ScenarioDiff diff;
  diff.persons_compared = persons_compared;
  const Side none;
  for (const std::string& id : ids) {
    const Side& b = before.count(id) ? before.at(id) : none;
    const Side& a = after.count(id) ? after.at(id) : none;
    if (b.summary == a.summary) continue;
    PersonChange c{id, b.summary, a.summary, names(b.rules), names(a.rules), {}};
    std::set<std::string> rules;
    for (const auto& [name, e] : b.rules) rules.insert(name);
    for (const auto& [name, e] : a.rules) rules.insert(name);
    for (const std::string& rule : rules) {
      auto bi = b.rules.find(rule), ai = a.rules.find(rule);
      std::optional<RuleEffect> be, ae;
      if (bi != b.rules.end()) be = bi->second;
      if (ai != a.rules.end()) ae = ai->second;
      if (be != ae) c.rules_changed.push_back({rule, be, ae});
    }
    diff.changes.push_back(std::move(c));
  }
  return diff;
}

}  // namespace smr
