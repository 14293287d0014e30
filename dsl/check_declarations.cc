// The declaration passes: the regime, functions, responsibilities, facts,
// tables and breach types.
#include <fmt/format.h>

#include <map>
#include <set>

#include "dsl/check_context.h"
#include "dsl/check_literals.h"

namespace smr::check {

using namespace model;

void check_regime(Context& c) {
  const auto& regimes = c.decls.regimes;
  if (regimes.empty()) {
    // The regime may be in an unreadable file, or be the declaration broken
    // by a syntax error.
    if (c.decls.some_file_unreadable || c.decls.broken.count("regime")) return;
    c.diags.error({c.decls.first_file, 0, 0},
                  "the model has no regime declaration (exactly one is required)");
    return;
  }
  for (size_t i = 1; i < regimes.size(); ++i) {
    c.diags.error(regimes[i]->loc, "a model has exactly one regime; this is a second one");
    c.diags.note(regimes[0]->loc, "the first regime is declared here");
  }
  const ast::Regime& r = *regimes[0];
  c.model.regime_title = r.title.text;
  c.model.regime_loc = r.loc;
  std::set<ast::RegimeKey> seen;
  for (const auto& item : r.items) {
    if (const auto* f = boost::get<ast::Fallbacks>(&item); f && !seen.insert(f->key.value).second) {
      c.diags.error(f->key.loc, "regime setting 'unallocated' is given twice");
    }
    const auto* s = boost::get<ast::RegimeSetting>(&item);
    if (!s) continue;
    if (!seen.insert(s->key.value).second) {
      c.diags.error(s->key.loc, fmt::format("regime setting '{}' is given twice",
                                            ast::keyword_text(s->key.value)));
      continue;
    }
    std::string_view value = s->value.text;
    switch (s->key.value) {
      case ast::RegimeKey::Version:
        c.model.version = value;
        break;
      case ast::RegimeKey::Fines:
        c.model.fines_max = value == "max";
        break;
      case ast::RegimeKey::Unallocated:
        break;  // a function: resolved once functions are known
      case ast::RegimeKey::Currency: {
        bool code = value.size() == 3 && std::all_of(value.begin(), value.end(), [](char ch) {
                      return ch >= 'A' && ch <= 'Z';
                    });
        if (code) {
          c.model.currency = value;
        } else {
          c.diags.error(s->value.loc,
                        fmt::format("currency '{}' is not a 3-letter upper-case code", value));
        }
        break;
      }
    }
  }
  if (!seen.count(ast::RegimeKey::Currency) && !has_broken_item(r.items)) {
    c.diags.error(r.title.loc, "the regime does not declare its currency");
  }
}

void check_functions_and_areas(Context& c) {
  for (const auto* f : c.decls.functions) {
    if (!c.symbols.functions.declare(f->name.text, f->name.loc, c.model.functions.size(), c.diags))
      continue;
    c.model.functions.push_back(
        {std::string(f->name.text), ast::text_of(f->title), f->board.has_value(), f->name.loc});
  }
  for (const auto* a : c.decls.areas) {
    if (!c.symbols.areas.declare(a->name.text, a->name.loc, c.model.areas.size(), c.diags))
      continue;
    c.model.areas.push_back({std::string(a->name.text), ast::text_of(a->title),
                             a->prescribed.has_value(), a->name.loc});
  }
  if (c.decls.regimes.empty()) return;
  const ast::Fallbacks* fallbacks = nullptr;
  for (const auto& item : c.decls.regimes[0]->items) {
    if (const auto* f = boost::get<ast::Fallbacks>(&item); f && !fallbacks) fallbacks = f;
  }
  if (!fallbacks) return;
  std::set<int> listed;
  for (const auto& name : fallbacks->functions) {
    int f = c.symbols.functions.resolve(name, c.diags);
    if (f < 0) continue;
    if (!listed.insert(f).second) {
      c.diags.error(name.loc, fmt::format("function '{}' is listed twice", name.text));
      continue;
    }
    c.model.fallback_functions.push_back(f);
  }
}

namespace {

bool declare_value(Context& c, const ast::Word& name, ValueKind kind, int index) {
  auto [it, inserted] = c.symbols.values.emplace(name.text, ValueSymbol{kind, index, name.loc});
  if (!inserted) {
    c.diags.error(
        name.loc,
        fmt::format("duplicate name '{}' (facts, person facts and tables share one namespace)",
                    name.text));
    c.diags.note(it->second.loc, fmt::format("'{}' was first declared here", name.text));
  }
  return inserted;
}

void check_fact(Context& c, const ast::FactDecl& f) {
  bool person = f.kind.value == ast::FactKind::PersonFact;
  auto& list = person ? c.model.person_facts : c.model.facts;
  if (!declare_value(c, f.name, person ? ValueKind::PersonFact : ValueKind::Fact, list.size()))
    return;
  auto [type, percent] = declared_type(f.type.value);
  FactDef def{std::string(f.name.text), type, percent, std::nullopt, f.name.loc};
  if (f.default_value) {
    LiteralChecker literals(c.diags, c.model.currency);
    def.default_value =
        literals.typed(*f.default_value, def.type, def.percent, "the default of", def.name);
  }
  list.push_back(std::move(def));
}

void check_table_entry(Context& c, const Table& table, TableVersion& version,
                       const ast::TableEntry& e, std::map<int64_t, SourceLoc>& keys) {
  LiteralChecker literals(c.diags, c.model.currency);
  auto k = literals.value(e.key);
  if (!k) return;
  if (k->type != Type::Int) {
    c.diags.error(e.key.loc,
                  fmt::format("table keys are integer literals, not {}", type_name(k->type)));
    return;
  }
  int64_t key = k->number.raw() / Decimal::kScale;
  auto [it, inserted] = keys.emplace(key, e.key.loc);
  if (!inserted) {
    c.diags.error(e.key.loc, fmt::format("duplicate key {} in table '{}'", key, table.name));
    c.diags.note(it->second, "the key first appears here");
    return;
  }
  if (auto v = literals.typed(e.value, table.value_type, table.percent, "a table value"))
    version.entries[key] = *v;
}

// One block of entries (and its own optional default).
TableVersion table_version(Context& c, const Table& table,
                           const std::vector<ast::TableItem>& items) {
  TableVersion version;
  std::map<int64_t, SourceLoc> keys;
  for (const auto& item : items) {
    if (const auto* e = boost::get<ast::TableEntry>(&item)) {
      check_table_entry(c, table, version, *e, keys);
    } else if (const auto* d = boost::get<ast::TableDefault>(&item)) {
      if (version.default_value) {
        c.diags.error(d->keyword.loc,
                      fmt::format("a block of table '{}' has a second default", table.name));
      } else {
        LiteralChecker literals(c.diags, c.model.currency);
        version.default_value =
            literals.typed(d->value, table.value_type, table.percent, "a table default");
      }
    }
  }
  return version;
}

void check_table(Context& c, const ast::TableDecl& t) {
  if (!declare_value(c, t.name, ValueKind::Table, c.model.tables.size())) return;
  Table table{std::string(t.name.text), Type::Error, false, {}, t.name.loc};
  if (t.key_type.value != ast::TypeName::Int)
    c.diags.error(t.key_type.loc, "table keys must be of type int");
  std::tie(table.value_type, table.percent) = declared_type(t.value_type.value);
  table.versions.push_back(table_version(c, table, t.items));
  LiteralChecker literals(c.diags, c.model.currency);
  for (const auto& block : t.later) {
    TableVersion version = table_version(c, table, block.items);
    auto from = literals.date(block.from, "a table block's 'from'");
    if (!from) continue;
    version.from = *from;
    if (table.versions.size() > 1 && !(table.versions.back().from < version.from)) {
      c.diags.error(
          block.from.loc,
          fmt::format("the blocks of table '{}' must start on increasing dates; "
                      "{} is not after {}",
                      table.name, from->to_string(), table.versions.back().from.to_string()));
      continue;
    }
    table.versions.push_back(std::move(version));
  }
  c.model.tables.push_back(std::move(table));
}

}  // namespace

void check_values(Context& c) {
  for (const ast::Decl* decl : c.decls.values) {
    if (const auto* f = boost::get<ast::FactDecl>(decl)) check_fact(c, *f);
    if (const auto* t = boost::get<ast::TableDecl>(decl)) check_table(c, *t);
  }
}

void check_breach_types(Context& c) {
  for (const auto* b : c.decls.breaches) {
    if (!c.symbols.breach_types.declare(b->name.text, b->name.loc, c.model.breach_types.size(),
                                        c.diags))
      continue;
    BreachType bt{std::string(b->name.text), ast::text_of(b->title), -1, b->name.loc};
    bool seen_area = false;
    for (const auto& item : b->items) {
      const auto* a = boost::get<ast::AreaClause>(&item);
      if (!a) continue;
      if (seen_area) {
        c.diags.error(a->keyword.loc, fmt::format("breach type '{}' names its area twice", bt.id));
        continue;
      }
      seen_area = true;
      bt.area = c.symbols.areas.resolve(a->area, c.diags);
    }
    if (!seen_area && !has_broken_item(b->items)) {
      c.diags.error(b->name.loc, fmt::format("breach type '{}' has no area", bt.id));
    }
    c.model.breach_types.push_back(std::move(bt));
  }
}

}  // namespace smr::check
