#include "dsl/check_context.h"

#include <fmt/format.h>

#include "dsl/core/spelling.h"

namespace smr::check {
namespace {

// Past this many errors no one reads the rest: stop searching for
// did-you-mean hints, which cost a pass over the candidates each.
constexpr int kMaxHintedErrors = 200;

bool wants_hint(const Diagnostics& diags) { return diags.error_count() < kMaxHintedErrors; }

}  // namespace

bool SymbolTable::declare(std::string_view name, SourceLoc loc, int index, Diagnostics& diags) {
  auto [it, inserted] = names_.emplace(name, Symbol{index, loc});
  if (!inserted) report_duplicate(name, loc, it->second.loc, diags);
  return inserted;
}

void SymbolTable::report_duplicate(std::string_view name, SourceLoc loc, SourceLoc first,
                                   Diagnostics& diags) const {
  diags.error(loc, fmt::format("duplicate {} '{}'", kind_, name));
  diags.note(first, fmt::format("'{}' was first declared here", name));
}

int SymbolTable::find(std::string_view name) const {
  auto it = names_.find(name);
  return it == names_.end() ? -1 : it->second.index;
}

std::string SymbolTable::hint(std::string_view name, const Diagnostics& diags) const {
  Spelling hint(name);
  if (wants_hint(diags)) {
    for (const auto& [known, sym] : names_) hint.consider(known);
  }
  return hint.best();
}

int SymbolTable::resolve(std::string_view name, SourceLoc loc, Diagnostics& diags) const {
  int found = find(name);
  if (found >= 0 || is_broken(name)) return found;
  diags.error(loc, unknown_name(kind_, name, hint(name, diags)));
  return -1;
}

Symbols Symbols::of(const model::Model& m) {
  Symbols s;
  Diagnostics ignored;  // a checked model has no duplicates
  for (size_t i = 0; i < m.functions.size(); ++i)
    s.functions.declare(m.functions[i].id, m.functions[i].loc, i, ignored);
  for (size_t i = 0; i < m.areas.size(); ++i)
    s.areas.declare(m.areas[i].id, m.areas[i].loc, i, ignored);
  for (size_t i = 0; i < m.breach_types.size(); ++i) {
    s.breach_types.declare(m.breach_types[i].id, m.breach_types[i].loc, i, ignored);
  }
  for (size_t i = 0; i < m.rules.size(); ++i)
    s.rules.declare(m.rules[i].id, m.rules[i].loc, i, ignored);
  for (size_t i = 0; i < m.orgs.size(); ++i)
    s.orgs.declare(m.orgs[i].id, m.orgs[i].loc, i, ignored);
  auto add_values = [&s](const auto& list, ValueKind kind) {
    for (size_t i = 0; i < list.size(); ++i) {
      s.values.emplace(list[i].name, ValueSymbol{kind, static_cast<int>(i), list[i].loc});
    }
  };
  add_values(m.facts, ValueKind::Fact);
  add_values(m.person_facts, ValueKind::PersonFact);
  add_values(m.tables, ValueKind::Table);
  s.needed_facts = check::needed_facts(m);
  return s;
}

std::vector<std::string> Symbols::value_names(ValueKind kind) const {
  std::vector<std::string> out;
  for (const auto& [name, sym] : values) {
    if (sym.kind == kind) out.push_back(name);
  }
  return out;
}

Declarations::Declarations(std::vector<ast::File>& files) {
  if (!files.empty()) first_file = files.front().file_id;
  for (auto& f : files) {
    some_file_unreadable = some_file_unreadable || f.unreadable;
    if (f.tail) tails.push_back(&*f.tail);
    for (auto& d : f.decls) {
      if (auto* e = boost::get<ast::ErrorNode>(&d); e && !e->name.empty())
        broken[std::string(e->keyword)].emplace(e->name);
      if (auto* p = boost::get<ast::Regime>(&d)) regimes.push_back(p);
      if (auto* p = boost::get<ast::FunctionDecl>(&d)) functions.push_back(p);
      if (auto* p = boost::get<ast::ResponsibilityDecl>(&d)) areas.push_back(p);
      if (boost::get<ast::FactDecl>(&d) || boost::get<ast::TableDecl>(&d)) values.push_back(&d);
      if (auto* p = boost::get<ast::BreachDecl>(&d)) breaches.push_back(p);
      if (auto* p = boost::get<ast::RuleDecl>(&d)) rules.push_back(p);
      if (auto* p = boost::get<ast::Org>(&d)) orgs.push_back(p);
      if (auto* p = boost::get<ast::Scenario>(&d)) scenarios.push_back(p);
    }
  }
}

int resolve_person(const model::Org& org, std::string_view name, SourceLoc loc, Diagnostics& diags,
                   std::string_view prefix, const StringSet* broken) {
  int p = org.find_person(name);
  if (p >= 0 || (broken && broken->count(name))) return p;
  Spelling hint(name);
  if (wants_hint(diags)) {
    for (const auto& person : org.persons) hint.consider(person.id);
  }
  diags.error(loc, std::string(prefix) + unknown_name("person", name, hint.best(),
                                                      fmt::format(" in org '{}'", org.id)));
  return -1;
}

void facts_read(const model::Expr& e, std::set<int>& out) {
  model::any_node(e, [&out](const model::Expr& x) {
    if (x.op == model::Op::Fact) out.insert(x.index);
    return false;
  });
}

std::vector<std::set<int>> needed_facts(const model::Model& m) {
  std::set<int> cap;  // the fine cap may apply to any breach
  if (m.fine_cap) facts_read(*m.fine_cap, cap);
  std::vector<std::set<int>> needed(m.breach_types.size(), cap);
  for (const model::Rule& r : m.rules) {
    std::set<int> used;
    if (r.when) facts_read(*r.when, used);
    for (const auto& l : r.lets) facts_read(l.value, used);
    for (const auto& c : r.clauses) {
      if (c.amount) facts_read(*c.amount, used);
      if (c.where) facts_read(*c.where, used);
    }
    for (size_t t = 0; t < m.breach_types.size(); ++t) {
      if (r.applies_to[t]) needed[t].insert(used.begin(), used.end());
    }
  }
  return needed;
}

void declare_broken_names(Context& c) {
  Symbols& s = c.symbols;
  for (const auto& [keyword, names] : c.decls.broken) {
    for (const auto& name : names) {
      if (keyword == "function") s.functions.declare_broken(name);
      if (keyword == "responsibility") s.areas.declare_broken(name);
      if (keyword == "fact" || keyword == "person_fact" || keyword == "table")
        s.broken_values.insert(name);
      if (keyword == "breach") s.breach_types.declare_broken(name);
      if (keyword == "rule") s.rules.declare_broken(name);
      if (keyword == "org") s.orgs.declare_broken(name);
      if (keyword == "scenario") s.scenarios.declare_broken(name);
    }
  }
}

}  // namespace smr::check
