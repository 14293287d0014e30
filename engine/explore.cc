#include "engine/explore.h"

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <unordered_set>

#include "dsl/core/parallel.h"
#include "engine/evaluator.h"
#include "engine/selection.h"

namespace smr {
namespace {

using model::Expr;
using model::Op;
using model::Type;
using model::Value;

bool is_comparison(Op op) {
  return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt ||
         op == Op::Ge;
}

bool value_less(const Value& a, const Value& b) {
  if (a.type != b.type) return a.type < b.type;
  if (a.type == Type::Date) return a.date < b.date;
  if (a.type == Type::Bool) return a.boolean < b.boolean;
  return a.number < b.number;
}
bool value_equal(const Value& a, const Value& b) { return !value_less(a, b) && !value_less(b, a); }

// What the rules of both versions compare with: values either side of each
// constant a fact is compared with, table keys a fact looks up, dates, and
// the windows of prior_breaches / prior_sanctions.
struct Boundaries {
  std::map<std::string, std::vector<Value>> values;  // by fact name
  std::set<Date> dates;
  std::vector<Duration> windows;

  void add_number(const std::string& name, const Value& c) {
    Decimal step = c.type == Type::Int ? *Decimal::from_int(1) : *Decimal::parse("0.01");
    auto& out = values[name];
    out.push_back(c);
    for (auto v : {subtract(c.number, step), add(c.number, step)}) {
      if (!v) continue;
      Value x = c;
      x.number = *v;
      out.push_back(x);
    }
  }

  void add_date(Date d) {
    dates.insert(d);
    dates.insert(Date::from_days(d.days() - 1));
  }

  void visit(const model::Model& m, const Expr& root) {
    model::any_node(root, [&](const Expr& e) {
      if (e.op == Op::Const && e.constant.type == Type::Date) add_date(e.constant.date);
      if (e.op == Op::PriorBreaches || e.op == Op::PriorSanctions)
        windows.push_back(e.args[0].constant.duration);
      if (e.op == Op::Lookup && is_fact(e.args[0])) {
        for (const auto& version : m.tables[e.index].versions) {
          for (const auto& [key, value] : version.entries) {
            Value k;
            k.type = Type::Int;
            k.number = *Decimal::from_int(key);
            values[e.args[0].name].push_back(k);
          }
        }
      }
      if (is_comparison(e.op) && e.args.size() == 2) {
        for (int side = 0; side < 2; ++side) {
          const Expr& a = e.args[side];
          const Expr& b = e.args[1 - side];
          if (is_fact(a) && b.op == Op::Const && b.constant.type != Type::Date &&
              b.constant.type != Type::Bool)
            add_number(a.name, b.constant);
        }
      }
      return false;
    });
  }

  static bool is_fact(const Expr& e) { return e.op == Op::Fact || e.op == Op::PersonFact; }

