#include "dsl/check_scenarios.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/check_literals.h"
#include "dsl/core/index_table.h"
#include "dsl/core/parallel.h"
#include "dsl/core/small_set.h"
#include "dsl/core/spelling.h"
#include "dsl/tail_reader.h"

namespace smr::check {

using namespace model;

namespace {

// Sets the values a breach block gives, one `NAME VALUE;` at a time.
class BreachValues {
 public:
  BreachValues(const Model& m, const Symbols& symbols, Diagnostics& diags, ScenarioBreach& br)
      : m_(m), symbols_(symbols), diags_(diags), literals_(diags, m.currency), br_(br) {}

  // `person` is null for a breach fact.
  void set(const ast::FactValue& fv, PersonFactValues* person);
  bool has_severity() const { return has_severity_; }

 private:
  bool set_twice(const ast::FactValue& fv, PersonFactValues* person);
  void set_severity(const ast::FactValue& fv, PersonFactValues* person);
  void set_income(const ast::FactValue& fv, PersonFactValues* person);
  void unknown_fact(const ast::FactValue& fv, bool person);

  const Model& m_;
  const Symbols& symbols_;
  Diagnostics& diags_;
  LiteralChecker literals_;
  ScenarioBreach& br_;
  // (person or -1, name) of each value set (a breach may name 100,000 people).
  SmallSet<std::pair<int, std::string_view>> set_here_;
  bool has_severity_ = false;
};

bool BreachValues::set_twice(const ast::FactValue& fv, PersonFactValues* person) {
  if (set_here_.insert({person ? person->person : -1, fv.name.text})) return false;
  diags_.error(fv.name.loc, fmt::format("'{}' is set twice", fv.name.text));
  return true;
}

void BreachValues::set_severity(const ast::FactValue& fv, PersonFactValues* person) {
  if (person || fv.name.text == "date") {
    diags_.error(fv.name.loc, fv.name.text == "date"
                                  ? std::string("a breach's date is given by 'on DATE'")
                                  : std::string("severity belongs to the breach, not to a person"));
    return;
  }
  auto v = literals_.typed(fv.value, Type::Int, false, "severity");
  if (!v) return;
  has_severity_ = true;
  if (!v->number.is_integer() || v->number < Decimal::from_int32(1) ||
      v->number > Decimal::from_int32(5)) {
    diags_.error(fv.value.loc,
                 fmt::format("severity must be from 1 to 5, not {}", v->number.to_string()));
    return;
  }
  br_.severity = v->number.raw() / Decimal::kScale;
}

void BreachValues::set_income(const ast::FactValue& fv, PersonFactValues* person) {
  if (!person) {
    diags_.error(fv.name.loc,
                 "relevant_income belongs to a person: person P { relevant_income ...; }");
    return;
  }
  auto v = literals_.typed(fv.value, Type::Money, false, "relevant_income");
  if (v && v->number.is_negative()) {
    diags_.error(fv.value.loc, "relevant_income cannot be negative");
  } else if (v) {
    person->relevant_income = v->number;
  }
}

void BreachValues::unknown_fact(const ast::FactValue& fv, bool person) {
  if (symbols_.broken_values.count(fv.name.text)) return;  // its declaration's error was reported
  Spelling hint(fv.name.text);
  for (const auto& [name, sym] : symbols_.values) {
    if (sym.kind == (person ? ValueKind::PersonFact : ValueKind::Fact)) hint.consider(name);
  }
  diags_.error(fv.name.loc,
               unknown_name(person ? "person fact" : "fact", fv.name.text, hint.best()));
}

void BreachValues::set(const ast::FactValue& fv, PersonFactValues* person) {
  std::string_view n = fv.name.text;
  if (set_twice(fv, person)) return;
  if (n == "severity" || n == "date") return set_severity(fv, person);
  if (n == "relevant_income") return set_income(fv, person);
  auto it = symbols_.values.find(n);
  if (it == symbols_.values.end() || it->second.kind == ValueKind::Table)
    return unknown_fact(fv, person != nullptr);
  bool is_person_fact = it->second.kind == ValueKind::PersonFact;
  if (is_person_fact != (person != nullptr)) {
    diags_.error(fv.name.loc,
                 is_person_fact
                     ? fmt::format("'{}' is a person fact; set it inside person P {{ ... }}", n)
                     : fmt::format("'{}' is a breach fact; set it outside the person block", n));
    return;
  }
  const FactDef& def =
      is_person_fact ? m_.person_facts[it->second.index] : m_.facts[it->second.index];
  auto v = literals_.typed(fv.value, def.type, def.percent, "the value of", n);
  if (!v) return;
  if (person) {
    person->values[it->second.index] = v;
  } else {
    br_.give(it->second.index, *v);
  }
}

}  // namespace

const StringSet* ScenarioChecker::broken_persons(const Org& org) const {
  auto it = symbols_.broken_persons.find(org.id);
  return it == symbols_.broken_persons.end() ? nullptr : &it->second;
}

int ScenarioChecker::org_of(const ast::Scenario& s, Diagnostics& diags) const {
  if (s.org) return symbols_.orgs.resolve(*s.org, diags);
  if (m_.orgs.size() == 1) return 0;
  diags.error(s.title.loc,
              m_.orgs.empty()
                  ? std::string("the scenario has no org to run in (the model declares none)")
                  : fmt::format("the model has {} orgs; name one with 'in ORG'", m_.orgs.size()));
  return -1;
}

ScenarioBreach ScenarioChecker::breach(const Org& org, const ast::ScenarioBreach& b, int order,
                                       Diagnostics& diags) const {
  ScenarioBreach br;
  br.loc = b.loc;
  br.source_order = order;
  br.type = symbols_.breach_types.resolve(b.type, diags);
  LiteralChecker literals(diags, m_.currency);
  if (auto date = literals.date(b.date, "a breach date")) br.date = *date;
  BreachValues values(m_, symbols_, diags, br);
  for (const auto& item : b.items) {
    if (const auto* fv = boost::get<ast::FactValue>(&item)) {
      values.set(*fv, nullptr);
    } else if (const auto* pf = boost::get<ast::PersonFacts>(&item)) {
      int p = resolve_person(org, pf->person.text, pf->person.loc, diags, "", broken_persons(org));
      if (p < 0) continue;
      auto existing = std::find_if(br.persons.begin(), br.persons.end(),
                                   [&](const PersonFactValues& v) { return v.person == p; });
      if (existing == br.persons.end()) {
        br.persons.push_back(
            {p, std::vector<std::optional<Value>>(m_.person_facts.size()), std::nullopt});
        existing = br.persons.end() - 1;
      }
      size_t at = existing - br.persons.begin();
      for (const auto& pfi : pf->items) {
        if (const auto* fv = boost::get<ast::FactValue>(&pfi)) values.set(*fv, &br.persons[at]);
      }
    }
  }
  if (!values.has_severity() && !has_broken_item(b.items)) {
    diags.error(b.type.loc, fmt::format("breach '{}' does not set severity (1 to 5)", b.type.text));
  }
  needs_facts(br, b, diags);
  std::sort(br.persons.begin(), br.persons.end(),
            [](const auto& x, const auto& y) { return x.person < y.person; });
  return br;
}

void ScenarioChecker::needs_facts(const ScenarioBreach& br, const ast::ScenarioBreach& b,
                                  Diagnostics& diags) const {
  if (br.type < 0) return;
  for (int f : symbols_.needed_facts[br.type]) {
    if (br.gives(f) || m_.facts[f].default_value) continue;
    diags.error(b.type.loc, fmt::format("breach '{}' leaves fact '{}' unset, and it has no default",
                                        b.type.text, m_.facts[f].name));
  }
}

void ScenarioChecker::expectation(const Org& org, const ast::Expect& e, Scenario& sc,
                                  Diagnostics& diags) const {
  using W = ast::OutcomeWord;
  Expectation ex;
  ex.loc = e.loc;
  ex.person = resolve_person(org, e.person.text, e.person.loc, diags, "", broken_persons(org));
  if (ex.person < 0) return;
  auto dup = std::find_if(sc.expectations.begin(), sc.expectations.end(),
                          [&](const Expectation& x) { return x.person == ex.person; });
  if (dup != sc.expectations.end()) {
    diags.error(e.person.loc, fmt::format("a second expect for '{}'", e.person.text));
    diags.note(dup->loc, "the first is here");
    return;
  }
  bool none = false, ok = true;
  std::set<W> kinds;
  LiteralChecker literals(diags, m_.currency);
  for (const auto& it : e.items) {
    W k = it.kind.value;
    if (!kinds.insert(k).second) {
      diags.error(it.kind.loc, fmt::format("'{}' is listed twice", ast::keyword_text(k)));
      ok = false;
    }
    if (k == W::Fine) {
      if (!it.amount) {
        diags.error(it.kind.loc, "an expected fine needs its amount: fine 1_000 GBP");
        ok = false;
      } else if (written_fraction_digits(it.amount->text) > 2) {
        diags.error(it.amount->loc,
                    fmt::format("an expected fine has more decimal places than {} has "
                                "(2): a fine is rounded to them, so this could never hold",
                                m_.currency));
        ok = false;
      } else if (auto v = literals.typed(*it.amount, Type::Money, false, "an expected fine")) {
        ex.sanctions.fine = v->number;
      } else {
        ok = false;
      }
      continue;
    }
    if (it.amount) {
      diags.error(it.amount->loc, fmt::format("'{}' takes no amount", ast::keyword_text(k)));
      ok = false;
    }
    none = none || k == W::None;
    ex.sanctions.censure = ex.sanctions.censure || k == W::Censure;
    ex.sanctions.disqualification = ex.sanctions.disqualification || k == W::Disqualification;
    ex.sanctions.criminal = ex.sanctions.criminal || k == W::Criminal;
  }
  if (none && e.items.size() > 1) {
    diags.error(e.person.loc, "'none' cannot be combined with other outcomes");
    ok = false;
  }
  if (ok) sc.expectations.push_back(ex);
}

std::optional<Scenario> ScenarioChecker::check(const ast::Scenario& s, Diagnostics& diags) const {
  int errors = diags.error_count();
  Scenario sc;
  sc.title = s.title.text;
  sc.loc = s.title.loc;
  sc.org = org_of(s, diags);
  if (sc.org < 0) return std::nullopt;
  const Org& org = m_.orgs[sc.org];
  int order = 0;
  for (const auto& item : s.items) {
    if (const auto* b = boost::get<ast::ScenarioBreach>(&item)) {
      sc.breaches.push_back(breach(org, *b, order++, diags));
    } else if (const auto* e = boost::get<ast::Expect>(&item)) {
      expectation(org, *e, sc, diags);
    }
  }
  if (diags.error_count() > errors) return std::nullopt;
  return sc;
}

namespace {

// The model's scenarios as they are checked, in source order, each name
// once: a scenario named like an earlier one is reported as
// SymbolTable::declare reports a duplicate and left out, with the
// diagnostics of its check. Names are indexed by position (IndexTable).
class ScenarioList {
 public:
  ScenarioList(Context& c, size_t expected) : c_(c) {
    list_.reserve(expected);
    titles_.reserve(expected, title_of());
  }
  void add(std::string_view title, SourceLoc loc, std::optional<Scenario>&& checked,
           const Diagnostics& diags) {
    list_.push_back(checked ? std::move(*checked) : Scenario{std::string(title), -1, {}, {}, loc});
    int64_t first = titles_.insert(list_.size() - 1, title_of());
    if (first >= 0) {
      list_.pop_back();
      c_.symbols.scenarios.report_duplicate(title, loc, list_[first].loc, c_.diags);
      return;
    }
    c_.diags.append(diags);
  }
  std::vector<Scenario> take() { return std::move(list_); }

