#include "dsl/checker.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

namespace smr {
namespace {

using namespace model;

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// True when a syntax error already broke one of the items: "missing"
// checks stay quiet then, since the missing item may be the broken one.
template <typename Items>
bool has_broken_item(const Items& items) {
  return std::any_of(items.begin(), items.end(),
                     [](const auto& i) { return boost::get<ast::ErrorNode>(&i) != nullptr; });
}

struct Symbol {
  int index = -1;
  SourceLoc loc;
};
using SymbolTable = std::unordered_map<std::string, Symbol>;

std::vector<std::string> names_of(const SymbolTable& t) {
  std::vector<std::string> out;
  for (const auto& [name, sym] : t) out.push_back(name);
  return out;
}

// Which expressions may use person facts and relevant_income.
enum class Scope { Breach, Person };

// Builds the checked model in passes: declare every name, then resolve each
// kind of declaration against the tables.
class Checker {
 public:
  // A full run builds its own model.
  explicit Checker(Diagnostics& diags) : diags_(&diags), m_(own_) {}
  // Scenario checking against a model built before: only reads `model`.
  Checker(Diagnostics& diags, Model& model) : diags_(&diags), m_(model) { index_model(); }
  Model run(const std::vector<ast::File>& files, const OrgSource& extra_orgs);
  std::optional<Scenario> check_scenario(const ast::Scenario& s);
  void set_diagnostics(Diagnostics& diags) { diags_ = &diags; }

 private:
  // -- passes
  void sort_declarations(const std::vector<ast::File>& files);
  void check_regime(const std::vector<ast::File>& files);
  void declare_simple();
  void check_values();
  void check_fact(const ast::FactDecl& f);
  void check_table(const ast::TableDecl& t);
  void check_breach_types();
  void check_rules();
  void check_orgs();
  void check_scenarios();
  void compute_needed();

  // -- helpers
  bool declare(SymbolTable& table, const char* kind, const ast::Word& name, int index);
  int resolve(const SymbolTable& table, const char* kind, const ast::Word& name);
  int resolve_person(const Org& org, const ast::Word& name);
  std::optional<Value> literal(const ast::Literal& lit);
  bool coerce(Value& v, Type want, bool percent, SourceLoc loc, const std::string& what);
  std::optional<std::pair<Type, bool>> declared_type(const ast::Word& type);
  std::optional<Value> typed_literal(const ast::Literal& lit, Type want, bool percent,
                                     const std::string& what);
  std::optional<Date> date_literal(const ast::Literal& lit, const char* what);

  Expr expr(const ast::Expr& e, Scope scope);
  Expr operand(const ast::Operand& o, Scope scope);
  Expr unary(const ast::Unary& u, Scope scope);
  Expr name(const ast::Name& n, Scope scope);
  Expr call(const ast::Call& c, Scope scope);
  Expr index(const ast::Index& ix, Scope scope);
  Expr if_expr(const ast::IfExpr& e, Scope scope);
  Expr binary(const std::string& op, Expr lhs, Expr rhs, SourceLoc loc);
  Expr typed(const ast::Expr& e, Scope scope, Type want, const char* what);
  std::optional<Selector> selector(const ast::SelectorTerm& t);

  void index_model();
  void add_extra_orgs(const OrgSource& extra);

  Diagnostics* diags_;
  Model own_;
  Model& m_;
  bool have_currency_ = false;
  std::vector<std::set<int>> needed_;  // per breach type: breach facts its rules read

  std::vector<const ast::Regime*> regimes_;
  std::vector<const ast::FunctionDecl*> functions_;
  std::vector<const ast::ResponsibilityDecl*> areas_;
  // Facts and tables in source order: they share one namespace.
  std::vector<const ast::Decl*> value_decls_;
  std::vector<const ast::BreachDecl*> breaches_;
  std::vector<const ast::RuleDecl*> rules_;
  std::vector<const ast::Org*> orgs_;
  std::vector<const ast::Scenario*> scenarios_;