  void visit_model(const model::Model& m) {
    for (const auto& rule : m.rules) {
      for (const auto& let : rule.lets) visit(m, let.value);
      if (rule.when) visit(m, *rule.when);
      for (const auto& c : rule.clauses) {
        if (c.where) visit(m, *c.where);
        if (c.amount) visit(m, *c.amount);
      }
    }
    if (m.fine_cap) visit(m, *m.fine_cap);
    for (const auto& t : m.tables) {
      for (const auto& v : t.versions) {
        if (v.from != Date::min()) add_date(v.from);
      }
    }
  }
};

Value zero_of(const model::FactDef& f) {
  Value v;
  v.type = f.type;
  v.percent = f.percent;
  return v;
}

// A fact's value when it is not varied, and the values it is varied to.
struct FactSpace {
  std::string name;
  Value baseline;
  std::vector<Value> others;
};

std::vector<FactSpace> fact_spaces(const std::vector<model::FactDef>& defs,
                                   const Boundaries& bounds) {
  std::vector<FactSpace> out;
  for (const auto& f : defs) {
    FactSpace s{f.name, f.default_value.value_or(zero_of(f)), {}};
    std::vector<Value> all;
    if (f.type == Type::Bool) {
      for (bool b : {false, true}) {
        Value v = zero_of(f);
        v.boolean = b;
        all.push_back(v);
      }
    } else if (auto it = bounds.values.find(f.name); it != bounds.values.end()) {
      for (Value v : it->second) {
        if (!model::is_number(f.type) && f.type != Type::Money) continue;
        if (v.number.is_negative()) continue;
        if (f.type == Type::Int && !v.number.is_integer()) continue;
        v.type = f.type;
        v.percent = f.percent;
        all.push_back(v);
      }
    }
    std::sort(all.begin(), all.end(), value_less);
    all.erase(std::unique(all.begin(), all.end(), value_equal), all.end());
    for (const auto& v : all) {
      if (!value_equal(v, s.baseline)) s.others.push_back(v);
    }
    out.push_back(std::move(s));
  }
  return out;
}

// One (fact, value) of a flattened list of variations.
struct Variation {
  int fact = -1;
  Value value;
};

std::vector<Variation> flatten(const std::vector<FactSpace>& spaces) {
  std::vector<Variation> out;
  for (size_t f = 0; f < spaces.size(); ++f) {
    for (const auto& v : spaces[f].others) out.push_back({static_cast<int>(f), v});
  }
  return out;
}

uint64_t times(uint64_t a, uint64_t b) {
  if (a && b > UINT64_MAX / a) return UINT64_MAX;
  return a * b;
}

constexpr int kReachedSlots = 3;  // people per breach whose facts are varied

}  // namespace

int Probe::size() const {
  int n = static_cast<int>(breaches.size()) * 1000;
  for (const auto& b : breaches) n += static_cast<int>(b.facts.size() + b.person_facts.size());
  return n;
}

size_t ExploreResult::lenient_scenarios() const {
  return static_cast<size_t>(
      std::count_if(distinguishing.begin(), distinguishing.end(),
                    [](const Distinguishing& d) { return !d.lenient.empty(); }));
}

bool instantiate(const model::Model& m, const Probe& probe, model::Scenario* out) {
  out->org = -1;
  for (size_t o = 0; o < m.orgs.size(); ++o) {
    if (m.orgs[o].id == probe.org) out->org = static_cast<int>(o);
  }
  if (out->org < 0) return false;
  const model::Org& org = m.orgs[out->org];
  out->breaches.clear();
  for (const auto& pb : probe.breaches) {
    model::ScenarioBreach b;
    for (size_t t = 0; t < m.breach_types.size(); ++t) {
      if (m.breach_types[t].id == pb.type) b.type = static_cast<int>(t);
    }
    if (b.type < 0) return false;
    b.date = pb.date;
    b.severity = pb.severity;
    b.source_order = static_cast<int>(out->breaches.size());
    for (size_t f = 0; f < m.facts.size(); ++f) {
      auto given = std::find_if(pb.facts.begin(), pb.facts.end(),
                                [&](const auto& x) { return x.first == m.facts[f].name; });
      if (given != pb.facts.end() && given->second.type == m.facts[f].type) {
        b.give(static_cast<int>(f), given->second);
      } else if (!m.facts[f].default_value) {
        b.give(static_cast<int>(f), zero_of(m.facts[f]));
      }
    }
    for (const auto& pf : pb.person_facts) {
      int person = org.find_person(pf.person);
      auto def = std::find_if(m.person_facts.begin(), m.person_facts.end(),
                              [&](const auto& d) { return d.name == pf.fact; });
      if (person < 0 || def == m.person_facts.end() || def->type != pf.value.type) continue;
      auto it = std::find_if(b.persons.begin(), b.persons.end(),
                             [&](const auto& v) { return v.person == person; });
      if (it == b.persons.end()) {
        b.persons.push_back({person, std::vector<std::optional<Value>>(m.person_facts.size()), {}});
        it = b.persons.end() - 1;
      }
      it->values[def - m.person_facts.begin()] = pf.value;
    }
    std::sort(b.persons.begin(), b.persons.end(),
              [](const auto& x, const auto& y) { return x.person < y.person; });
    out->breaches.push_back(std::move(b));
  }
  return true;
}

namespace {

// The probes of one org, by layer and index: one breach at its baseline;
// one breach fact varied; one person fact of one reached person varied;
// two breaches either side of a rule's window.
class ProbeSpace {
 public:
  ProbeSpace(const Compilation& base, const Compilation& head, int org) : head_(head), org_(org) {
    const model::Model& m = head.model;
    for (const auto& t : m.breach_types) {
      bool shared = std::any_of(base.model.breach_types.begin(), base.model.breach_types.end(),
                                [&](const auto& b) { return b.id == t.id; });
      if (shared) types_.push_back(&t - m.breach_types.data());
    }
    Boundaries bounds;
    bounds.visit_model(base.model);
    bounds.visit_model(m);
    for (const auto& e : m.orgs[org].edges) {
      if (e.when.from != Date::min()) bounds.add_date(e.when.from);
      if (e.when.until != Date::max()) bounds.add_date(e.when.until);
    }
    dates_.assign(bounds.dates.begin(), bounds.dates.end());
    if (dates_.empty()) dates_.push_back(*Date::parse("2024-01-01"));
    facts_ = fact_spaces(m.facts, bounds);
    person_facts_ = fact_spaces(m.person_facts, bounds);
    fact_variations_ = flatten(facts_);
    person_variations_ = flatten(person_facts_);
    std::sort(bounds.windows.begin(), bounds.windows.end(), [](const auto& a, const auto& b) {
      return std::tie(a.unit, a.amount) < std::tie(b.unit, b.amount);
    });
    for (const auto& w : bounds.windows) {
      if (windows_.empty() || windows_.back().unit != w.unit || windows_.back().amount != w.amount)
        windows_.push_back(w);
    }
  }

