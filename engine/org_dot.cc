#include "engine/org_dot.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "engine/model_text.h"

namespace smr {
namespace {

using model::EdgeKind;
using model::Outcome;

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

// The fill of a person by their gravest sanction, and the text colour on it.
struct Fill {
  const char* color;
  const char* font;
};
Fill fill_of(Outcome o) {
  switch (o) {
    case Outcome::Criminal:
      return {"#b2182b", "white"};
    case Outcome::Disqualification:
      return {"#e6550d", "white"};
    case Outcome::Fine:
      return {"#fdae6b", "black"};
    case Outcome::Censure:
      return {"#fee6ce", "black"};
    case Outcome::None:
      break;
  }
  return {"white", "black"};
}

bool to_person(EdgeKind k) { return k == EdgeKind::ReportsTo || k == EdgeKind::Delegates; }

// Writes one picture; each step is linear in the org's size.
class DotWriter {
 public:
  DotWriter(const model::Model& m, const OrgGraph& g, const DotOptions& o)
      : m_(m), g_(g), org_(g.org()), o_(o), h_(o.highlight) {}

  std::string write() {
    choose_people();
    std::string body;
    write_people(body);
    write_edges(body);
    write_fallbacks(body);
    write_areas(body);
    write_legend(body);
    return fmt::format(
        "digraph org {{\nlabel={};\nlabelloc=t;\nrankdir=BT;\nfontname=\"Helvetica\";\n"
        "node [fontname=\"Helvetica\"];\nedge [fontname=\"Helvetica\", fontsize=10];\n{}}}\n",
        quote(title()), body);
  }

 private:
  bool valid(const model::Edge& e) const { return e.when.contains(o_.date); }
  bool marked(int p) const { return h_ && (h_->outcomes.count(p) || h_->accountable.count(p)); }

  // Who is drawn: people in post on the date (some edge of theirs valid, or
  // no dated edge at all), within the focus when one is asked for.
  void choose_people() {
    size_t n = org_.persons.size();
    std::vector<char> has_edge(n, 0), active(n, 0);
    for (const auto& e : org_.edges) {
      has_edge[e.person] = 1;
      if (to_person(e.kind)) has_edge[e.target] = 1;
      if (!valid(e)) continue;
      active[e.person] = 1;
      if (to_person(e.kind)) active[e.target] = 1;
    }
    shown_.assign(n, 0);
    for (size_t p = 0; p < n; ++p) {
      shown_[p] = !has_edge[p] || active[p] || marked(static_cast<int>(p));
      left_out_ += !shown_[p];
    }
    if (h_ && o_.focus >= 0) apply_focus();
  }

  // Breadth-first over reporting and delegation lines valid on the date,
  // from everyone on an accountability path.
  void apply_focus() {
    size_t n = org_.persons.size();
    std::vector<std::vector<int>> next(n);
    std::vector<int> dist(n, -1), queue;
    auto seed = [&](int p) {
      if (dist[p] < 0) dist[p] = 0, queue.push_back(p);
    };
    for (const auto& e : org_.edges) {
      if (!valid(e) || !to_person(e.kind)) continue;
      next[e.person].push_back(e.target);
      next[e.target].push_back(e.person);
    }
    for (int p : h_->accountable) seed(p);
    for (const auto& [p, s] : h_->outcomes) seed(p);
    for (int e : h_->edges) {
      seed(org_.edges[e].person);
      if (to_person(org_.edges[e].kind)) seed(org_.edges[e].target);
    }
    for (size_t i = 0; i < queue.size(); ++i) {
      int p = queue[i];
      if (dist[p] >= o_.focus) continue;
      for (int q : next[p]) {
        if (dist[q] < 0) dist[q] = dist[p] + 1, queue.push_back(q);
      }
    }
    for (size_t p = 0; p < n; ++p) {
      if (shown_[p] && dist[p] < 0) shown_[p] = 0, ++out_of_focus_;
    }
  }

