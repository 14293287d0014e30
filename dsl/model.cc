#include "dsl/model.h"

namespace smr::model {

const char* type_name(Type t) {
  switch (t) {
    case Type::Bool:
      return "bool";
    case Type::Int:
      return "int";
    case Type::Decimal:
      return "decimal";
    case Type::Money:
      return "money";
    case Type::Date:
      return "date";
    case Type::Duration:
      return "duration";
    case Type::String:
      return "string";
    case Type::Error:
      return "error";
  }
  return "?";
}

const char* sanction_name(SanctionKind k) {
  switch (k) {
    case SanctionKind::Censure:
      return "censure";
    case SanctionKind::Fine:
      return "fine";
    case SanctionKind::Disqualification:
      return "disqualification";
    case SanctionKind::Criminal:
      return "criminal";
  }
  return "?";
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::None:
      return "none";
    case Outcome::Censure:
      return "censure";
    case Outcome::Fine:
      return "fine";
    case Outcome::Disqualification:
      return "disqualification";
    case Outcome::Criminal:
      return "criminal";
  }
  return "?";
}

const TableVersion& Table::at(Date d) const {
  size_t k = 0;
  while (k + 1 < versions.size() && versions[k + 1].from <= d) ++k;
  return versions[k];
}

Outcome Sanctions::headline() const {
  if (criminal) return Outcome::Criminal;
  if (disqualification) return Outcome::Disqualification;
  if (fine) return Outcome::Fine;
  if (censure) return Outcome::Censure;
  return Outcome::None;
}

std::string Sanctions::describe(std::string_view currency) const {
  std::string out;
  auto add = [&out](std::string_view part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (censure) add("censure");
  if (fine) add("fine " + fine->to_grouped_string(2) + " " + std::string(currency));
  if (disqualification) add("disqualification");
  if (criminal) add("criminal");
  return out.empty() ? "none" : out;
}

const char* edge_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::ReportsTo:
      return "reports_to";
    case EdgeKind::Holds:
      return "holds";
    case EdgeKind::ResponsibleFor:
      return "responsible_for";
    case EdgeKind::Delegates:
      return "delegates";
  }
  return "?";
}

namespace {

// A selector as a key: alike when written alike, terms in order (the order
// decides which path a person reached by two terms keeps).
void selector_key(const std::vector<Selector>& terms, std::string& out) {
  for (const Selector& s : terms) {
    out += std::to_string(static_cast<int>(s.kind)) + ':' + std::to_string(s.levels) + ':' +
           std::to_string(s.function) + '(';
    selector_key(s.of, out);
    out += "),";
  }
}

}  // namespace

void Model::index_rules() {
  rules_for_type.assign(breach_types.size(), {});
  for (size_t r = 0; r < rules.size(); ++r) {
    for (size_t t = 0; t < breach_types.size() && t < rules[r].applies_to.size(); ++t) {
      if (rules[r].applies_to[t]) rules_for_type[t].push_back(static_cast<int>(r));
    }
  }
  std::map<std::string, int> ids;
  for (Rule& rule : rules) {
    for (Clause& c : rule.clauses) {
      std::string key;
      selector_key(c.selector, key);
      c.selector_id = ids.emplace(std::move(key), static_cast<int>(ids.size())).first->second;
    }
  }
  selector_count = static_cast<int>(ids.size());
}

void Org::index_persons() {
  person_index.clear();
  person_index.reserve(persons.size());
  for (size_t i = 0; i < persons.size(); ++i)
    person_index.emplace(persons[i].id, static_cast<int>(i));
}

int Org::find_person(std::string_view id) const {
  if (!person_index.empty()) {
    auto it = person_index.find(id);
    return it == person_index.end() ? -1 : it->second;
  }
  size_t lo = 0, hi = persons.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (persons[mid].id < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < persons.size() && persons[lo].id == id ? static_cast<int>(lo) : -1;
}

}  // namespace smr::model
