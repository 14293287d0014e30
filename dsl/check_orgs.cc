// The org pass: each `org` block's persons, incomes and dated edges.
#include <fmt/format.h>

#include "dsl/check_context.h"
#include "dsl/check_literals.h"
#include "dsl/org_builder.h"

namespace smr::check {

using namespace model;

namespace {

// Resolves an edge's names by kind; false when something is wrong (reported).
bool edge_targets(OrgBuilder& b, const ast::EdgeItem& e, Edge& edge) {
  switch (e.kind.value) {
    case ast::EdgeWord::ReportsTo:
      edge.kind = EdgeKind::ReportsTo;
      edge.target = b.person(e.target.text, e.target.loc, "");
      break;
    case ast::EdgeWord::Holds:
      edge.kind = EdgeKind::Holds;
      edge.target = b.function(e.target.text, e.target.loc, "");
      break;
    case ast::EdgeWord::ResponsibleFor:
      edge.kind = EdgeKind::ResponsibleFor;
      edge.target = b.area(e.target.text, e.target.loc, "");
      break;
    case ast::EdgeWord::Delegates:
      return true;
  }
  return edge.target >= 0;
}

bool delegation_targets(Context& c, OrgBuilder& b, const ast::EdgeItem& e, Edge& edge) {
  edge.kind = EdgeKind::Delegates;
  edge.area = b.area(e.target.text, e.target.loc, "");
  if (!e.to) {
    c.diags.error(e.kind.loc, "delegates needs a delegate: delegates AREA to PERSON");
    return false;
  }
  edge.target = b.person(e.to->text, e.to->loc, "");
  return edge.area >= 0 && edge.target >= 0;
}

void add_edge(Context& c, OrgBuilder& b, int self, const ast::EdgeItem& e) {
  Edge edge;
  edge.person = self;
  edge.loc = e.loc;
  bool delegation = e.kind.value == ast::EdgeWord::Delegates;
  bool ok = delegation ? delegation_targets(c, b, e, edge) : edge_targets(b, e, edge);
  if (!delegation && e.to) {
    c.diags.error(e.to->loc, fmt::format("'to' belongs to delegates, not to {}",
                                         ast::keyword_text(e.kind.value)));
    ok = false;
  }
  LiteralChecker literals(c.diags, c.model.currency);
  if (e.from) {
    auto d = literals.date(*e.from, "'from'");
    ok = ok && d.has_value();
    if (d) edge.when.from = *d;
  }
  if (e.until) {
    auto d = literals.date(*e.until, "'until'");
    ok = ok && d.has_value();
    if (d) edge.when.until = *d;
  }
  ok = ok && b.valid_interval(edge.when, e.from.has_value(), e.until.has_value(),
                              e.until ? e.until->loc : e.loc, "");
  if (ok) b.add_edge(edge);
}

void add_person_items(Context& c, OrgBuilder& b, int self, const ast::Person& p) {
  bool seen_income = false;
  for (const auto& item : p.items) {
    if (const auto* inc = boost::get<ast::IncomeItem>(&item)) {
      if (seen_income) {
        c.diags.error(inc->keyword.loc,
                      fmt::format("relevant_income of '{}' is given twice", p.id.text));
      }
      seen_income = true;
      LiteralChecker literals(c.diags, c.model.currency);
      auto v = literals.typed(inc->amount, Type::Money, false, "relevant_income");
      if (v && v->number.is_negative()) {
        c.diags.error(inc->amount.loc, "relevant_income cannot be negative");
      } else if (v) {
        b.set_income(self, v->number);
      }
    } else if (const auto* e = boost::get<ast::EdgeItem>(&item)) {
      add_edge(c, b, self, *e);
    }
  }
}

}  // namespace

void check_orgs(Context& c) {
  for (auto* o : c.decls.orgs) {
    if (!c.symbols.orgs.declare(o->name.text, o->name.loc, c.model.orgs.size(), c.diags)) continue;
    OrgBuilder b(c.symbols, c.diags, std::string(o->name.text), ast::text_of(o->title),
                 o->name.loc);
    std::vector<ast::Person*> persons;
    size_t edges = 0;
    for (const auto& item : o->persons) {
      if (const auto* p = boost::get<ast::Person>(&item)) edges += p->items.size();
    }
    b.reserve(o->persons.size(), edges);
    for (auto& item : o->persons) {
      if (auto* p = boost::get<ast::Person>(&item)) {
        b.add_person(p->id.text, std::string(p->name ? p->name->text : p->id.text), p->id.loc);
        persons.push_back(p);
      } else if (const auto* e = boost::get<ast::ErrorNode>(&item); e && e->keyword == "person") {
        c.symbols.broken_persons[std::string(o->name.text)].emplace(e->name);  // reported already
      }
    }
    std::vector<int> index = b.index_persons();
    // Edges in person id order, then source order within a person.
    std::vector<ast::Person*> by_index(persons.size(), nullptr);
    for (size_t i = 0; i < persons.size(); ++i) {
      if (index[i] >= 0) by_index[index[i]] = persons[i];
    }
    for (size_t i = 0; i < by_index.size() && by_index[i]; ++i) {
      add_person_items(c, b, i, *by_index[i]);
      release(by_index[i]->items);
    }
    release(o->persons);
    c.model.orgs.push_back(b.finish());
  }
}

}  // namespace smr::check