  void write_people(std::string& out) {
    std::vector<std::vector<int>> functions(org_.persons.size());
    for (const auto& e : org_.edges) {
      if (e.kind == EdgeKind::Holds && valid(e)) functions[e.person].push_back(e.target);
    }
    for (size_t p = 0; p < org_.persons.size(); ++p) {
      if (!shown_[p]) continue;
      const auto& person = org_.persons[p];
      std::string label =
          person.name == person.id ? person.id : fmt::format("{}\n({})", person.name, person.id);
      for (int f : functions[p]) label += "\n" + titled(m_.functions[f].title, m_.functions[f].id);
      Fill fill = fill_of(Outcome::None);
      if (h_) {
        auto it = h_->outcomes.find(static_cast<int>(p));
        if (it != h_->outcomes.end()) {
          label += "\n" + it->second.describe(m_.currency);
          fill = fill_of(it->second.headline());
        }
      }
      fmt::format_to(
          std::back_inserter(out),
          "p{} [label={}, shape=box, style=\"rounded,filled\", fillcolor=\"{}\", "
          "fontcolor={}{}];\n",
          p, quote(label), fill.color, fill.font,
          h_ && h_->accountable.count(static_cast<int>(p)) ? ", color=red, penwidth=3" : "");
    }
  }

  void write_edges(std::string& out) {
    for (size_t i = 0; i < org_.edges.size(); ++i) {
      const model::Edge& e = org_.edges[i];
      if (!valid(e) || e.kind == EdgeKind::Holds || !shown_[e.person]) continue;
      if (to_person(e.kind) && !shown_[e.target]) continue;
      std::string head = fmt::format("p{}", e.target), attrs;
      if (e.kind == EdgeKind::ReportsTo) {
        attrs = "style=solid, label=\"reports to\"";
      } else if (e.kind == EdgeKind::ResponsibleFor) {
        head = fmt::format("a{}", e.target);
        areas_.insert(e.target);
        attrs = "style=dashed, label=\"responsible for\"";
      } else {
        // A delegation goes down the line: it must not rank the delegate
        // above their manager.
        attrs = fmt::format("style=dotted, label={}, constraint=false",
                            quote("delegates " + m_.areas[e.area].id));
      }
      if (h_ && h_->edges.count(static_cast<int>(i)))
        attrs += ", color=red, fontcolor=red, penwidth=2";
      fmt::format_to(std::back_inserter(out), "p{} -> {} [{}];\n", e.person, head, attrs);
    }
  }

  // Areas no one is responsible for on the date: to the fallback
  // function's holders through an "unallocated" node, or marked as falling
  // to no one (a breach there is unattributed).
  void write_fallbacks(std::string& out) {
    for (size_t a = 0; a < m_.areas.size(); ++a) {
      int area = static_cast<int>(a);
      bool asked = h_ ? h_->areas.count(area) > 0 : !m_.fallback_functions.empty();
      if (!asked || !g_.responsible(area, o_.date).empty()) continue;
      std::vector<Selected> holders = g_.accountable(area, o_.date);
      areas_.insert(area);
      if (holders.empty()) {
        if (h_)
          fmt::format_to(std::back_inserter(out),
                         "u{} [label=\"unallocated:\\nno one accountable\", shape=note, "
                         "style=dashed, color=red];\nu{} -> a{} [style=dashed];\n",
                         a, a, a);
        continue;
      }
      int first = holders.front().path.edges().front();
      const model::Function& f = m_.functions[org_.edges[first].target];
      fmt::format_to(std::back_inserter(out),
                     "u{} [label={}, shape=note, style=dashed];\nu{} -> a{} [style=dashed, "
                     "label=\"unallocated\"];\n",
                     a, quote("unallocated: falls to\n" + titled(f.title, f.id)), a, a);
      for (const Selected& s : holders) {
        if (!shown_[s.person]) continue;
        int edge = s.path.edges().front();
        bool lit = h_ && h_->edges.count(edge);
        fmt::format_to(std::back_inserter(out), "p{} -> u{} [style=dashed, label={}{}];\n",
                       s.person, a, quote("holds " + f.id),
                       lit ? ", color=red, fontcolor=red, penwidth=2" : "");
      }
    }
  }