  static constexpr int kLayers = 4;
  uint64_t layer_size(int layer) const {
    uint64_t base = times(times(types_.size(), dates_.size()), 5);
    switch (layer) {
      case 0:
        return base;
      case 1:
        return times(base, fact_variations_.size());
      case 2:
        return times(times(base, kReachedSlots), person_variations_.size());
      default:
        return times(times(base, windows_.size()), 2);
    }
  }

  // The probe at `index` of `layer`; nullopt when its slot is empty (a
  // breach that reaches fewer people than the slot asks for).
  std::optional<Probe> probe(int layer, uint64_t index) const {
    uint64_t sev = index % 5, rest = index / 5;
    uint64_t date = rest % dates_.size();
    rest /= dates_.size();
    uint64_t type = rest % types_.size();
    rest /= types_.size();
    Probe p;
    p.org = head_.model.orgs[org_].id;
    ProbeBreach b = breach(type, dates_[date], static_cast<int64_t>(sev) + 1);
    if (layer == 1) {
      const Variation& v = fact_variations_[rest];
      b.facts.push_back({facts_[v.fact].name, v.value});
    } else if (layer == 2) {
      uint64_t slot = rest % kReachedSlots;
      const Variation& v = person_variations_[rest / kReachedSlots];
      std::vector<int> reached = reached_by(types_[type], b.date);
      if (slot >= reached.size()) return std::nullopt;
      b.person_facts.push_back(
          {head_.model.orgs[org_].persons[reached[slot]].id, person_facts_[v.fact].name, v.value});
    } else if (layer == 3) {
      return pair_probe(std::move(p), b, rest);
    }
    p.breaches.push_back(std::move(b));
    return p;
  }

 private:
  ProbeBreach breach(uint64_t type, Date date, int64_t severity) const {
    ProbeBreach b;
    b.type = head_.model.breach_types[types_[type]].id;
    b.date = date;
    b.severity = severity;
    return b;
  }

  // Accountable first, then delegates, then managers: the people whose
  // facts a rule most likely reads.
  std::vector<int> reached_by(int64_t type, Date date) const {
    const OrgGraph& g = head_.graph(org_);
    int area = head_.model.breach_types[type].area;
    std::vector<Selected> acc = g.accountable(area, date);
    std::vector<int> out;
    auto take = [&](const std::vector<Selected>& some) {
      for (const auto& s : some) {
        if (out.size() < kReachedSlots && std::find(out.begin(), out.end(), s.person) == out.end())
          out.push_back(s.person);
      }
    };
    take(acc);
    take(g.delegates(acc, area, date));
    take(g.managers(acc, 1, date));
    return out;
  }

  // A second breach of the same type just inside, or just outside, a
  // rule's window after the first.
  std::optional<Probe> pair_probe(Probe p, const ProbeBreach& first, uint64_t rest) const {
    const Duration& w = windows_[(rest / 2) % windows_.size()];
    bool inside = rest % 2 == 0;
    // The first date whose window no longer reaches back to the first breach.
    int32_t day = first.date.days() + 1;
    while (w.before(Date::from_days(day)) <= first.date && day < first.date.days() + 40000) ++day;
    ProbeBreach second = first;
    second.date = Date::from_days(inside ? day - 1 : day);
    p.breaches.push_back(first);
    p.breaches.push_back(std::move(second));
    return p;
  }

