#include "engine/org_dot.h"

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <sstream>

#include "engine/org_graph.h"

namespace smr {
namespace {

struct DotVertex {
  std::string label;
  bool area = false;
  bool highlighted = false;
};
struct DotEdge {
  model::EdgeKind kind = model::EdgeKind::ReportsTo;
  std::string label;
  bool highlighted = false;
};
using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    out += u < 0x20 || u == 0x7F ? '?' : c;  // no control character reaches a picture raw
  }
  return out + "\"";
}

struct VertexWriter {
  const DotGraph* g;
  void operator()(std::ostream& out, DotGraph::vertex_descriptor v) const {
    const DotVertex& d = (*g)[v];
    out << "[label=" << quote(d.label);
    out << (d.area ? ", shape=note" : ", shape=box, style=\"rounded,filled\"");
    if (!d.area) out << ", fillcolor=" << (d.highlighted ? "\"#ffd6d6\"" : "white");
    if (d.highlighted) out << ", color=red, penwidth=2";
    out << "]";
  }
};

struct EdgeWriter {
  const DotGraph* g;
  void operator()(std::ostream& out, DotGraph::edge_descriptor e) const {
    const DotEdge& d = (*g)[e];
    const char* style = d.kind == model::EdgeKind::ReportsTo        ? "solid"
                        : d.kind == model::EdgeKind::ResponsibleFor ? "dashed"
                                                                    : "dotted";
    out << "[style=" << style << ", label=" << quote(d.label);
    if (d.highlighted) out << ", color=red, fontcolor=red, penwidth=2";
    out << "]";
  }
};

struct GraphWriter {
  std::string title;
  void operator()(std::ostream& out) const {
    out << "label=" << quote(title) << ";\nlabelloc=t;\nrankdir=BT;\n";
    out << "node [fontname=\"Helvetica\"];\nedge [fontname=\"Helvetica\", fontsize=10];\n";
  }
};

}  // namespace

std::string org_to_dot(const model::Model& m, int org_index, Date date, const DotHighlight* h) {
  const model::Org& org = m.orgs[org_index];
  size_t persons = org.persons.size();
  DotGraph g(persons + m.areas.size());
  std::vector<std::vector<std::string>> functions(persons);
  for (const auto& e : org.edges) {
    if (e.kind == model::EdgeKind::Holds && e.when.contains(date))
      functions[e.person].push_back(m.functions[e.target].id);
  }
  for (size_t p = 0; p < persons; ++p) {
    const auto& person = org.persons[p];
    std::string label =
        person.name == person.id ? person.id : person.name + "\n(" + person.id + ")";
    for (const auto& f : functions[p]) label += "\n" + f;
    if (h && h->outcomes.count(static_cast<int>(p)))
      label += "\n" + h->outcomes.at(static_cast<int>(p));
    g[p] = {label, false, h && h->accountable.count(static_cast<int>(p)) > 0};
  }
  for (size_t a = 0; a < m.areas.size(); ++a) g[persons + a] = {m.areas[a].id, true, false};
  std::vector<bool> area_used(m.areas.size(), false);
  for (size_t i = 0; i < org.edges.size(); ++i) {
    const model::Edge& e = org.edges[i];
    if (!e.when.contains(date) || e.kind == model::EdgeKind::Holds) continue;
    bool lit = h && h->edges.count(static_cast<int>(i)) > 0;
    size_t target = e.target;
    std::string label = model::edge_name(e.kind);
    if (e.kind == model::EdgeKind::ResponsibleFor) {
      target = persons + e.target;
      area_used[e.target] = true;
    }
    if (e.kind == model::EdgeKind::Delegates) label = "delegates " + m.areas[e.area].id;
    boost::add_edge(e.person, target, DotEdge{e.kind, label, lit}, g);
  }
  // Areas nobody holds on the date would float alone; leave them out.
  for (size_t a = m.areas.size(); a-- > 0;) {
    if (!area_used[a]) boost::remove_vertex(persons + a, g);
  }
  std::ostringstream out;
  std::string title =
      fmt::format("{} on {}", org.title.empty() ? org.id : org.title, date.to_string());
  boost::write_graphviz(out, g, VertexWriter{&g}, EdgeWriter{&g}, GraphWriter{title});
  return out.str();
}

DotHighlight highlight_for(const model::Model& m, const ScenarioResult& r,
                           const std::map<int, std::string>& outcomes) {
  DotHighlight h;
  h.outcomes = outcomes;
  const model::Scenario& sc = *r.source;
  OrgGraph graph(m, sc.org);
  for (const auto& b : sc.breaches) {
    for (const Selected& s : graph.accountable(m.breach_types[b.type].area, b.date))
      h.accountable.insert(s.person);
  }
  for (const PersonResult& p : r.persons) {
    for (const SanctionRecord& rec : p.records) {
      if (!rec.imposed) continue;
      for (int e : rec.path.edges()) h.edges.insert(e);
    }
  }
  return h;
}

}  // namespace smr