  void write_areas(std::string& out) {
    for (int a : areas_) {
      bool breached = h_ && h_->areas.count(a);
      fmt::format_to(std::back_inserter(out), "a{} [label={}, shape=note{}];\n", a,
                     quote(m_.areas[a].title.empty()
                               ? m_.areas[a].id
                               : fmt::format("{}\n({})", m_.areas[a].title, m_.areas[a].id)),
                     breached ? ", color=red, fontcolor=red" : "");
    }
  }

  void write_legend(std::string& out) {
    out += "subgraph cluster_legend {\nlabel=\"Legend\";\nstyle=dashed;\nfontsize=10;\n";
    if (h_) {
      for (Outcome o :
           {Outcome::Criminal, Outcome::Disqualification, Outcome::Fine, Outcome::Censure}) {
        Fill f = fill_of(o);
        fmt::format_to(std::back_inserter(out),
                       "legend_{0} [label=\"{0}\", shape=box, style=\"rounded,filled\", "
                       "fillcolor=\"{1}\", fontcolor={2}, fontsize=10];\n",
                       model::outcome_name(o), f.color, f.font);
      }
      out +=
          "legend_accountable [label=\"accountable\", shape=box, style=rounded, color=red, "
          "penwidth=3, fontsize=10];\n";
    }
    out +=
        "legend_lines [shape=plaintext, fontsize=10, label=\"solid: reports to (manager "
        "above)\\ldashed: responsible for\\ldotted: delegates\\l";
    if (h_) out += "red: a sanction's path\\l";
    out += "\"];\n}\n";
  }

  std::string title() const {
    std::string t =
        fmt::format("{} on {}", org_.title.empty() ? org_.id : org_.title, o_.date.to_string());
    if (h_ && !h_->caption.empty()) t += "\n" + h_->caption;
    if (left_out_) {
      t += fmt::format("\n{} {} not in post on this date left out", left_out_,
                       left_out_ == 1 ? "person" : "people");
    }
    if (out_of_focus_) {
      t += fmt::format("\nfocus: within {} steps of the accountability paths ({} others left out)",
                       o_.focus, out_of_focus_);
    }
    return t;
  }

  const model::Model& m_;
  const OrgGraph& g_;
  const model::Org& org_;
  const DotOptions& o_;
  const DotHighlight* h_;
  std::vector<char> shown_;
  std::set<int> areas_;
  size_t left_out_ = 0, out_of_focus_ = 0;
};

}  // namespace

std::string org_to_dot(const model::Model& m, const OrgGraph& graph, const DotOptions& options) {
  return DotWriter(m, graph, options).write();
}

DotHighlight highlight_for(const model::Model& m, const OrgGraph& graph, const ScenarioResult& r) {
  DotHighlight h;
  const model::Scenario& sc = *r.source;
  h.caption = fmt::format("scenario \"{}\"", sc.title);
  for (size_t i = 0; i < sc.breaches.size(); ++i) {
    const auto& b = sc.breaches[i];
    const auto& type = m.breach_types[b.type];
    h.areas.insert(type.area);
    for (const Selected& s : graph.accountable(type.area, b.date)) h.accountable.insert(s.person);
    if (i < 3) {
      h.caption += fmt::format("\n{} on {}, severity {}", titled(type.title, type.id),
                               b.date.to_string(), b.severity);
    }
  }
  if (sc.breaches.size() > 3) h.caption += fmt::format("\nand {} more", sc.breaches.size() - 3);
  // Paths share their prefixes: each step is visited once, so a
  // 100,000-level chain of managers stays linear.
  std::unordered_set<const PathNode*> seen;
  for (const PersonResult& p : r.persons) {
    if (p.sanctioned()) h.outcomes[p.person] = p.sanctions;
    for (const SanctionRecord& rec : p.records) {
      if (!rec.imposed) continue;
      for (const PathNode* n = rec.path.tip.get(); n && seen.insert(n).second; n = n->parent.get())
        if (n->edge >= 0) h.edges.insert(n->edge);
    }
  }
  return h;
}

}  // namespace smr