  SymbolTable function_names_, area_names_, breach_names_, rule_names_, org_names_,
      scenario_names_;
  // Facts, person facts and tables share one namespace.
  enum class ValueKind { Fact, PersonFact, Table };
  struct ValueSymbol {
    ValueKind kind;
    int index;
    SourceLoc loc;
  };
  std::unordered_map<std::string, ValueSymbol> values_;
  bool declare_value(const ast::Word& name, ValueKind kind, int index);
  // Breach facts used by the rule being checked (for "left unset" checks).
  std::set<int>* used_facts_ = nullptr;
  std::vector<std::set<int>> rule_facts_;
};

// ---------------------------------------------------------------- helpers

bool Checker::declare(SymbolTable& table, const char* kind, const ast::Word& name, int index) {
  auto [it, inserted] = table.emplace(name.text, Symbol{index, name.loc});
  if (!inserted) {
    diags_->error(name.loc, fmt::format("duplicate {} '{}'", kind, name.text));
    diags_->note(it->second.loc, fmt::format("'{}' was first declared here", name.text));
  }
  return inserted;
}

int Checker::resolve(const SymbolTable& table, const char* kind, const ast::Word& name) {
  auto it = table.find(name.text);
  if (it != table.end()) return it->second.index;
  std::string hint = closest_name(name.text, names_of(table));
  diags_->error(name.loc, hint.empty()
                             ? fmt::format("unknown {} '{}'", kind, name.text)
                             : fmt::format("unknown {} '{}'; did you mean '{}'?", kind, name.text, hint));
  return -1;
}

int Checker::resolve_person(const Org& org, const ast::Word& name) {
  int p = org.find_person(name.text);
  if (p >= 0) return p;
  std::vector<std::string> ids;
  for (const auto& person : org.persons) ids.push_back(person.id);
  std::string hint = closest_name(name.text, ids);
  diags_->error(name.loc, hint.empty() ? fmt::format("unknown person '{}' in org '{}'", name.text, org.id)
                                      : fmt::format("unknown person '{}' in org '{}'; did you mean '{}'?",
                                                    name.text, org.id, hint));
  return -1;
}

std::optional<Value> Checker::literal(const ast::Literal& lit) {
  Value v;
  switch (lit.kind) {
    case ast::LiteralKind::Bool:
      v.type = Type::Bool;
      v.boolean = lit.text == "true";
      return v;
    case ast::LiteralKind::String:
      v.type = Type::String;
      return v;
    case ast::LiteralKind::Date: {
      auto d = Date::parse(lit.text);
      if (!d) {
        // A well-formed date in a year out of range gets its own message.
        const std::string& t = lit.text;
        bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                      std::all_of(t.begin(), t.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
        int year = shaped ? (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0') : 0;
        bool out_of_range = shaped && (year < Date::kMinYear || year > Date::kMaxYear);
        diags_->error(lit.loc, out_of_range ? fmt::format("date '{}' is outside the supported years {} to {}", lit.text,
                                                          Date::kMinYear, Date::kMaxYear)
                                            : fmt::format("invalid date '{}'", lit.text));
        return std::nullopt;
      }
      v.type = Type::Date;
      v.date = *d;
      return v;
    }
    default: break;
  }
  bool negative = !lit.text.empty() && lit.text[0] == '-';
  auto number = Decimal::parse(negative ? lit.text.substr(1) : lit.text);
  if (number && negative) number = negate(*number);
  if (!number) {
    diags_->error(lit.loc, fmt::format("number '{}' is too large (the limit is about 9.2 × 10^12)",
                                      lit.text));
    return std::nullopt;
  }
  v.number = *number;
  switch (lit.kind) {
    case ast::LiteralKind::Int: v.type = Type::Int; break;
    case ast::LiteralKind::Decimal: v.type = Type::Decimal; break;
    case ast::LiteralKind::Percent:
      v.type = Type::Decimal;
      v.percent = true;
      v.number = *divide(v.number, Decimal::from_raw(100 * Decimal::kScale));
      break;
    case ast::LiteralKind::Money:
      v.type = Type::Money;
      if (have_currency_ && lit.unit != m_.currency) {
        diags_->error(lit.loc, fmt::format("currency {} differs from the regime's currency {}",
                                          lit.unit, m_.currency));
        return std::nullopt;
      }
      break;
    case ast::LiteralKind::Duration: {
      v.type = Type::Duration;
      v.duration.amount = v.number.raw() / Decimal::kScale;
      const std::string& u = lit.unit;
      v.duration.unit = u[0] == 'd' ? Duration::Unit::Days
                        : u[0] == 'm' ? Duration::Unit::Months
                                      : Duration::Unit::Years;
      break;
    }
    default: break;
  }
  return v;
}

bool Checker::coerce(Value& v, Type want, bool percent, SourceLoc loc, const std::string& what) {
  if (v.type == want || (v.type == Type::Int && want == Type::Decimal)) {
    v.type = want;
    v.percent = v.percent || percent;
    return true;
  }
  diags_->error(loc, fmt::format("{} must be {}{}, not {}", what, percent ? "a percent" : "",
                                percent ? "" : std::string("of type ") + type_name(want),
                                type_name(v.type)));
  return false;
}

std::optional<std::pair<Type, bool>> Checker::declared_type(const ast::Word& t) {
  const std::string& s = t.text;
  if (s == "bool") return std::pair{Type::Bool, false};
  if (s == "int") return std::pair{Type::Int, false};
  if (s == "decimal") return std::pair{Type::Decimal, false};
  if (s == "percent") return std::pair{Type::Decimal, true};
  if (s == "money") return std::pair{Type::Money, false};
  if (s == "date") return std::pair{Type::Date, false};
  diags_->error(t.loc, fmt::format("unknown type '{}'", s));
  return std::nullopt;
}

std::optional<Value> Checker::typed_literal(const ast::Literal& lit, Type want, bool percent,
                                            const std::string& what) {
  auto v = literal(lit);
  if (!v || !coerce(*v, want, percent, lit.loc, what)) return std::nullopt;
  return v;
}

std::optional<Date> Checker::date_literal(const ast::Literal& lit, const char* what) {
  auto v = literal(lit);
  if (!v) return std::nullopt;
  if (v->type != Type::Date) {
    diags_->error(lit.loc, fmt::format("{} must be a date (YYYY-MM-DD), not {}", what, type_name(v->type)));
    return std::nullopt;
  }
  return v->date;
}

// ---------------------------------------------------------------- passes

Model Checker::run(const std::vector<ast::File>& files, const OrgSource& extra_orgs) {
  sort_declarations(files);
  check_regime(files);
  declare_simple();
  check_values();
  check_breach_types();
  check_rules();
  check_orgs();
  add_extra_orgs(extra_orgs);
  check_scenarios();
  return std::move(m_);
}

void Checker::add_extra_orgs(const OrgSource& extra) {
  if (!extra) return;
  size_t before = m_.orgs.size();
  extra(m_, *diags_);
  for (size_t i = before; i < m_.orgs.size(); ++i) {
    ast::Word name;
    name.text = m_.orgs[i].id;
    name.loc = m_.orgs[i].loc;
    declare(org_names_, "org", name, static_cast<int>(i));
  }
}

// Collects the breach facts an expression reads.
void facts_read(const Expr& e, std::set<int>& out) {
  if (e.op == Op::Fact) out.insert(e.index);
  for (const auto& a : e.args) facts_read(a, out);
}

void Checker::index_model() {
  have_currency_ = !m_.currency.empty();
  for (size_t i = 0; i < m_.facts.size(); ++i) {
    values_.emplace(m_.facts[i].name, ValueSymbol{ValueKind::Fact, static_cast<int>(i), m_.facts[i].loc});
  }
  for (size_t i = 0; i < m_.person_facts.size(); ++i) {
    values_.emplace(m_.person_facts[i].name, ValueSymbol{ValueKind::PersonFact, static_cast<int>(i), m_.person_facts[i].loc});
  }
  for (size_t i = 0; i < m_.tables.size(); ++i) {
    values_.emplace(m_.tables[i].name, ValueSymbol{ValueKind::Table, static_cast<int>(i), m_.tables[i].loc});
  }
  for (size_t i = 0; i < m_.breach_types.size(); ++i) {
    breach_names_.emplace(m_.breach_types[i].id, Symbol{static_cast<int>(i), m_.breach_types[i].loc});
  }
  for (size_t i = 0; i < m_.orgs.size(); ++i) {
    org_names_.emplace(m_.orgs[i].id, Symbol{static_cast<int>(i), m_.orgs[i].loc});
  }
  for (const Rule& r : m_.rules) {
    std::set<int> used;
    if (r.when) facts_read(*r.when, used);
    for (const auto& c : r.clauses) {
      if (c.amount) facts_read(*c.amount, used);
      if (c.where) facts_read(*c.where, used);
    }
    rule_facts_.push_back(std::move(used));
  }
  compute_needed();
}

void Checker::sort_declarations(const std::vector<ast::File>& files) {
  for (const auto& f : files) {
    for (const auto& d : f.decls) {
      if (auto* p = boost::get<ast::Regime>(&d)) regimes_.push_back(p);
      if (auto* p = boost::get<ast::FunctionDecl>(&d)) functions_.push_back(p);
      if (auto* p = boost::get<ast::ResponsibilityDecl>(&d)) areas_.push_back(p);
      if (boost::get<ast::FactDecl>(&d) || boost::get<ast::TableDecl>(&d)) value_decls_.push_back(&d);
      if (auto* p = boost::get<ast::BreachDecl>(&d)) breaches_.push_back(p);
      if (auto* p = boost::get<ast::RuleDecl>(&d)) rules_.push_back(p);
      if (auto* p = boost::get<ast::Org>(&d)) orgs_.push_back(p);
      if (auto* p = boost::get<ast::Scenario>(&d)) scenarios_.push_back(p);
    }
  }
}

void Checker::check_regime(const std::vector<ast::File>& files) {
  if (regimes_.empty()) {
    SourceLoc start{files.empty() ? 0u : files.front().file_id, 0, 0};
    diags_->error(start, "the model has no regime declaration (exactly one is required)");
    return;
  }
  for (size_t i = 1; i < regimes_.size(); ++i) {
    diags_->error(regimes_[i]->loc, "a model has exactly one regime; this is a second one");
    diags_->note(regimes_[0]->loc, "the first regime is declared here");
  }
  const ast::Regime& r = *regimes_[0];
  m_.regime_title = r.title.text;
  m_.regime_loc = r.loc;
  std::set<std::string> seen;
  for (const auto& item : r.items) {
    const auto* s = boost::get<ast::RegimeSetting>(&item);
    if (!s) continue;
    if (!seen.insert(s->key.text).second) {
      diags_->error(s->key.loc, fmt::format("regime setting '{}' is given twice", s->key.text));
      continue;
    }
    if (s->key.text == "version") m_.version = s->value.text;
    if (s->key.text == "fines") m_.fines_max = s->value.text == "max";
    if (s->key.text == "currency") {
      const std::string& c = s->value.text;
      bool code = c.size() == 3 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      if (!code) {
        diags_->error(s->value.loc, fmt::format("currency '{}' is not a 3-letter upper-case code", c));
      } else {
        m_.currency = c;
        have_currency_ = true;
      }
    }
  }
  if (!seen.count("currency") && !has_broken_item(r.items)) {
    diags_->error(r.title.loc, "the regime does not declare its currency");
  }
}

void Checker::declare_simple() {
  for (const auto* f : functions_) {
    if (!declare(function_names_, "function", f->name, static_cast<int>(m_.functions.size()))) continue;
    m_.functions.push_back({f->name.text, f->title ? f->title->text : "", f->board.has_value(), f->name.loc});
  }
  for (const auto* a : areas_) {
    if (!declare(area_names_, "responsibility", a->name, static_cast<int>(m_.areas.size()))) continue;
    m_.areas.push_back({a->name.text, a->title ? a->title->text : "", a->prescribed.has_value(), a->name.loc});
  }
  if (!regimes_.empty()) {
    for (const auto& item : regimes_[0]->items) {
      const auto* s = boost::get<ast::RegimeSetting>(&item);
      if (s && s->key.text == "unallocated") {
        m_.unallocated_function = resolve(function_names_, "function", s->value);
      }
    }
  }
}

bool Checker::declare_value(const ast::Word& name, ValueKind kind, int index) {
  auto [it, inserted] = values_.emplace(name.text, ValueSymbol{kind, index, name.loc});
  if (!inserted) {
    diags_->error(name.loc, fmt::format("duplicate name '{}' (facts, person facts and tables share one namespace)", name.text));
    diags_->note(it->second.loc, fmt::format("'{}' was first declared here", name.text));
  }
  return inserted;
}

void Checker::check_values() {
  for (const ast::Decl* decl : value_decls_) {
    if (const auto* f = boost::get<ast::FactDecl>(decl)) check_fact(*f);
    if (const auto* t = boost::get<ast::TableDecl>(decl)) check_table(*t);
  }
}

void Checker::check_fact(const ast::FactDecl& fact) {
  const ast::FactDecl* f = &fact;
  bool person = f->kind.text == "person_fact";
  auto& list = person ? m_.person_facts : m_.facts;
  if (!declare_value(f->name, person ? ValueKind::PersonFact : ValueKind::Fact, static_cast<int>(list.size()))) return;
  FactDef def{f->name.text, Type::Error, false, std::nullopt, f->name.loc};
  if (auto t = declared_type(f->type)) {
    def.type = t->first;
    def.percent = t->second;
    if (f->default_value) {
      def.default_value = typed_literal(*f->default_value, def.type, def.percent,
                                        fmt::format("the default of '{}'", def.name));
    }
  }
  list.push_back(std::move(def));
}

void Checker::check_table(const ast::TableDecl& table_decl) {
  const ast::TableDecl* t = &table_decl;
  {
    if (!declare_value(t->name, ValueKind::Table, static_cast<int>(m_.tables.size()))) return;
    Table table{t->name.text, Type::Error, false, {}, std::nullopt, t->name.loc};
    auto key = declared_type(t->key_type);
    if (key && key->first != Type::Int) {
      diags_->error(t->key_type.loc, "table keys must be of type int");
    }
    auto val = declared_type(t->value_type);
    if (val) {
      table.value_type = val->first;
      table.percent = val->second;
    }
    std::map<int64_t, SourceLoc> key_places;
    for (const auto& item : t->items) {
      if (const auto* e = boost::get<ast::TableEntry>(&item)) {
        auto k = literal(e->key);
        if (!k) continue;
        if (k->type != Type::Int) {
          diags_->error(e->key.loc, fmt::format("table keys are integer literals, not {}", type_name(k->type)));
          continue;
        }
        int64_t kv = k->number.raw() / Decimal::kScale;
        auto [it, inserted] = key_places.emplace(kv, e->key.loc);
        if (!inserted) {
          diags_->error(e->key.loc, fmt::format("duplicate key {} in table '{}'", kv, table.name));
          diags_->note(it->second, "the key first appears here");
          continue;
        }
        if (!val) continue;
        if (auto v = typed_literal(e->value, table.value_type, table.percent, "a table value")) {
          table.entries[kv] = *v;
        }
      } else if (const auto* d = boost::get<ast::TableDefault>(&item)) {
        if (table.default_value) {
          diags_->error(d->keyword.loc, fmt::format("table '{}' has a second default", table.name));
        } else if (val) {
          table.default_value = typed_literal(d->value, table.value_type, table.percent, "a table default");
        }
      }
    }
    m_.tables.push_back(std::move(table));
  }
}

void Checker::check_breach_types() {
  for (const auto* b : breaches_) {
    if (!declare(breach_names_, "breach type", b->name, static_cast<int>(m_.breach_types.size()))) continue;
    BreachType bt{b->name.text, b->title ? b->title->text : "", -1, b->name.loc};
    bool seen_area = false;
    for (const auto& item : b->items) {
      const auto* a = boost::get<ast::AreaClause>(&item);
      if (!a) continue;
      if (seen_area) {
        diags_->error(a->keyword.loc, fmt::format("breach type '{}' names its area twice", bt.id));
        continue;
      }
      seen_area = true;
      bt.area = resolve(area_names_, "responsibility", a->area);
    }
    if (!seen_area && !has_broken_item(b->items)) diags_->error(b->name.loc, fmt::format("breach type '{}' has no area", bt.id));
    m_.breach_types.push_back(std::move(bt));
  }
}

void Checker::check_rules() {
  for (const auto* r : rules_) {
    if (!declare(rule_names_, "rule", r->name, static_cast<int>(m_.rules.size()))) continue;
    Rule rule;
    rule.id = r->name.text;
    rule.title = r->title ? r->title->text : "";
    rule.loc = r->name.loc;
    rule.applies_to.assign(m_.breach_types.size(), true);
    std::set<int> used;
    used_facts_ = &used;
    bool seen_on = false, seen_when = false;
    for (const auto& item : r->items) {
      if (const auto* on = boost::get<ast::OnClause>(&item)) {
        if (seen_on) diags_->error(on->keyword.loc, fmt::format("rule '{}' has a second 'on' clause", rule.id));
        seen_on = true;
        rule.applies_to.assign(m_.breach_types.size(), false);
        for (const auto& t : on->breach_types) {
          int bt = resolve(breach_names_, "breach type", t);
          if (bt >= 0) rule.applies_to[bt] = true;
        }
      } else if (const auto* w = boost::get<ast::WhenClause>(&item)) {
        if (seen_when) diags_->error(w->keyword.loc, fmt::format("rule '{}' has a second 'when' clause", rule.id));
        seen_when = true;
        rule.when = typed(w->condition, Scope::Breach, Type::Bool, "a 'when' condition");
      } else if (const auto* t = boost::get<ast::ThenClause>(&item)) {
        Clause c;
        c.loc = t->sanction.loc;
        const std::string& kind = t->sanction.kind.text;
        c.sanction = kind == "fine"               ? SanctionKind::Fine
                     : kind == "censure"          ? SanctionKind::Censure
                     : kind == "disqualification" ? SanctionKind::Disqualification
                                                  : SanctionKind::Criminal;
        if (c.sanction == SanctionKind::Fine) {
          if (!t->sanction.amount) {
            diags_->error(t->sanction.kind.loc, "'fine' needs an amount: then fine EXPR to SELECTOR;");
          } else {
            c.amount = typed(*t->sanction.amount, Scope::Person, Type::Money, "a fine amount");
          }
        } else if (t->sanction.amount) {
          diags_->error(t->sanction.amount->loc, fmt::format("'{}' takes no amount", kind));
        }
        for (const auto& term : t->selector) {
          if (auto s = selector(term)) c.selector.push_back(std::move(*s));
        }
        if (t->where) c.where = typed(*t->where, Scope::Person, Type::Bool, "a 'where' condition");
        rule.clauses.push_back(std::move(c));
      }
    }
    if (rule.clauses.empty()) {
      diags_->warning(r->name.loc, fmt::format("rule '{}' has no 'then' clause and can never sanction anyone", rule.id));
    }
    used_facts_ = nullptr;
    rule_facts_.push_back(std::move(used));
    m_.rules.push_back(std::move(rule));
  }
}

std::optional<Selector> Checker::selector(const ast::SelectorTerm& t) {
  Selector s;
  s.loc = t.loc;
  const std::string& k = t.kind.text;
  s.kind = k == "accountable" ? Selector::Kind::Accountable
           : k == "delegates" ? Selector::Kind::Delegates
           : k == "managers"  ? Selector::Kind::Managers
           : k == "holders"   ? Selector::Kind::Holders
                              : Selector::Kind::Board;
  bool ok = true;
  if (s.kind == Selector::Kind::Managers) {
    if (t.argument) {
      auto n = Decimal::parse(t.argument->text);
      bool digits = !t.argument->text.empty() && t.argument->text[0] >= '0' && t.argument->text[0] <= '9';
      if (!digits || !n || n->raw() < Decimal::kScale || n->raw() > int64_t{1'000'000} * Decimal::kScale) {
        diags_->error(t.argument->loc, "managers(N) needs a whole number of levels from 1 to 1,000,000");
        ok = false;
      } else {
        s.levels = static_cast<int>(n->raw() / Decimal::kScale);
      }
    }
    for (const auto& inner : t.of) {
      if (auto sub = selector(inner)) {
        s.of.push_back(std::move(*sub));
      } else {
        ok = false;
      }
    }
  } else if (s.kind == Selector::Kind::Holders) {
    if (!t.argument) {
      diags_->error(t.kind.loc, "holders needs a function: holders(F)");
      ok = false;
    } else {
      s.function = resolve(function_names_, "function", *t.argument);
      ok = s.function >= 0;
    }
  } else if (t.argument) {
    diags_->error(t.argument->loc, fmt::format("'{}' takes no argument", k));
    ok = false;
  }
  if (s.kind != Selector::Kind::Managers && !t.of.empty()) {
    diags_->error(t.of[0].loc, fmt::format("'of' applies to managers, not to '{}'", k));
    ok = false;
  }
  return ok ? std::optional<Selector>(std::move(s)) : std::nullopt;
}

void Checker::check_orgs() {
  for (const auto* o : orgs_) {
    if (!declare(org_names_, "org", o->name, static_cast<int>(m_.orgs.size()))) continue;
    Org org;
    org.id = o->name.text;
    org.title = o->title ? o->title->text : "";
    org.loc = o->name.loc;
    // Sorted by id; a stable sort keeps the first declaration of a duplicate.
    std::vector<std::pair<std::string_view, const ast::Person*>> by_id;
    for (const auto& item : o->persons) {
      if (const auto* p = boost::get<ast::Person>(&item)) by_id.emplace_back(p->id.text, p);
    }
    std::stable_sort(by_id.begin(), by_id.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    auto last = std::unique(by_id.begin(), by_id.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) return false;
      diags_->error(b.second->id.loc, fmt::format("duplicate person '{}' in org '{}'", b.first, org.id));
      diags_->note(a.second->id.loc, fmt::format("'{}' was first declared here", b.first));
      return true;
    });
    by_id.erase(last, by_id.end());
    for (const auto& [id, p] : by_id) {
      org.persons.push_back({std::string(id), p->name ? p->name->text : std::string(id), Decimal(), p->id.loc});
    }
    org.index_persons();
    for (size_t self_index = 0; self_index < by_id.size(); ++self_index) {
      const ast::Person* p = by_id[self_index].second;
      const std::string& id = org.persons[self_index].id;
      int self = static_cast<int>(self_index);
      bool seen_income = false;
      for (const auto& item : p->items) {
        if (const auto* inc = boost::get<ast::IncomeItem>(&item)) {
          if (seen_income) diags_->error(inc->keyword.loc, fmt::format("relevant_income of '{}' is given twice", id));
          seen_income = true;
          if (auto v = typed_literal(inc->amount, Type::Money, false, "relevant_income")) {
            org.persons[self].relevant_income = v->number;
          }
          continue;
        }
        const auto* e = boost::get<ast::EdgeItem>(&item);
        if (!e) continue;
        Edge edge;
        edge.person = self;
        edge.loc = e->loc;
        const std::string& k = e->kind.text;
        edge.kind = k == "reports_to" ? EdgeKind::ReportsTo
                    : k == "holds"    ? EdgeKind::Holds
                    : k == "responsible_for" ? EdgeKind::ResponsibleFor
                                             : EdgeKind::Delegates;
        bool ok = true;
        switch (edge.kind) {
          case EdgeKind::ReportsTo: edge.target = resolve_person(org, e->target); break;
          case EdgeKind::Holds: edge.target = resolve(function_names_, "function", e->target); break;
          case EdgeKind::ResponsibleFor: edge.target = resolve(area_names_, "responsibility", e->target); break;
          case EdgeKind::Delegates:
            edge.area = resolve(area_names_, "responsibility", e->target);
            if (!e->to) {
              diags_->error(e->kind.loc, "delegates needs a delegate: delegates AREA to PERSON");
              ok = false;
            } else {
              edge.target = resolve_person(org, *e->to);
            }
            ok = ok && edge.area >= 0;
            break;
        }
        if (edge.kind != EdgeKind::Delegates && e->to) {
          diags_->error(e->to->loc, fmt::format("'to' belongs to delegates, not to {}", k));
          ok = false;
        }
        ok = ok && edge.target >= 0;
        if (e->from) {
          auto d = date_literal(*e->from, "'from'");
          ok = ok && d.has_value();
          if (d) edge.when.from = *d;
        }
        if (e->until) {
          auto d = date_literal(*e->until, "'until'");
          ok = ok && d.has_value();
          if (d) edge.when.until = *d;
        }
        if (e->from && e->until && edge.when.until <= edge.when.from && ok) {
          diags_->error(e->until->loc, fmt::format("'until {}' is not after 'from {}'",
                                                  edge.when.until.to_string(), edge.when.from.to_string()));
          ok = false;
        }
        if (ok) org.edges.push_back(edge);
      }
    }
    m_.orgs.push_back(std::move(org));
  }
}

void Checker::compute_needed() {
  needed_.assign(m_.breach_types.size(), {});
  for (size_t r = 0; r < m_.rules.size(); ++r) {
    for (size_t t = 0; t < m_.breach_types.size(); ++t) {
      if (m_.rules[r].applies_to[t]) needed_[t].insert(rule_facts_[r].begin(), rule_facts_[r].end());
    }
  }
}

void Checker::check_scenarios() {
  compute_needed();
  // Names first, in order; then the scenarios themselves, which do not
  // depend on each other: a large model checks them on every core, each
  // worker with its own checker and diagnostics, merged in order.
  std::vector<const ast::Scenario*> todo;
  for (const auto* s : scenarios_) {
    if (declare(scenario_names_, "scenario", s->title, static_cast<int>(todo.size()))) todo.push_back(s);
  }
  m_.scenarios.resize(todo.size());
  auto check_range = [&](Checker& checker, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
      auto sc = checker.check_scenario(*todo[i]);
      m_.scenarios[i] = sc ? std::move(*sc) : Scenario{todo[i]->title.text, -1, {}, {}, todo[i]->title.loc};
    }
  };
  constexpr size_t kParallelFrom = 10'000;
  size_t workers = std::max(1u, std::thread::hardware_concurrency());
  if (todo.size() < kParallelFrom || workers == 1) {
    check_range(*this, 0, todo.size());
    return;
  }
  std::vector<Diagnostics> part_diags(workers);
  std::vector<std::thread> threads;
  size_t step = (todo.size() + workers - 1) / workers;
  for (size_t w = 1; w < workers; ++w) {
    threads.emplace_back([&, w] {
      Checker worker(part_diags[w], m_);  // reads the model; writes only its own scenarios
      check_range(worker, std::min(todo.size(), w * step), std::min(todo.size(), (w + 1) * step));
    });
  }
  Diagnostics* mine = diags_;
  diags_ = &part_diags[0];
  check_range(*this, 0, std::min(todo.size(), step));
  diags_ = mine;
  for (auto& t : threads) t.join();
  for (const auto& part : part_diags) {
    for (const auto& d : part.all()) {
      if (d.severity == Severity::Error) diags_->error(d.loc, d.message);
      if (d.severity == Severity::Warning) diags_->warning(d.loc, d.message);
      if (d.severity == Severity::Note) diags_->note(d.loc, d.message);
    }
  }
}

std::optional<Scenario> Checker::check_scenario(const ast::Scenario& scenario) {
  const ast::Scenario* s = &scenario;
  const auto& needed = needed_;
  {
    Scenario sc;
    sc.title = s->title.text;
    sc.loc = s->title.loc;
    if (s->org) {
      sc.org = resolve(org_names_, "org", *s->org);
    } else if (m_.orgs.size() == 1) {
      sc.org = 0;
    } else {
      diags_->error(s->title.loc, m_.orgs.empty()
                                     ? std::string("the scenario has no org to run in (the model declares none)")
                                     : fmt::format("the model has {} orgs; name one with 'in ORG'", m_.orgs.size()));
    }
    if (sc.org < 0) return std::nullopt;
    const Org& org = m_.orgs[sc.org];
    int order = 0;
    for (const auto& item : s->items) {
      if (const auto* b = boost::get<ast::ScenarioBreach>(&item)) {
        ScenarioBreach br;
        br.loc = b->loc;
        br.source_order = order++;
        br.type = resolve(breach_names_, "breach type", b->type);
        auto date = date_literal(b->date, "a breach date");
        if (date) br.date = *date;
        br.facts.assign(m_.facts.size(), std::nullopt);
        std::vector<std::pair<int, std::string_view>> set_here;  // (person or -1, name)
        bool has_severity = false;
        auto set_fact = [&](const ast::FactValue& fv, PersonFactValues* person) {
          const std::string& n = fv.name.text;
          std::pair<int, std::string_view> key{person ? person->person : -1, n};
          if (std::find(set_here.begin(), set_here.end(), key) != set_here.end()) {
            diags_->error(fv.name.loc, fmt::format("'{}' is set twice", n));
            return;
          }
          set_here.push_back(key);
          if (n == "severity" || n == "date") {
            if (person || n == "date") {
              diags_->error(fv.name.loc, n == "date" ? std::string("a breach's date is given by 'on DATE'")
                                                    : std::string("severity belongs to the breach, not to a person"));
              return;
            }
            auto v = typed_literal(fv.value, Type::Int, false, "severity");
            if (!v) return;
            has_severity = true;
            if (!v->number.is_integer() || v->number < *Decimal::from_int(1) || v->number > *Decimal::from_int(5)) {
              diags_->error(fv.value.loc, fmt::format("severity must be from 1 to 5, not {}", v->number.to_string()));
              return;
            }
            br.severity = v->number.raw() / Decimal::kScale;
            return;
          }
          if (n == "relevant_income") {
            if (!person) {
              diags_->error(fv.name.loc, "relevant_income belongs to a person: person P { relevant_income ...; }");
              return;
            }
            if (auto v = typed_literal(fv.value, Type::Money, false, "relevant_income")) person->relevant_income = v->number;
            return;
          }
          auto it = values_.find(n);
          if (it == values_.end() || it->second.kind == ValueKind::Table) {
            std::vector<std::string> candidates;
            for (const auto& [name, sym] : values_) {
              if (sym.kind == (person ? ValueKind::PersonFact : ValueKind::Fact)) candidates.push_back(name);
            }
            std::string hint = closest_name(n, candidates);
            diags_->error(fv.name.loc, fmt::format("unknown {} '{}'{}", person ? "person fact" : "fact", n,
                                                  hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
            return;
          }
          bool is_person_fact = it->second.kind == ValueKind::PersonFact;
          if (is_person_fact != (person != nullptr)) {
            diags_->error(fv.name.loc, is_person_fact
                                          ? fmt::format("'{}' is a person fact; set it inside person P {{ ... }}", n)
                                          : fmt::format("'{}' is a breach fact; set it outside the person block", n));
            return;
          }
          const FactDef& def = is_person_fact ? m_.person_facts[it->second.index] : m_.facts[it->second.index];
          auto v = typed_literal(fv.value, def.type, def.percent, fmt::format("the value of '{}'", n));
          if (!v) return;
          if (person) {
            person->values[it->second.index] = v;
          } else {
            br.facts[it->second.index] = v;
          }
        };
        for (const auto& fi : b->items) {
          if (const auto* fv = boost::get<ast::FactValue>(&fi)) {
            set_fact(*fv, nullptr);
          } else if (const auto* pf = boost::get<ast::PersonFacts>(&fi)) {
            int p = resolve_person(org, pf->person);
            if (p < 0) continue;
            auto existing = std::find_if(br.persons.begin(), br.persons.end(),
                                         [&](const PersonFactValues& v) { return v.person == p; });
            if (existing == br.persons.end()) {
              br.persons.push_back({p, std::vector<std::optional<Value>>(m_.person_facts.size()), std::nullopt});
              existing = br.persons.end() - 1;
            }
            size_t at = existing - br.persons.begin();
            for (const auto& pfi : pf->items) {
              if (const auto* fv = boost::get<ast::FactValue>(&pfi)) set_fact(*fv, &br.persons[at]);
            }
          }
        }
        if (!has_severity && !has_broken_item(b->items)) {
          diags_->error(b->type.loc, fmt::format("breach '{}' does not set severity (1 to 5)", b->type.text));
        }
        for (size_t f = 0; f < m_.facts.size(); ++f) {
          if (br.facts[f]) continue;
          if (m_.facts[f].default_value) {
            br.facts[f] = m_.facts[f].default_value;
          } else if (br.type >= 0 && needed[br.type].count(static_cast<int>(f))) {
            diags_->error(b->type.loc, fmt::format("breach '{}' leaves fact '{}' unset, and it has no default",
                                                  b->type.text, m_.facts[f].name));
          }
        }
        std::sort(br.persons.begin(), br.persons.end(),
                  [](const auto& a, const auto& b2) { return a.person < b2.person; });
        sc.breaches.push_back(std::move(br));
      } else if (const auto* e = boost::get<ast::Expect>(&item)) {
        Expectation ex;
        ex.loc = e->loc;
        ex.person = resolve_person(org, e->person);
        if (ex.person < 0) continue;
        auto dup = std::find_if(sc.expectations.begin(), sc.expectations.end(),
                                [&](const Expectation& x) { return x.person == ex.person; });
        if (dup != sc.expectations.end()) {
          diags_->error(e->person.loc, fmt::format("a second expect for '{}'", e->person.text));
          diags_->note(dup->loc, "the first is here");
          continue;
        }
        bool none = false, ok = true;
        std::set<std::string> kinds;
        for (const auto& it : e->items) {
          const std::string& k = it.kind.text;
          if (!kinds.insert(k).second) {
            diags_->error(it.kind.loc, fmt::format("'{}' is listed twice", k));
            ok = false;
          }
          if (k == "fine") {
            if (!it.amount) {
              diags_->error(it.kind.loc, "an expected fine needs its amount: fine 1_000 GBP");
              ok = false;
            } else if (auto v = typed_literal(*it.amount, Type::Money, false, "an expected fine")) {
              ex.fine = v->number;
            } else {
              ok = false;
            }
            continue;
          }
          if (it.amount) {
            diags_->error(it.amount->loc, fmt::format("'{}' takes no amount", k));
            ok = false;
          }
          none = none || k == "none";
          ex.censure = ex.censure || k == "censure";
          ex.disqualification = ex.disqualification || k == "disqualification";
          ex.criminal = ex.criminal || k == "criminal";
        }
        if (none && e->items.size() > 1) {
          diags_->error(e->person.loc, "'none' cannot be combined with other outcomes");
          ok = false;
        }
        if (ok) sc.expectations.push_back(ex);
      }
    }
    return sc;
  }
}

// ---------------------------------------------------------------- expressions

Expr error_expr(SourceLoc loc) {
  Expr e;
  e.type = Type::Error;
  e.loc = loc;
  return e;
}

SourceLoc span(SourceLoc a, SourceLoc b) {
  if (a.file != b.file || b.offset + b.length < a.offset) return a;
  return {a.file, a.offset, b.offset + b.length - a.offset};
}

Expr Checker::typed(const ast::Expr& e, Scope scope, Type want, const char* what) {
  Expr out = expr(e, scope);
  if (out.type != Type::Error && out.type != want) {
    diags_->error(e.loc, fmt::format("{} must be of type {}, not {}", what, type_name(want), type_name(out.type)));
    out.type = Type::Error;
  }
  return out;
}

Expr Checker::expr(const ast::Expr& e, Scope scope) {
  Expr acc = operand(e.first, scope);
  for (const auto& op : e.rest) {
    Expr rhs = operand(op.operand, scope);
    SourceLoc loc = span(acc.loc, rhs.loc);
    acc = binary(op.op, std::move(acc), std::move(rhs), loc);
  }
  if (e.rest.empty() && !acc.loc.valid()) acc.loc = e.loc;
  return acc;
}

Expr Checker::operand(const ast::Operand& o, Scope scope) {
  struct Visitor {
    Checker* c;
    Scope s;
    Expr operator()(const ast::Literal& lit) const {
      auto v = c->literal(lit);
      if (!v) return error_expr(lit.loc);
      if (v->type == Type::String) {
        c->diags_->error(lit.loc, "a string is not a value in an expression");
        return error_expr(lit.loc);
      }
      Expr e;
      e.op = Op::Const;
      e.type = v->type;
      e.percent = v->percent;
      e.constant = *v;
      e.loc = lit.loc;
      return e;
    }
    Expr operator()(const ast::Name& n) const { return c->name(n, s); }
    Expr operator()(const ast::x3::forward_ast<ast::Call>& x) const { return c->call(x.get(), s); }
    Expr operator()(const ast::x3::forward_ast<ast::Index>& x) const { return c->index(x.get(), s); }
    Expr operator()(const ast::x3::forward_ast<ast::IfExpr>& x) const { return c->if_expr(x.get(), s); }
    Expr operator()(const ast::x3::forward_ast<ast::Unary>& x) const { return c->unary(x.get(), s); }
    Expr operator()(const ast::x3::forward_ast<ast::Expr>& x) const { return c->expr(x.get(), s); }
  };
  return boost::apply_visitor(Visitor{this, scope}, o);
}

Expr Checker::unary(const ast::Unary& u, Scope scope) {
  Expr inner = operand(u.operand, scope);
  if (u.ops.empty()) return inner;
  // Operators of one kind cancel in pairs, so long chains stay shallow.
  bool is_not = u.ops[0] == '!';
  const char* op = is_not ? "not" : "-";
  if (inner.type != Type::Error) {
    bool ok = is_not ? inner.type == Type::Bool : (is_number(inner.type) || inner.type == Type::Money);
    if (!ok) {
      diags_->error(u.loc, fmt::format("'{}' cannot apply to {}", op, type_name(inner.type)));
      return error_expr(u.loc);
    }
  }
  if (u.ops.size() % 2 == 0) return inner;
  Expr e;
  e.op = is_not ? Op::Not : Op::Neg;
  e.type = inner.type;
  e.loc = u.loc;
  e.args.push_back(std::move(inner));
  return e;
}

Expr Checker::name(const ast::Name& n, Scope scope) {
  Expr e;
  e.loc = n.loc;
  e.name = n.text;
  if (n.text == "severity") {
    e.op = Op::Severity;
    e.type = Type::Int;
    return e;
  }
  if (n.text == "date") {
    e.op = Op::BreachDate;
    e.type = Type::Date;
    return e;
  }
  auto it = values_.find(n.text);
  // days_in_post is an extension, not a reserved word: a v1 model may
  // declare the name itself, and then its own declaration wins.
  bool income = n.text == "relevant_income";
  if (income || (it == values_.end() && n.text == "days_in_post")) {
    if (scope != Scope::Person) {
      diags_->error(n.loc, fmt::format("{} is a person's: use it in 'where' or in a fine amount", n.text));
      return error_expr(n.loc);
    }
    e.op = income ? Op::Income : Op::DaysInPost;
    e.type = income ? Type::Money : Type::Int;
    return e;
  }
  if (it == values_.end()) {
    std::vector<std::string> candidates{"severity", "date"};
    if (scope == Scope::Person) {
      candidates.push_back("relevant_income");
      candidates.push_back("days_in_post");
    }
    for (const auto& [name, sym] : values_) candidates.push_back(name);
    std::string hint = closest_name(n.text, candidates);
    diags_->error(n.loc, hint.empty() ? fmt::format("unknown name '{}'", n.text)
                                     : fmt::format("unknown name '{}'; did you mean '{}'?", n.text, hint));
    return error_expr(n.loc);
  }
  const ValueSymbol& sym = it->second;
  if (sym.kind == ValueKind::Table) {
    diags_->error(n.loc, fmt::format("table '{}' needs a key: {}[KEY]", n.text, n.text));
    return error_expr(n.loc);
  }
  if (sym.kind == ValueKind::PersonFact) {
    if (scope != Scope::Person) {
      diags_->error(n.loc, fmt::format("person fact '{}' is only known in 'where' and fine amounts, where a person is being judged", n.text));
      return error_expr(n.loc);
    }
    const FactDef& def = m_.person_facts[sym.index];
    e.op = Op::PersonFact;
    e.type = def.type;
    e.percent = def.percent;
    e.index = sym.index;
    return e;
  }
  const FactDef& def = m_.facts[sym.index];
  e.op = Op::Fact;
  e.type = def.type;
  e.percent = def.percent;
  e.index = sym.index;
  if (used_facts_) used_facts_->insert(sym.index);
  return e;
}

// The common type of two operands of one family, or Error.
Type unify(Type a, Type b) {
  if (is_number(a) && is_number(b)) return a == Type::Int && b == Type::Int ? Type::Int : Type::Decimal;
  if (a == b && a != Type::Duration && a != Type::String) return a;
  return Type::Error;
}

Expr Checker::binary(const std::string& op, Expr lhs, Expr rhs, SourceLoc loc) {
  Expr e;
  e.loc = loc;
  Type a = lhs.type, b = rhs.type;
  bool poisoned = a == Type::Error || b == Type::Error;
  Type result = Type::Error;
  if (op == "or" || op == "and") {
    e.op = op == "or" ? Op::Or : Op::And;
    if (a == Type::Bool && b == Type::Bool) result = Type::Bool;
  } else if (op == "==" || op == "!=") {
    e.op = op == "==" ? Op::Eq : Op::Ne;
    if (unify(a, b) != Type::Error) result = Type::Bool;
  } else if (op == "<" || op == "<=" || op == ">" || op == ">=") {
    e.op = op == "<" ? Op::Lt : op == "<=" ? Op::Le : op == ">" ? Op::Gt : Op::Ge;
    Type u = unify(a, b);
    if (u != Type::Error && u != Type::Bool) result = Type::Bool;
  } else if (op == "+" || op == "-") {
    e.op = op == "+" ? Op::Add : Op::Sub;
    Type u = unify(a, b);
    if (is_number(u) || u == Type::Money) result = u;
  } else if (op == "*") {
    e.op = Op::Mul;
    if (is_number(a) && is_number(b)) result = unify(a, b);
    else if ((a == Type::Money && is_number(b)) || (is_number(a) && b == Type::Money)) result = Type::Money;
  } else if (op == "/") {
    e.op = Op::Div;
    if (is_number(a) && is_number(b)) result = Type::Decimal;
    else if (a == Type::Money && is_number(b)) result = Type::Money;
    else if (a == Type::Money && b == Type::Money) result = Type::Decimal;
  }
  if (result == Type::Error && !poisoned) {
    diags_->error(loc, fmt::format("operator '{}' cannot combine {} and {}", op, type_name(a), type_name(b)));
  }
  e.type = poisoned ? Type::Error : result;
  e.args.push_back(std::move(lhs));
  e.args.push_back(std::move(rhs));
  return e;
}

Expr Checker::call(const ast::Call& c, Scope scope) {
  Expr e;
  e.loc = c.loc;
  e.name = c.function.text;
  const std::string& f = c.function.text;
  for (const auto& a : c.args) e.args.push_back(expr(a, scope));
  bool poisoned = std::any_of(e.args.begin(), e.args.end(), [](const Expr& x) { return x.type == Type::Error; });
  auto fail = [&](std::string msg) {
    if (!poisoned) diags_->error(c.loc, std::move(msg));
    e.type = Type::Error;
    return e;
  };
  if (f == "prior_breaches") {
    e.op = Op::PriorBreaches;
    if (e.args.size() != 1 || e.args[0].op != Op::Const || e.args[0].type != Type::Duration) {
      return fail("prior_breaches takes one duration: prior_breaches(12 months)");
    }
    e.type = Type::Int;
    return e;
  }
  if (f == "min" || f == "max") {
    e.op = f == "min" ? Op::Min : Op::Max;
    if (e.args.size() < 2) return fail(fmt::format("{} takes two or more arguments", f));
    Type t = e.args[0].type;
    for (size_t i = 1; i < e.args.size() && t != Type::Error; ++i) t = unify(t, e.args[i].type);
    if (t == Type::Error || t == Type::Bool) return fail(fmt::format("the arguments of {} must be of one family (numbers, money or dates)", f));
    e.type = poisoned ? Type::Error : t;
    e.percent = std::all_of(e.args.begin(), e.args.end(), [](const Expr& x) { return x.percent; });
    return e;
  }
  e.op = f == "round_down" ? Op::RoundDown : Op::RoundUp;
  if (e.args.size() != 2) return fail(fmt::format("{} takes two arguments: {}(value, step)", f, f));
  Type t = unify(e.args[0].type, e.args[1].type);
  if (!(is_number(t) || t == Type::Money)) {
    return fail(fmt::format("{} needs a value and a step of one family (numbers or money)", f));
  }
  e.type = poisoned ? Type::Error : t;
  return e;
}

Expr Checker::index(const ast::Index& ix, Scope scope) {
  Expr e;
  e.op = Op::Lookup;
  e.loc = ix.loc;
  e.name = ix.table.text;
  Expr key = expr(ix.key, scope);
  auto it = values_.find(ix.table.text);
  if (it == values_.end() || it->second.kind != ValueKind::Table) {
    std::vector<std::string> tables;
    for (const auto& [name, sym] : values_) {
      if (sym.kind == ValueKind::Table) tables.push_back(name);
    }
    std::string hint = closest_name(ix.table.text, tables);
    diags_->error(ix.table.loc, hint.empty() ? fmt::format("unknown table '{}'", ix.table.text)
                                            : fmt::format("unknown table '{}'; did you mean '{}'?", ix.table.text, hint));
    return error_expr(ix.loc);
  }
  const Table& t = m_.tables[it->second.index];
  e.index = it->second.index;
  e.type = t.value_type;
  e.percent = t.percent;
  if (key.type != Type::Int && key.type != Type::Error) {
    diags_->error(ix.key.loc, fmt::format("a key of table '{}' must be an int, not {}", t.name, type_name(key.type)));
    e.type = Type::Error;
  }
  if (key.type == Type::Error) e.type = Type::Error;
  e.args.push_back(std::move(key));
  return e;
}

Expr Checker::if_expr(const ast::IfExpr& x, Scope scope) {
  Expr e;
  e.op = Op::If;
  e.loc = x.loc;
  e.args.push_back(typed(x.condition, scope, Type::Bool, "an 'if' condition"));
  e.args.push_back(expr(x.then_value, scope));
  e.args.push_back(expr(x.else_value, scope));
  Type a = e.args[1].type, b = e.args[2].type;
  if (a == Type::Error || b == Type::Error || e.args[0].type == Type::Error) {
    e.type = Type::Error;
    return e;
  }
  e.type = unify(a, b);
  if (e.type == Type::Error) {
    diags_->error(x.loc, fmt::format("the branches of 'if' must be of one family, not {} and {}", type_name(a), type_name(b)));
  }
  e.percent = e.args[1].percent && e.args[2].percent;
  return e;
}

}  // namespace

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(1, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(name, c);
    if (d < best_d || (d == best_d && !best.empty() && c < best)) {
      if (d < best_d) best_d = d;
      best = c;
    }
  }
  return best;
}

model::Model check_model(const std::vector<ast::File>& files, Diagnostics& diags,
                         const OrgSource& extra_orgs) {
  return Checker(diags).run(files, extra_orgs);
}

struct ScenarioChecker::Impl {
  std::mutex mu;
  Diagnostics scratch;
  Checker checker;
  explicit Impl(Model& m) : checker(scratch, m) {}
};

ScenarioChecker::ScenarioChecker(const model::Model& model)
    // The checker only reads the model when it checks scenarios.
    : impl_(std::make_unique<Impl>(const_cast<model::Model&>(model))) {}

ScenarioChecker::~ScenarioChecker() = default;

std::optional<model::Scenario> ScenarioChecker::check(const ast::Scenario& s, Diagnostics& diags) const {
  std::lock_guard lock(impl_->mu);
  impl_->checker.set_diagnostics(diags);
  int errors = diags.error_count();
  auto out = impl_->checker.check_scenario(s);
  if (diags.error_count() > errors) return std::nullopt;
  return out;
}

}  // namespace smr
