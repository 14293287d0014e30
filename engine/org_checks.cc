#include "engine/org_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <map>
#include <set>
#include <utility>

#include "engine/interval_set.h"

namespace smr {
namespace {

// An org's reporting lines at all times: a compressed graph (a million
// people's org is checked in tens of MB), each edge carrying its index in
// Org::edges.
struct ReportProps {
  int edge = -1;
};
using ReportGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ReportProps,
                                       boost::no_property, uint32_t, uint32_t>;
using ReportEdge = boost::graph_traits<ReportGraph>::edge_descriptor;
using ReportVertex = boost::graph_traits<ReportGraph>::vertex_descriptor;

// Reporting lines valid on one date, inside one strongly connected component.
struct ReportsOn {
  const ReportGraph* g = nullptr;
  const model::Org* org = nullptr;
  const std::vector<uint32_t>* component = nullptr;
  uint32_t which = 0;
  Date date;
  bool operator()(const ReportEdge& e) const {
    const model::Edge& edge = org->edges[(*g)[e].edge];
    return edge.when.contains(date) && (*component)[boost::source(e, *g)] == which &&
           (*component)[boost::target(e, *g)] == which;
  }
};

struct CycleFound {
  ReportEdge closing;
};

// Records tree edges so a back edge can be turned into the cycle it closes.
struct CycleVisitor : boost::default_dfs_visitor {
  std::vector<ReportVertex>* parent;
  template <typename E, typename G>
  void tree_edge(E e, const G& g) const {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
  template <typename E, typename G>
  void back_edge(E e, const G&) const {
    throw CycleFound{e};
  }
};

ReportGraph reporting_graph(const model::Org& org) {
  std::vector<std::pair<uint32_t, uint32_t>> ends;
  std::vector<ReportProps> props;
  for (size_t i = 0; i < org.edges.size(); ++i) {
    const model::Edge& e = org.edges[i];
    if (e.kind != model::EdgeKind::ReportsTo) continue;
    ends.emplace_back(e.person, e.target);
    props.push_back({static_cast<int>(i)});
  }
  return ReportGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(),
                     org.persons.size());
}

// A strongly connected component that may hold a cycle on some date: its
// members and the dates its inner edges change.
struct CycleCandidate {
  std::vector<uint32_t> members;
  std::set<Date> breakpoints;
  bool self_loop = false;
};

void report_cycle(const model::Org& org, const ReportGraph& g,
                  const std::vector<ReportVertex>& parent, ReportEdge closing, Date d,
                  Diagnostics& diags) {
  ReportVertex from = boost::source(closing, g), to = boost::target(closing, g);
  std::vector<ReportVertex> cycle{from};
  for (ReportVertex v = from; v != to;) cycle.push_back(v = parent[v]);
  std::reverse(cycle.begin(), cycle.end());  // to -> ... -> from, then back to `to`
  auto first = std::min_element(cycle.begin(), cycle.end());
  std::rotate(cycle.begin(), first, cycle.end());
  std::string names;
  for (ReportVertex v : cycle) names += org.persons[v].id + " -> ";
  names += org.persons[cycle.front()].id;
  std::string when = d == Date::min() ? std::string() : " on " + d.to_string();
  diags.error(org.edges[g[closing].edge].loc, fmt::format("reporting cycle{}: {}", when, names));
}

void check_cycles(const model::Org& org, Diagnostics& diags) {
  size_t n = org.persons.size();
  ReportGraph g = reporting_graph(org);
  // Only a strongly connected component of the all-time graph can hold a
  // cycle on some date; look for one at each date its edges change.
  std::vector<uint32_t> component(n);
  uint32_t count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<uint32_t> size(count, 0);
  for (uint32_t c : component) ++size[c];
  std::map<uint32_t, CycleCandidate> candidates;  // by component
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    uint32_t c = component[boost::source(e, g)];
    bool self_loop = boost::source(e, g) == boost::target(e, g);
    if (c != component[boost::target(e, g)] || (size[c] < 2 && !self_loop)) continue;
    const model::Edge& edge = org.edges[g[e].edge];
    CycleCandidate& cand = candidates[c];
    cand.breakpoints.insert(edge.when.from);
    if (edge.when.until != Date::max()) cand.breakpoints.insert(edge.when.until);
    cand.self_loop = cand.self_loop || self_loop;
  }
  for (uint32_t v = 0; v < n; ++v) {
    if (auto it = candidates.find(component[v]); it != candidates.end())
      it->second.members.push_back(v);
  }
  // One set of marks for every search: each search leaves the marks of the
  // component it searched cleared behind it.
  std::vector<ReportVertex> parent(n);
  std::vector<boost::default_color_type> colour(n, boost::white_color);
  auto colours =
      boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g));
  for (const auto& [c, cand] : candidates) {
    for (Date d : cand.breakpoints) {
      boost::filtered_graph<ReportGraph, ReportsOn> view(g, ReportsOn{&g, &org, &component, c, d});
      bool found = false;
      try {
        for (uint32_t v : cand.members) {
          if (colour[v] == boost::white_color) {
            boost::depth_first_visit(view, v, CycleVisitor{{}, &parent}, colours);
          }
        }
      } catch (const CycleFound& cycle) {
        report_cycle(org, g, parent, cycle.closing, d, diags);
        found = true;
      }
      for (uint32_t v : cand.members) colour[v] = boost::white_color;
      if (found) break;
    }
  }
}

