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
  for (const auto& person : org.persons) out[person.id];  // everyone is compared
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

ScenarioDiff diff_scenario(const model::Model& base_model, const ScenarioResult& base,
                           const model::Model& head_model, const ScenarioResult& head) {
  auto before = sides(base_model, base);
  auto after = sides(head_model, head);
  std::set<std::string> ids;
  for (const auto& [id, s] : before) ids.insert(id);
  for (const auto& [id, s] : after) ids.insert(id);
  ScenarioDiff diff;
  diff.persons_compared = static_cast<int>(ids.size());
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
