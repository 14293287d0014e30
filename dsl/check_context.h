// What the checker's passes share: the declarations sorted by kind, the
// symbol tables, the model being built and the diagnostics sink. Each pass
// (check_*.cc) is one job over this context.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/check_context.h is private to dsl/"
#endif

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/core/diagnostic.h"
#include "dsl/core/string_map.h"
#include "dsl/model.h"

namespace smr::check {

// One namespace of declared names: functions, responsibilities, breach
// types, rules, orgs or scenarios.
class SymbolTable {
 public:
  explicit SymbolTable(const char* kind) : kind_(kind) {}
  // Declares `name` as `index`; a duplicate is an error, with a note at the
  // first declaration.
  bool declare(std::string_view name, SourceLoc loc, int index, Diagnostics& diags);
  // The error `declare` gives a duplicate, with its note at the first.
  void report_duplicate(std::string_view name, SourceLoc loc, SourceLoc first,
                        Diagnostics& diags) const;
  int find(std::string_view name) const;
  // `find`, reporting an unknown name (with a did-you-mean) at `loc`.
  int resolve(std::string_view name, SourceLoc loc, Diagnostics& diags) const;
  int resolve(const ast::Word& name, Diagnostics& diags) const {
    return resolve(name.text, name.loc, diags);
  }
  // A name whose declaration had a syntax error (already reported): using
  // it is not reported again.
  void declare_broken(std::string_view name) { broken_.emplace(name); }
  bool is_broken(std::string_view name) const { return broken_.count(name) > 0; }
  // The known name closest to `name` ("" if none, or if `diags` already
  // holds more errors than anyone reads).
  std::string hint(std::string_view name, const Diagnostics& diags) const;
  const char* kind() const { return kind_; }

 private:
  struct Symbol {
    int index = -1;
    SourceLoc loc;
  };
  const char* kind_;
  StringMap<Symbol> names_;
  StringSet broken_;
};

// Facts, person facts and tables share one namespace.
enum class ValueKind { Fact, PersonFact, Table };
struct ValueSymbol {
  ValueKind kind = ValueKind::Fact;
  int index = -1;
  SourceLoc loc;
};

// Every name a model declares: filled by the declaration passes, read by
// the rest. `of` rebuilds it from a finished model, for scenarios that
// arrive later (JSON Lines).
struct Symbols {
  SymbolTable functions{"function"}, areas{"responsibility"}, breach_types{"breach type"},
      rules{"rule"}, orgs{"org"}, scenarios{"scenario"};
  StringMap<ValueSymbol> values;
  StringSet broken_values;  // facts and tables whose declaration had a syntax error
  // Per org id: persons whose block had a syntax error.
  StringMap<StringSet> broken_persons;
  // Per breach type: the breach facts that the rules applying to it read
  // (a scenario must set those that have no default).
  std::vector<std::set<int>> needed_facts;

  static Symbols of(const model::Model& m);
  // The names of one kind of value, for did-you-mean.
  std::vector<std::string> value_names(ValueKind kind) const;
};

// The top-level declarations of every file, by kind, in source order.
struct Declarations {
  std::vector<const ast::Regime*> regimes;
  std::vector<const ast::FunctionDecl*> functions;
  std::vector<const ast::ResponsibilityDecl*> areas;
  std::vector<const ast::Decl*> values;  // facts and tables, in source order
  std::vector<const ast::BreachDecl*> breaches;
  std::vector<const ast::RuleDecl*> rules;
  // Orgs and scenarios are mutable: their bodies are released once checked.
  std::vector<ast::Org*> orgs;
  std::vector<ast::Scenario*> scenarios;
  // Scenarios still to be parsed, after those above (see ast::ScenarioTail).
  std::vector<const ast::ScenarioTail*> tails;
  uint32_t first_file = 0;
  bool some_file_unreadable = false;  // invalid UTF-8: its declarations are unknown
  // Names of broken top-level declarations, by keyword (`function` -> CEO).
  StringMap<StringSet> broken;

  explicit Declarations(std::vector<ast::File>& files);
};

// The context every building pass works in.
struct Context {
  const Declarations& decls;
  model::Model& model;
  Symbols& symbols;
  Diagnostics& diags;
  int jobs = 1;
  // Set when a scenario tail did not parse cleanly as scenarios: the model
  // is then incomplete, and the files must be parsed whole and checked again.
  bool tail_failed = false;
};

// Frees a list of the syntax tree that has been checked: the model built
// from it then reuses the memory (a large model's orgs and scenarios are
// most of its tree).
template <typename T>
void release(std::vector<T>& items) {
  std::vector<T>().swap(items);
}

// True when a syntax error already broke one of the items: "missing"
// checks stay quiet then, since the missing item may be the broken one.
template <typename Items>
bool has_broken_item(const Items& items) {
  return std::any_of(items.begin(), items.end(),
                     [](const auto& i) { return boost::get<ast::ErrorNode>(&i) != nullptr; });
}

// The person `name` of `org`, or -1 with an error (and a did-you-mean),
// prefixed with `prefix` (a JSON path, or nothing).
int resolve_person(const model::Org& org, std::string_view name, SourceLoc loc, Diagnostics& diags,
                   std::string_view prefix = "", const StringSet* broken = nullptr);

// The breach facts an expression reads.
void facts_read(const model::Expr& e, std::set<int>& out);
// Which breach facts each breach type needs: those its rules (and the fine
// cap) read.
std::vector<std::set<int>> needed_facts(const model::Model& m);

// Counts the names of declarations broken by syntax errors as declared.
void declare_broken_names(Context& c);

// The passes, in the order the checker runs them.
void check_regime(Context& c);
void check_functions_and_areas(Context& c);
void check_values(Context& c);
void check_breach_types(Context& c);
void check_rules(Context& c);
void check_orgs(Context& c);
void check_scenarios(Context& c);

}  // namespace smr::check