// The first date any edge of the org names; an org with no dates at all
// lives at all times.
Date org_start(const model::Org& org) {
  Date start = Date::max();
  for (const auto& e : org.edges) {
    if (e.when.from != Date::min()) start = std::min(start, e.when.from);
  }
  return start == Date::max() ? Date::min() : start;
}

bool holds_fallback(const model::Model& m, const model::Edge& e) {
  const auto& f = m.fallback_functions;
  return e.kind == model::EdgeKind::Holds && std::find(f.begin(), f.end(), e.target) != f.end();
}

// "SMF1" or "SMF1, then SMF9": the fallback functions in order.
std::string fallback_names(const model::Model& m) {
  std::string out;
  for (int f : m.fallback_functions) out += (out.empty() ? "" : ", then ") + m.functions[f].id;
  return out;
}

// The ids of those who hold a fallback function at some time in `period`.
std::string fallback_holders(const model::Model& m, const model::Org& org, model::Interval period) {
  std::set<std::string> ids;
  for (const auto& e : org.edges) {
    bool overlaps = e.when.from < period.until && period.from < e.when.until;
    if (holds_fallback(m, e) && overlaps) {
      ids.insert(org.persons[e.person].id);
    }
  }
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

// A prescribed responsibility that no one holds falls to the fallback
// function: legal, but under several regimes a failing of its own.
void note_fallbacks(const model::Model& m, const model::Org& org, size_t area,
                    const IntervalSet& covered, const IntervalSet& fallback, model::Interval life,
                    Diagnostics& diags) {
  for (const auto& gap : covered.gaps(life)) {
    for (const auto& f : fallback.intervals()) {
      model::Interval both{std::max(gap.from, f.from), std::min(gap.until, f.until)};
      if (!(both.from < both.until)) continue;
      diags.remark(org.loc,
                   fmt::format("prescribed responsibility '{}' is unallocated in org '{}' {} and "
                               "falls to {} ({}); several regimes count an unallocated "
                               "prescribed responsibility as a failing in itself",
                               m.areas[area].id, org.id, describe_period(both), fallback_names(m),
                               fallback_holders(m, org, both)));
    }
  }
}

void check_coverage(const model::Model& m, const model::Org& org, Diagnostics& diags) {
  std::vector<IntervalSet> covered(m.areas.size());
  IntervalSet fallback;
  for (const auto& e : org.edges) {
    if (e.kind == model::EdgeKind::ResponsibleFor) covered[e.target].add(e.when);
    if (holds_fallback(m, e)) fallback.add(e.when);
  }
  model::Interval life{org_start(org), Date::max()};
  for (size_t a = 0; a < m.areas.size(); ++a) {
    if (!m.areas[a].prescribed) continue;
    note_fallbacks(m, org, a, covered[a], fallback, life, diags);
    for (const auto& i : fallback.intervals()) covered[a].add(i);
    for (const auto& gap : covered[a].gaps(life)) {
      diags.warning(org.loc,
                    fmt::format("prescribed responsibility '{}' has no holder in org '{}' {}",
                                m.areas[a].id, org.id, describe_period(gap)));
    }
  }
}

void check_responsible_without_function(const model::Model& m, const model::Org& org,
                                        Diagnostics& diags) {
  std::vector<IntervalSet> holds(org.persons.size());
  for (const auto& e : org.edges) {
    if (e.kind == model::EdgeKind::Holds) holds[e.person].add(e.when);
  }
  for (const auto& e : org.edges) {
    if (e.kind != model::EdgeKind::ResponsibleFor) continue;
    for (const auto& gap : holds[e.person].gaps(e.when)) {
      diags.warning(
          e.loc, fmt::format("'{}' is responsible for '{}' {} but holds no function then",
                             org.persons[e.person].id, m.areas[e.target].id, describe_period(gap)));
    }
  }
}

}  // namespace

void check_orgs(const model::Model& model, Diagnostics& diags, bool warnings) {
  for (const auto& org : model.orgs) {
    check_cycles(org, diags);
    if (!warnings) continue;
    check_coverage(model, org, diags);
    check_responsible_without_function(model, org, diags);
  }
}

}  // namespace smr
