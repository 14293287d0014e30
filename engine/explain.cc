#include "engine/explain.h"

#include <fmt/format.h>

namespace smr {

std::string describe_dates(const model::Interval& when) {
  bool from = when.from != Date::min(), until = when.until != Date::max();
  if (from && until)
    return fmt::format(" (from {} until {})", when.from.to_string(), when.until.to_string());
  if (from) return fmt::format(" (from {})", when.from.to_string());
  if (until) return fmt::format(" (until {})", when.until.to_string());
  return "";
}

std::string describe_path(const model::Model& m, const model::Org& org, const SelectionPath& path) {
  using Root = SelectionPath::Root;
  std::string out;
  std::vector<int> edges = path.edges();
  switch (path.root()) {
    case Root::Area:
      out = m.areas[path.root_index()].id;
      break;
    case Root::Fallback:
      // The first edge is the `holds` of the fallback function that applied.
      out = fmt::format("{} -> unallocated, falls_to {}", m.areas[path.root_index()].id,
                        m.functions[org.edges[edges.front()].target].id);
      break;
    case Root::Function:
      out = fmt::format("holders({})", m.functions[path.root_index()].id);
      break;
    case Root::Board:
      out = "board";
      break;
    case Root::Involved:
      out = "named in the breach";
      break;
  }
  for (int idx : edges) {
    const model::Edge& e = org.edges[idx];
    const std::string& who = org.persons[e.person].id;
    switch (e.kind) {
      case model::EdgeKind::ResponsibleFor:
        out += fmt::format(" -> responsible_for {}", who);
        break;
      case model::EdgeKind::Holds:
        out += fmt::format(" -> holds {} {}", m.functions[e.target].id, who);
        break;
      case model::EdgeKind::ReportsTo:
        out += fmt::format(" -> reports_to {}", org.persons[e.target].id);
        break;
      case model::EdgeKind::Delegates:
        out += fmt::format(" -> delegates {} to {}", m.areas[e.area].id, org.persons[e.target].id);
        break;
    }
    out += describe_dates(e.when);
  }
  return out;
}

}  // namespace smr
