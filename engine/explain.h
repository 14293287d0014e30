// Text for explanations: the path through the org that selected a person,
// the inputs, conditions and arithmetic a rule recorded, and the sharing
// that keeps a scenario's explanation linear in the size of its answer.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/model.h"
#include "engine/org_graph.h"
#include "engine/trace.h"

namespace smr {

// `child_safety -> responsible_for bob (from 2021-01-01) -> reports_to alice`
std::string describe_path(const model::Model& model, const model::Org& org,
                          const SelectionPath& path);
// ` (from 2021-01-01)`, ` (from A until B)`, ` (until B)`, or nothing.
std::string describe_dates(const model::Interval& when);

// A path as one output shows it: whole, or (`shared_person` >= 0) going on
// from the point where a path shown earlier reached that person.
struct PathView {
  int shared_person = -1;
  SelectionPath::Root root = SelectionPath::Root::Area;
  int root_index = -1;
  int fallback_function = -1;  // Root::Fallback: the function it fell to
  std::vector<int> edges;      // after the shared part, in walk order
};

// Shows each step of the selection paths once per output (a scenario's
// explanation): a path of more than kWhole steps that goes through a point
// already shown is written from there. A 10,000-level chain of managers
// then takes 10,000 steps to explain, not 50 million.
class PathSharing {
 public:
  static constexpr int kWhole = 8;
  PathSharing(const model::Model& m, const model::Org& org) : m_(m), org_(org) {}
  PathView view(const SelectionPath& path);
  std::string text(const PathView& v) const;
  // The person a path's step reached (the edge's holder or target).
  int person_reached(int edge) const;

 private:
  const model::Model& m_;
  const model::Org& org_;
  std::unordered_map<const PathNode*, int> depth_;  // shown nodes -> steps from the root
};

// `180,000.00`, `30%`, `2022-03-01`, `true`; JSON wants no grouping.
std::string shown_text(const Shown& s, bool grouped = true);
// `reasonable_steps = false (default)`
std::string input_text(const Input& in);
// `relevant_income 180,000.00 × seriousness[4] 30% = 54,000.00`
std::string step_text(const Step& s);
// The steps joined by "; ".
std::string arithmetic_text(const std::vector<Step>& steps);
// `where not reasonable_steps: true (reasonable_steps = false, default)`
std::string condition_text(const Condition& c);

}  // namespace smr
