// The checked model: what the checker builds from the syntax tree once every
// name is resolved and every expression typed. The engine sees only this.
// Indices refer into the Model's vectors; persons are indices into their
// org, sorted by id so that "id order" is index order.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dsl/core/date.h"
#include "dsl/core/decimal.h"
#include "dsl/core/diagnostic.h"
#include "dsl/core/index_table.h"

namespace smr::model {

enum class Type : uint8_t { Bool, Int, Decimal, Money, Date, Duration, String, Error };
const char* type_name(Type t);
inline bool is_number(Type t) { return t == Type::Int || t == Type::Decimal; }

// A value of the language. Numbers and money are exact decimals.
// (Fields widest first: 32 bytes, where declaring `type` first made 48; a
// million scenarios hold millions of them.)
struct Value {
  Decimal number;
  Duration duration;
  Date date;
  Type type = Type::Int;
  bool boolean = false;
  bool percent = false;  // written as a percentage: shown as 30%, not 0.3
};

enum class Op : uint8_t {
  Const,
  Fact,
  PersonFact,
  Severity,
  BreachDate,
  Income,
  Lookup,
  Neg,
  Not,
  Add,
  Sub,
  Mul,
  Div,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
  If,
  Min,
  Max,
  RoundDown,
  RoundUp,
  PriorBreaches,
  DaysInPost,      // extension: days the judged person has held a function
  PriorSanctions,  // the judged person's own record in the scenario
  Let              // a `let` of the rule, by index
};

// A typed expression tree. `index` is the fact, person fact or table index.
struct Expr {
  Op op = Op::Const;
  Type type = Type::Error;
  bool percent = false;
  int index = -1;
  Value constant;
  std::string name;  // the fact, table or function name, for explanations
  std::vector<Expr> args;
  SourceLoc loc;
};

// True when `pred` holds for some node of `e` (also a way to visit every
// node: a `pred` that returns false). Iterative: a condition may chain half
// a million terms.
template <typename Pred>
bool any_node(const Expr& e, Pred pred) {
  std::vector<const Expr*> todo{&e};
  while (!todo.empty()) {
    const Expr* x = todo.back();
    todo.pop_back();
    if (pred(*x)) return true;
    for (const auto& a : x->args) todo.push_back(&a);
  }
  return false;
}

struct Function {
  std::string id, title;
  bool board = false;
  SourceLoc loc;
};

struct Area {
  std::string id, title;
  bool prescribed = false;
  SourceLoc loc;
};

struct FactDef {
  std::string name;
  Type type = Type::Int;
  bool percent = false;
  std::optional<Value> default_value;
  SourceLoc loc;
};

// The entries of a table from a date on.
struct TableVersion {
  Date from = Date::min();
  std::map<int64_t, Value> entries;
  std::optional<Value> default_value;
};

struct Table {
  std::string name;
  Type value_type = Type::Int;
  bool percent = false;
  std::vector<TableVersion> versions;  // the first from the beginning, then by date
  SourceLoc loc;
  // The version in force on `d`: the last that starts on or before it.
  const TableVersion& at(Date d) const;
};

struct BreachType {
  std::string id, title;
  int area = -1;
  SourceLoc loc;
};

enum class SanctionKind : uint8_t { Censure, Fine, Disqualification, Criminal };
const char* sanction_name(SanctionKind k);

// A person's headline outcome: the gravest sanction they received.
enum class Outcome : uint8_t { None, Censure, Fine, Disqualification, Criminal };
const char* outcome_name(Outcome o);

// What one person received (or is expected to receive): the kinds of
// sanction, and the fine total when fined. The one value that expectations,
// results and `diff` compare.
struct Sanctions {
  bool censure = false, disqualification = false, criminal = false;
  std::optional<Decimal> fine;  // the total of imposed fines; set only when fined

