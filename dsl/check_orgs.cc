// The org pass: each `org` block's persons, incomes and dated edges.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <memory>

#include "dsl/check_context.h"
#include "dsl/check_literals.h"
#include "dsl/core/parallel.h"
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

bool delegation_targets(Diagnostics& diags, OrgBuilder& b, const ast::EdgeItem& e, Edge& edge) {
  edge.kind = EdgeKind::Delegates;
  edge.area = b.area(e.target.text, e.target.loc, "");
  if (!e.to) {
    diags.error(e.kind.loc, "delegates needs a delegate: delegates AREA to PERSON");
    return false;
  }
  edge.target = b.person(e.to->text, e.to->loc, "");
  return edge.area >= 0 && edge.target >= 0;
}

// The items of one person go through `b`, reporting into `diags` (the
// builder's own: a part's, when the persons are checked on several threads).
struct PersonChecker {
  OrgBuilder& b;
  Diagnostics& diags;
  const std::string& currency;

  void add_edge(int self, const ast::EdgeItem& e) const;
  void add_items(int self, const ast::Person& p) const;
};

void PersonChecker::add_edge(int self, const ast::EdgeItem& e) const {
  Edge edge;
  edge.person = self;
  edge.loc = e.loc;
  bool delegation = e.kind.value == ast::EdgeWord::Delegates;
  bool ok = delegation ? delegation_targets(diags, b, e, edge) : edge_targets(b, e, edge);
  if (!delegation && e.to) {
    diags.error(e.to->loc, fmt::format("'to' belongs to delegates, not to {}",
                                       ast::keyword_text(e.kind.value)));
    ok = false;
  }
  LiteralChecker literals(diags, currency);
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

void PersonChecker::add_items(int self, const ast::Person& p) const {
  bool seen_income = false;
  for (const auto& item : p.items) {
    if (const auto* inc = boost::get<ast::IncomeItem>(&item)) {
      if (seen_income) {
        diags.error(inc->keyword.loc,
                    fmt::format("relevant_income of '{}' is given twice", p.id.text));
      }
      seen_income = true;
      LiteralChecker literals(diags, currency);
      auto v = literals.typed(inc->amount, Type::Money, false, "relevant_income");
      if (v && v->number.is_negative()) {
        diags.error(inc->amount.loc, "relevant_income cannot be negative");
      } else if (v) {
        b.set_income(self, v->number);
      }
    } else if (const auto* e = boost::get<ast::EdgeItem>(&item)) {
      add_edge(self, *e);
    }
  }
}

// Checks the items of persons [0, count) of `by_index` in a part per job,
// each on a thread of its own (an org is otherwise checked on one core
// while the other idles). False, with nothing added, when a part reported
// a problem: messages must then be those of one pass in person order
// (the did-you-mean hints stop after a number of errors), so the caller
// checks them again on one thread.
bool add_items_in_parts(Context& c, OrgBuilder& b, const std::vector<ast::Person*>& by_index,
                        size_t count, size_t parts) {
  std::vector<size_t> first(parts + 1), rooms(parts);
  for (size_t k = 0; k <= parts; ++k) first[k] = count * k / parts;
  for (size_t k = 0; k < parts; ++k) {
    // Room for one edge per edge item, no more: resizing the edge list
    // touches its pages (a million incomes' room was 30 MB more memory).
    for (size_t i = first[k]; i < first[k + 1]; ++i) {
      for (const auto& item : by_index[i]->items) {
        rooms[k] += boost::get<ast::EdgeItem>(&item) != nullptr;
      }
    }
  }
  std::vector<Diagnostics> diags(parts);
  auto builders = b.parts(rooms, diags);
  auto run_parts = [&](const std::function<void(size_t)>& work) {
    TaskGroup workers;
    for (size_t k = 1; k < parts; ++k) {
      if (!workers.start([&, k] { work(k); })) work(k);  // no thread: here
    }
    work(0);
  };  // returns once every part is done
  run_parts([&](size_t k) {
    PersonChecker checker{*builders[k], diags[k], c.model.currency};
    for (size_t i = first[k]; i < first[k + 1]; ++i)
      checker.add_items(static_cast<int>(i), *by_index[i]);
  });
  bool clean = std::none_of(diags.begin(), diags.end(),
                            [](const Diagnostics& d) { return !d.all().empty(); });
  if (!clean) {
    b.drop_parts(builders);
    return false;
  }
  b.join_parts(builders);
  run_parts([&](size_t k) {
    for (size_t i = first[k]; i < first[k + 1]; ++i) release(by_index[i]->items);
  });
  return true;
}

// The persons' items (`by_index`, in person order), their syntax freed
// once read: a large org in parts (see add_items_in_parts), else in one pass.
void add_all_items(Context& c, OrgBuilder& b, const std::vector<ast::Person*>& by_index) {
  constexpr size_t kPartFrom = 4096;  // persons; fewer are checked on one thread
  size_t count = 0;
  while (count < by_index.size() && by_index[count]) ++count;
  size_t parts = c.jobs > 1 && count >= kPartFrom ? static_cast<size_t>(c.jobs) : 1;
  if (parts > 1 && add_items_in_parts(c, b, by_index, count, parts)) return;
  PersonChecker checker{b, c.diags, c.model.currency};
  for (size_t i = 0; i < count; ++i) {
    checker.add_items(static_cast<int>(i), *by_index[i]);
    release(by_index[i]->items);
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
    add_all_items(c, b, by_index);
    release(o->persons);
    c.model.orgs.push_back(b.finish());
  }
}

}  // namespace smr::check
