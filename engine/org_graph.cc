#include "engine/org_graph.h"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <utility>

#include "dsl/core/small_sort.h"

namespace smr {
namespace {

struct EdgeProps {
  int edge = -1;  // index into Org::edges
};
// The org does not change once checked, so its graph is stored compressed:
// each vertex's out- and in-edges in two arrays (16 bytes an edge, where an
// adjacency list of lists took over 100; a million people's org is about
// 50 MB). Vertices are persons, then functions, then areas.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                 EdgeProps, boost::no_property, uint32_t, uint32_t>;

// The org on one date: only the edges of one kind valid then.
struct ValidOn {
  const Graph* g = nullptr;
  const model::Org* org = nullptr;
  Date date;
  model::EdgeKind kind = model::EdgeKind::ReportsTo;
  template <typename E>
  bool operator()(const E& e) const {
    const model::Edge& edge = org->edges[(*g)[e].edge];
    return edge.kind == kind && edge.when.contains(date);
  }
};
using OrgOnDate = boost::filtered_graph<Graph, ValidOn>;

}  // namespace

struct OrgGraph::Impl {
  Graph graph;
  size_t persons = 0, functions = 0;
  size_t function_vertex(int f) const { return persons + f; }
  size_t area_vertex(int a) const { return persons + functions + a; }
  OrgOnDate on(const model::Org& org, Date d, model::EdgeKind k) const {
    return OrgOnDate(graph, ValidOn{&graph, &org, d, k});
  }
};

OrgGraph::OrgGraph(const model::Model& model, int org)
    : model_(model), org_(model.orgs[org]), impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.persons = org_.persons.size();
  im.functions = model.functions.size();
  size_t vertices = im.persons + im.functions + model.areas.size();
  std::vector<std::pair<uint32_t, uint32_t>> ends;
  std::vector<EdgeProps> props;
  ends.reserve(org_.edges.size());
  props.reserve(org_.edges.size());
  for (size_t e = 0; e < org_.edges.size(); ++e) {
    const model::Edge& edge = org_.edges[e];
    size_t target = edge.kind == model::EdgeKind::Holds ? im.function_vertex(edge.target)
                    : edge.kind == model::EdgeKind::ResponsibleFor
                        ? im.area_vertex(edge.target)
                        : static_cast<size_t>(edge.target);
    ends.emplace_back(edge.person, target);
    props.push_back(EdgeProps{static_cast<int>(e)});
  }
  // Each vertex's edges keep the order they were given in (the org's).
  im.graph = Graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), props.begin(),
                   vertices);
}

OrgGraph::~OrgGraph() = default;

PathNode::~PathNode() {
  std::shared_ptr<const PathNode> p = std::move(parent);
  while (p && p.use_count() == 1) {
    std::shared_ptr<const PathNode> next = std::move(p->parent);
    p = std::move(next);
  }
}

SelectionPath SelectionPath::start(Root root, int root_index, int edge, bool recorded) {
  if (!recorded) return {};
  return {std::make_shared<const PathNode>(root, root_index, edge, nullptr)};
}

SelectionPath SelectionPath::then(int edge) const {
  if (!tip) return {};
  return {std::make_shared<const PathNode>(tip->root, tip->root_index, edge, tip)};
}

SelectionPath::Root SelectionPath::root() const { return tip->root; }
int SelectionPath::root_index() const { return tip->root_index; }

