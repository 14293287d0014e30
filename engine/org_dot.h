// Graphviz DOT output of an org on a date, optionally with what a
// scenario's sanctions did drawn onto it, for a policy person to read.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "dsl/model.h"
#include "engine/org_graph.h"
#include "engine/result.h"

namespace smr {

// What a scenario adds to the picture.
struct DotHighlight {
  std::set<int> accountable;                 // persons accountable for some breach
  std::set<int> edges;                       // Org::edges used by a sanction's path
  std::map<int, model::Sanctions> outcomes;  // sanctioned persons
  std::set<int> areas;                       // the scenario's breach areas
  std::string caption;                       // the scenario and its breaches
};

struct DotOptions {
  Date date;
  const DotHighlight* highlight = nullptr;
  // With a highlight: only the people within this many reporting or
  // delegation steps of the accountability paths (-1: everyone).
  int focus = -1;
};

// People (name, id, the titles of the functions they hold on the date;
// filled by their gravest sanction), responsibility areas by title, and the
// edges valid on the date: reporting lines solid (the manager above),
// responsibilities dashed, delegations dotted (not ranking anyone). An
// unallocated area that falls to the regime's fallback function is drawn
// through an "unallocated" node to the holders. People whose every edge
// has ended or not yet begun are left out, and counted in the title. A
// legend explains the fills and lines. Linear in the org's size.
std::string org_to_dot(const model::Model& m, const OrgGraph& graph, const DotOptions& options);

// The highlight for a scenario's result: its accountable people, every
// edge an imposed sanction's path went through, each sanctioned person's
// sanctions and a caption naming the breaches.
DotHighlight highlight_for(const model::Model& m, const OrgGraph& graph, const ScenarioResult& r);

}  // namespace smr