  bool any() const { return censure || disqualification || criminal || fine.has_value(); }
  // Gravest first: criminal, disqualification, fine, censure, none.
  Outcome headline() const;
  // As an expect line lists them: `censure, fine 108,000.00 GBP`, or `none`.
  std::string describe(std::string_view currency) const;
  bool operator==(const Sanctions& o) const = default;
};

struct Selector {
  // Holders: of one function; AllHolders: of any function; Involved: the
  // persons the breach names; Group: the union of `of`.
  enum class Kind : uint8_t {
    Accountable,
    Delegates,
    Managers,
    Holders,
    Board,
    Involved,
    AllHolders,
    Group
  };
  Kind kind = Kind::Accountable;
  int levels = 1;            // managers(N)
  int function = -1;         // holders(F)
  std::vector<Selector> of;  // managers(N) of S: zero or one term; a group's terms
  SourceLoc loc;
};

struct Clause {
  SanctionKind sanction = SanctionKind::Censure;
  std::optional<Expr> amount;
  std::vector<Selector> selector;  // a union of terms
  // Clauses whose selectors are written alike share an id (see
  // Model::index_rules), so a breach works each selection out once; -1
  // before indexing.
  int selector_id = -1;
  std::optional<Expr> where;
  SourceLoc loc;
};

// `let NAME = EXPR;` of a rule. Person-scope when it reads anything of the
// judged person (then usable only in `where` and fine amounts).
struct Let {
  std::string name;
  Expr value;
  bool person_scope = false;
  SourceLoc loc;
};

struct Rule {
  std::string id, title;
  std::vector<std::string> citations;  // `cite` lines, in order
  std::vector<Let> lets;               // in order; each sees those above it
  std::vector<bool> applies_to;        // per breach type
  std::optional<Expr> when;
  // Rules whose `when` is written alike (and reads no let) share an id
  // (see Model::index_rules), so a breach works it out once; -1 otherwise.
  int when_id = -1;
  std::vector<Clause> clauses;
  SourceLoc loc;
};

struct Interval {
  Date from = Date::min();
  Date until = Date::max();
  bool contains(Date d) const { return from <= d && d < until; }
};

enum class EdgeKind : uint8_t { ReportsTo, Holds, ResponsibleFor, Delegates };
const char* edge_name(EdgeKind k);

// A time-bounded edge of the org. `target` is a person (reports_to,
// delegates), a function (holds) or an area (responsible_for); `area` is the
// delegated area.
struct Edge {
  EdgeKind kind = EdgeKind::ReportsTo;
  int person = -1;
  int target = -1;
  int area = -1;
  Interval when;
  SourceLoc loc;
};

struct Person {
  std::string id, name;
  Decimal relevant_income;
  SourceLoc loc;
};

struct Org {
  std::string id, title;
  std::vector<Person> persons;  // sorted by id
  std::vector<Edge> edges;      // in source order
  SourceLoc loc;
  IndexTable person_index;  // id -> index; see index_persons
  int find_person(std::string_view id) const;
  void index_persons();
};

struct PersonFactValues {
  int person = -1;
  std::vector<std::optional<Value>> values;  // per person fact; unset is nullopt
  std::optional<Decimal> relevant_income;    // an override for this breach
};

struct ScenarioBreach {
  int type = -1;
  Date date;
  int64_t severity = 0;
  // The breach facts the scenario gives, by fact index. A fact not given
  // (nullopt, or past the end: most breaches give none, and the vector is
  // then empty) takes its default; see breach_fact.
  std::vector<std::optional<Value>> facts;
  std::vector<PersonFactValues> persons;  // in person order, one each
  int source_order = 0;
  SourceLoc loc;
  bool gives(int fact) const {
    return static_cast<size_t>(fact) < facts.size() && facts[fact].has_value();
  }
  // Sets a fact the scenario gives (`fact` indexes Model::facts).
  void give(int fact, const Value& v) {
    if (facts.size() <= static_cast<size_t>(fact)) facts.resize(fact + 1);
    facts[fact] = v;
  }
};

struct Expectation {
  int person = -1;
  Sanctions sanctions;
  SourceLoc loc;
};

struct Scenario {
  std::string title;
  int org = -1;
  std::vector<ScenarioBreach> breaches;  // in source order
  std::vector<Expectation> expectations;
  SourceLoc loc;
};

struct Model {
  std::string regime_title, version, currency;
  // `unallocated falls_to F1, F2`: an unallocated responsibility falls to
  // the holders of the first of these functions that has a holder.
  std::vector<int> fallback_functions;
  // `fine_cap EXPR`: person-scope money; one person's fines for one breach
  // are cut to it.
  std::optional<Expr> fine_cap;
  // Some rule reads prior_sanctions: evaluation keeps each person's record.
  bool reads_prior_sanctions = false;
  bool fines_max = false;
  SourceLoc regime_loc;
  std::vector<Function> functions;
  std::vector<Area> areas;
  std::vector<FactDef> facts;
  std::vector<FactDef> person_facts;
  std::vector<Table> tables;
  std::vector<BreachType> breach_types;
  std::vector<Rule> rules;
  std::vector<Org> orgs;
  std::vector<Scenario> scenarios;

  // Derived from the rules by index_rules: per breach type, the rules that
  // apply to it, in order; the number of distinct selectors and `when`s.
  std::vector<std::vector<int>> rules_for_type;
  int selector_count = 0;
  int when_count = 0;
  void index_rules();
  bool rules_indexed() const { return rules_for_type.size() == breach_types.size(); }
  // Breach fact `fact` of `b`: the value the scenario gives, else the
  // fact's default; null when it has neither.
  const Value* breach_fact(const ScenarioBreach& b, int fact) const {
    if (b.gives(fact)) return &*b.facts[fact];
    const auto& d = facts[fact].default_value;
    return d ? &*d : nullptr;
  }
};

}  // namespace smr::model