std::vector<int> SelectionPath::edges() const {
  std::vector<int> out;
  for (const PathNode* n = tip.get(); n; n = n->parent.get()) {
    if (n->edge >= 0) out.push_back(n->edge);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

void normalise(std::vector<Selected>& people) {
  auto by_person = [](const Selected& a, const Selected& b) { return a.person < b.person; };
  // The graph often gives people in id order already (a function's holders).
  auto increasing = [](const Selected& a, const Selected& b) { return a.person >= b.person; };
  if (std::adjacent_find(people.begin(), people.end(), increasing) == people.end()) return;
  stable_sort_small(people.begin(), people.end(), by_person);
  people.erase(
      std::unique(people.begin(), people.end(),
                  [](const Selected& a, const Selected& b) { return a.person == b.person; }),
      people.end());
}

std::vector<Selected> OrgGraph::responsible(int area, Date d, bool with_paths) const {
  std::vector<Selected> out;
  auto view = impl_->on(org_, d, model::EdgeKind::ResponsibleFor);
  for (auto e : boost::make_iterator_range(boost::in_edges(impl_->area_vertex(area), view))) {
    int edge = view[e].edge;
    out.push_back({org_.edges[edge].person,
                   SelectionPath::start(SelectionPath::Root::Area, area, edge, with_paths)});
  }
  normalise(out);
  return out;
}

std::vector<Selected> OrgGraph::holders(int function, Date d, SelectionPath::Root root,
                                        bool with_paths) const {
  std::vector<Selected> out;
  auto view = impl_->on(org_, d, model::EdgeKind::Holds);
  for (auto e :
       boost::make_iterator_range(boost::in_edges(impl_->function_vertex(function), view))) {
    int edge = view[e].edge;
    out.push_back(
        {org_.edges[edge].person, SelectionPath::start(root, function, edge, with_paths)});
  }
  normalise(out);
  return out;
}

std::vector<Selected> OrgGraph::accountable(int area, Date d, bool with_paths) const {
  std::vector<Selected> out = responsible(area, d, with_paths);
  for (size_t k = 0; out.empty() && k < model_.fallback_functions.size(); ++k) {
    out = holders(model_.fallback_functions[k], d, SelectionPath::Root::Fallback, with_paths);
    if (!with_paths) continue;
    for (auto& s : out)
      s.path = SelectionPath::start(SelectionPath::Root::Fallback, area, s.path.edges()[0]);
  }
  return out;
}

std::vector<Selected> OrgGraph::board(Date d, bool with_paths) const {
  std::vector<Selected> out;
  for (size_t f = 0; f < model_.functions.size(); ++f) {
    if (!model_.functions[f].board) continue;
    auto some = holders(static_cast<int>(f), d, SelectionPath::Root::Board, with_paths);
    out.insert(out.end(), some.begin(), some.end());
  }
  normalise(out);
  return out;
}

std::vector<Selected> OrgGraph::delegates(const std::vector<Selected>& from, int area,
                                          Date d) const {
  std::vector<Selected> out;
  auto view = impl_->on(org_, d, model::EdgeKind::Delegates);
  for (const Selected& s : from) {
    for (auto e : boost::make_iterator_range(boost::out_edges(s.person, view))) {
      int edge = view[e].edge;
      if (org_.edges[edge].area != area) continue;
      out.push_back({org_.edges[edge].target, s.path.then(edge)});
    }
  }
  normalise(out);
  return out;
}

std::optional<Date> OrgGraph::in_post_since(int person, Date d) const {
  std::vector<model::Interval> held;
  for (auto e :
       boost::make_iterator_range(boost::out_edges(static_cast<uint32_t>(person), impl_->graph))) {
    const model::Edge& edge = org_.edges[impl_->graph[e].edge];
    if (edge.kind == model::EdgeKind::Holds) held.push_back(edge.when);
  }
  // Step back from `d`: while some holding covers the day, move to the
  // earliest start among them, then look at the day before that start.
  std::optional<Date> since;
  for (Date at = d;;) {
    std::optional<Date> start;
    for (const auto& i : held) {
      if (i.contains(at) && (!start || i.from < *start)) start = i.from;
    }
    if (!start || (since && *start >= *since)) break;
    since = start;
    if (*since == Date::min()) break;
    at = since->minus_days(1);
  }
  return since;
}

std::vector<Selected> OrgGraph::managers(const std::vector<Selected>& from, int levels,
                                         Date d) const {
  auto view = impl_->on(org_, d, model::EdgeKind::ReportsTo);
  std::vector<Selected> out;
  // Visited marks without clearing an org-sized array on every walk: a mark
  // counts only when it carries this walk's epoch.
  thread_local std::vector<uint32_t> marks;
  thread_local uint32_t epoch = 0;
  if (marks.size() < org_.persons.size()) marks.resize(org_.persons.size(), 0);
  if (++epoch == 0) {
    std::fill(marks.begin(), marks.end(), 0);
    epoch = 1;
  }
  // The walk's working lists, kept by the thread between walks.
  thread_local std::vector<const Selected*> frontier;
  thread_local std::vector<Selected> level_found;
  frontier.clear();
  for (const auto& s : from) frontier.push_back(&s);
  // Breadth first, one level at a time; each person joins the result once.
  for (int level = 0; level < levels && !frontier.empty(); ++level) {
    level_found.clear();
    for (const Selected* s : frontier) {
      for (auto e : boost::make_iterator_range(boost::out_edges(s->person, view))) {
        int edge = view[e].edge;
        int m = org_.edges[edge].target;
        if (marks[m] == epoch) continue;
        marks[m] = epoch;
        level_found.push_back({m, s->path.then(edge)});
      }
    }
    size_t start = out.size();
    for (auto& s : level_found) out.push_back(std::move(s));
    frontier.clear();
    for (size_t i = start; i < out.size(); ++i) frontier.push_back(&out[i]);
  }
  normalise(out);
  return out;
}

}  // namespace smr
