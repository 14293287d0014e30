#include "dsl/model.h"

namespace smr::model {

const char* type_name(Type t) {
  switch (t) {
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Decimal: return "decimal";
    case Type::Money: return "money";
    case Type::Date: return "date";
    case Type::Duration: return "duration";
    case Type::String: return "string";
    case Type::Error: return "error";
  }
  return "?";
}

const char* sanction_name(SanctionKind k) {
  switch (k) {
    case SanctionKind::Censure: return "censure";
    case SanctionKind::Fine: return "fine";
    case SanctionKind::Disqualification: return "disqualification";
    case SanctionKind::Criminal: return "criminal";
  }
  return "?";
}

const char* edge_name(EdgeKind k) {
  switch (k) {
    case EdgeKind::ReportsTo: return "reports_to";
    case EdgeKind::Holds: return "holds";
    case EdgeKind::ResponsibleFor: return "responsible_for";
    case EdgeKind::Delegates: return "delegates";
  }
  return "?";
}

void Org::index_persons() {
  person_index.clear();
  person_index.reserve(persons.size());
  for (size_t i = 0; i < persons.size(); ++i) person_index.emplace(persons[i].id, static_cast<int>(i));
}

int Org::find_person(const std::string& id) const {
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