 private:
  struct TitleOf {
    const std::vector<Scenario>* list;
    std::string_view operator()(uint32_t i) const { return (*list)[i].title; }
  };
  TitleOf title_of() const { return {&list_}; }

  Context& c_;
  std::vector<Scenario> list_;
  IndexTable titles_;
};

// Checks the scenarios parsed with their files, [first, last) of
// Declarations::scenarios, on `jobs` threads; each is freed once checked.
void check_parsed(Context& c, const ScenarioChecker& checker, size_t first, size_t last,
                  ScenarioList& list) {
  struct Checked {
    std::optional<Scenario> scenario;
    Diagnostics diags;
  };
  const auto& parsed = c.decls.scenarios;
  size_t next = first;  // the scenario `consume` is given next
  ordered_parallel_map<Checked>(
      last - first, c.jobs, 256,
      [&](size_t i) {
        Checked out;
        out.scenario = checker.check(*parsed[first + i], out.diags);
        release(parsed[first + i]->items);
        return out;
      },
      [&](Checked&& done) {
        const ast::Scenario& s = *parsed[next++];
        list.add(s.title.text, s.title.loc, std::move(done.scenario), done.diags);
      });
}

// A scenario of a tail piece, checked.
struct TailScenario {
  std::string title;
  SourceLoc loc;
  std::optional<Scenario> scenario;
  Diagnostics diags;
};

// A tail piece's scenarios; not `clean` when the piece had a syntax error
// or a declaration other than a scenario.
struct TailPiece {
  std::vector<TailScenario> scenarios;
  bool clean = true;
};

// Parses, checks and frees piece `k` of `tail`.
TailPiece check_piece(const ScenarioChecker& checker, const ast::ScenarioTail& tail, size_t k) {
  TailPiece out;
  ParsedPiece parsed = tail.ahead ? tail.ahead->take(k) : parse_tail_piece(tail, k);
  out.clean = !parsed.syntax.has_errors();
  out.scenarios.reserve(parsed.decls.size());
  for (const auto& d : parsed.decls) {
    const auto* s = boost::get<ast::Scenario>(&d);
    if (!s) out.clean = false;
    if (!out.clean) break;
    TailScenario& t = out.scenarios.emplace_back();
    t.title = s->title.text;
    t.loc = s->title.loc;
    t.scenario = checker.check(*s, t.diags);
  }
  return out;
}

// Checks a file's scenario tail a piece at a time on `jobs` threads, in
// order. False when a piece is not clean.
bool check_tail(Context& c, const ScenarioChecker& checker, const ast::ScenarioTail& tail,
                ScenarioList& list) {
  // From here the checker's threads parse what was not read ahead.
  if (tail.ahead) tail.ahead->stop();
  std::atomic<bool> failed{false};
  ordered_parallel_map<TailPiece>(
      tail.pieces(), c.jobs, 1,
      [&](size_t k) {
        TailPiece piece;
        piece.clean = !failed;  // after a failure the rest is not worked out
        if (piece.clean) piece = check_piece(checker, tail, k);
        if (!piece.clean) failed = true;
        return piece;
      },
      [&](TailPiece&& piece) {
        if (failed) return;
        for (auto& t : piece.scenarios) list.add(t.title, t.loc, std::move(t.scenario), t.diags);
      });
  return !failed;
}

}  // namespace

void check_scenarios(Context& c) {
  // The scenarios do not depend on each other: a large model checks them on
  // `jobs` threads, each with its own diagnostics, merged in order. File by
  // file: the scenarios parsed with the file, then its tail, parsed as it is
  // checked (so the model's order is the files' order).
  ScenarioChecker checker(c.model, c.symbols);
  const auto& parsed = c.decls.scenarios;
  size_t expected = parsed.size();
  for (const auto* tail : c.decls.tails) expected += tail->scenarios;
  ScenarioList list(c, expected);
  size_t next = 0;
  for (const auto* tail : c.decls.tails) {
    size_t until = next;
    while (until < parsed.size() && parsed[until]->title.loc.file <= tail->file_id) ++until;
    check_parsed(c, checker, next, until, list);
    next = until;
    if (!check_tail(c, checker, *tail, list)) {
      c.tail_failed = true;
      return;
    }
  }
  check_parsed(c, checker, next, parsed.size(), list);
  c.model.scenarios = list.take();
}

}  // namespace smr::check
