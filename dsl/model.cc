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

// An expression as a key: alike when written alike (every node's operation,
// index and constant, in order). Iterative, as conditions may be long.
std::string expression_key(const Expr& root) {
  std::string out;
  std::vector<const Expr*> todo{&root};
  while (!todo.empty()) {
    const Expr* e = todo.back();
    todo.pop_back();
    const Value& c = e->constant;
    out += std::to_string(static_cast<int>(e->op)) + ':' +
           std::to_string(static_cast<int>(e->type)) + ':' + std::to_string(e->percent) + ':' +
           std::to_string(e->index) + ':' + std::to_string(static_cast<int>(c.type)) + ':' +
           std::to_string(c.number.raw()) + ':' + std::to_string(c.date.days()) + ':' +
           std::to_string(c.boolean) + ':' + std::to_string(c.duration.amount) + ':' +
           std::to_string(static_cast<int>(c.duration.unit)) + ':' + std::to_string(c.percent) +
           '(' + std::to_string(e->args.size()) + ')';
    for (auto it = e->args.rbegin(); it != e->args.rend(); ++it) todo.push_back(&*it);
  }
  return out;
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
  // A `when` that reads a let depends on the rule's own lets: not shared.
  std::map<std::string, int> whens;
  for (Rule& rule : rules) {
    rule.when_id = -1;
    if (!rule.when || any_node(*rule.when, [](const Expr& x) { return x.op == Op::Let; })) continue;
    rule.when_id =
        whens.emplace(expression_key(*rule.when), static_cast<int>(whens.size())).first->second;
  }
  when_count = static_cast<int>(whens.size());
}

void Org::index_persons() {
  auto id_of = [this](uint32_t i) -> std::string_view { return persons[i].id; };
  person_index.clear();
  person_index.reserve(persons.size(), id_of);
  for (size_t i = 0; i < persons.size(); ++i) person_index.insert(static_cast<uint32_t>(i), id_of);
}

int Org::find_person(std::string_view id) const {
  if (!person_index.empty()) {
    auto id_of = [this](uint32_t i) -> std::string_view { return persons[i].id; };
    return static_cast<int>(person_index.find(id, id_of));
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