  const Compilation& head_;
  int org_;
  std::vector<int64_t> types_;
  std::vector<Date> dates_;
  std::vector<FactSpace> facts_, person_facts_;
  std::vector<Variation> fact_variations_, person_variations_;
  std::vector<Duration> windows_;
};

// `count` distinct indices of [0, size), sorted; the same for a seed.
std::vector<uint64_t> sample(uint64_t size, uint64_t count, uint64_t seed) {
  std::vector<uint64_t> out;
  if (count >= size) {
    for (uint64_t i = 0; i < size; ++i) out.push_back(i);
    return out;
  }
  std::mt19937_64 rng(seed);
  std::unordered_set<uint64_t> chosen;
  for (uint64_t j = size - count; j < size; ++j) {  // Floyd's algorithm
    uint64_t t = std::uniform_int_distribution<uint64_t>(0, j)(rng);
    chosen.insert(chosen.count(t) ? j : t);
  }
  out.assign(chosen.begin(), chosen.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> more_lenient(const std::vector<PersonChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) {
    const auto &b = c.before, &a = c.after;
    bool lost = (b.censure && !a.censure) || (b.disqualification && !a.disqualification) ||
                (b.criminal && !a.criminal);
    bool lower = b.fine && (!a.fine || *a.fine < *b.fine);
    if (lost || lower) out.push_back(c.person);
  }
  return out;
}

// Evaluates one probe under both versions; a Distinguishing when they differ.
std::optional<Distinguishing> compare(const Compilation& base, const Compilation& head,
                                      const Probe& probe) {
  model::Scenario base_sc, head_sc;
  if (!instantiate(base.model, probe, &base_sc) || !instantiate(head.model, probe, &head_sc))
    return std::nullopt;
  ScenarioResult before = evaluate_scenario(base.model, base.graph(base_sc.org), base_sc, {});
  ScenarioResult after = evaluate_scenario(head.model, head.graph(head_sc.org), head_sc, {});
  if (before.error || after.error) return std::nullopt;
  ScenarioDiff d = diff_scenario(base.model, before, head.model, after, 0);
  if (d.changes.empty()) return std::nullopt;
  Distinguishing out{probe, std::move(d.changes), {}};
  out.lenient = more_lenient(out.changes);
  return out;
}

}  // namespace

ExploreResult explore(const Compilation& base, const Compilation& head,
                      const ExploreOptions& options) {
  struct Item {
    const ProbeSpace* space;
    int layer;
    uint64_t index;
  };
  std::vector<std::unique_ptr<ProbeSpace>> spaces;
  for (size_t o = 0; o < head.model.orgs.size(); ++o) {
    bool shared = std::any_of(base.model.orgs.begin(), base.model.orgs.end(),
                              [&](const auto& b) { return b.id == head.model.orgs[o].id; });
    if (shared) spaces.push_back(std::make_unique<ProbeSpace>(base, head, static_cast<int>(o)));
  }
  std::vector<Item> items;
  uint64_t budget = static_cast<uint64_t>(std::max<int64_t>(0, options.max));
  for (int layer = 0; layer < ProbeSpace::kLayers; ++layer) {
    for (const auto& space : spaces) {
      uint64_t left = budget - items.size();
      if (left == 0) break;
      uint64_t seed = options.seed * 1'000'003 + static_cast<uint64_t>(layer) * 7919 + items.size();
      for (uint64_t i : sample(space->layer_size(layer), left, seed))
        items.push_back({space.get(), layer, i});
    }
  }
  ExploreResult result;
  using Outcome = std::pair<bool, std::optional<Distinguishing>>;  // (explored, found)
  ordered_parallel_map<Outcome>(
      items.size(), options.jobs, 256,
      [&](size_t i) -> Outcome {
        auto probe = items[i].space->probe(items[i].layer, items[i].index);
        if (!probe) return {false, std::nullopt};
        return {true, compare(base, head, *probe)};
      },
      [&](Outcome&& o) {
        result.explored += o.first;
        if (o.second) result.distinguishing.push_back(std::move(*o.second));
      });
  std::stable_sort(result.distinguishing.begin(), result.distinguishing.end(),
                   [](const Distinguishing& a, const Distinguishing& b) {
                     return a.probe.size() < b.probe.size();
                   });
  return result;
}

}  // namespace smr
