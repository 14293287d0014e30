#include "engine/sweep.h"

#include <fmt/format.h>

#include <algorithm>

#include "dsl/core/spelling.h"

namespace smr {
namespace {

int find_fact(const std::vector<model::FactDef>& defs, const std::string& name) {
  for (size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string hint(const std::string& name, const std::vector<std::string>& names) {
  std::string closest = closest_name(name, names);
  return closest.empty() ? "" : fmt::format("; did you mean '{}'?", closest);
}

std::optional<SweepInput> person_input(const model::Model& m, const model::Org& org,
                                       const std::string& name, std::string* error) {
  size_t dot = name.find('.');
  std::string person = name.substr(0, dot), fact = name.substr(dot + 1);
  SweepInput in{SweepInput::Kind::PersonFact, name};
  in.person_facts = m.person_facts.size();
  in.person = org.find_person(person);
  if (in.person < 0) {
    std::vector<std::string> ids;
    for (const auto& p : org.persons) ids.push_back(p.id);
    *error = fmt::format("no person '{}' in org {}{}", person, org.id, hint(person, ids));
    return std::nullopt;
  }
  if (fact == "relevant_income") {
    in.kind = SweepInput::Kind::Income;
    in.type = model::Type::Money;
    return in;
  }
  in.index = find_fact(m.person_facts, fact);
  if (in.index < 0) {
    std::vector<std::string> names{"relevant_income"};
    for (const auto& f : m.person_facts) names.push_back(f.name);
    *error = fmt::format("no person fact '{}'{}", fact, hint(fact, names));
    return std::nullopt;
  }
  in.type = m.person_facts[in.index].type;
  in.percent = m.person_facts[in.index].percent;
  return in;
}

}  // namespace

std::optional<SweepInput> resolve_sweep_input(const model::Model& m, int org,
                                              const std::string& name, std::string* error) {
  if (name.find('.') != std::string::npos) return person_input(m, m.orgs[org], name, error);
  SweepInput in{SweepInput::Kind::Fact, name};
  if (name == "severity") {
    in.kind = SweepInput::Kind::Severity;
    return in;
  }
  if (name == "date") {
    in.kind = SweepInput::Kind::Date;
    in.type = model::Type::Date;
    return in;
  }
  in.index = find_fact(m.facts, name);
  if (in.index < 0) {
    std::vector<std::string> names{"severity", "date"};
    for (const auto& f : m.facts) names.push_back(f.name);
    *error = fmt::format("no breach fact '{}' (nor severity, date, PERSON.FACT){}", name,
                         hint(name, names));
    return std::nullopt;
  }
  in.type = m.facts[in.index].type;
  in.percent = m.facts[in.index].percent;
  return in;
}

void apply_sweep_input(const SweepInput& in, const model::Value& v, model::Scenario& sc) {
  using Kind = SweepInput::Kind;
  int32_t shift = 0;
  if (in.kind == Kind::Date && !sc.breaches.empty()) {
    shift = v.date.days() - sc.breaches.front().date.days();
  }
  for (auto& b : sc.breaches) {
    switch (in.kind) {
      case Kind::Fact:
        b.give(in.index, v);
        break;
      case Kind::Severity:
        b.severity = v.number.raw() / Decimal::kScale;
        break;
      case Kind::Date:
        b.date = Date::from_days(b.date.days() + shift);
        break;
      case Kind::PersonFact:
      case Kind::Income: {
        auto it = std::lower_bound(b.persons.begin(), b.persons.end(), in.person,
                                   [](const auto& p, int id) { return p.person < id; });
        if (it == b.persons.end() || it->person != in.person) {
          it = b.persons.insert(it, {in.person, {}, {}});
          it->values.resize(in.person_facts);
        }
        if (in.kind == Kind::Income) {
          it->relevant_income = v.number;
        } else {
          it->values[in.index] = v;
        }
        break;
      }
    }
  }
}

}  // namespace smr
