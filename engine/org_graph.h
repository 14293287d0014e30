// The org-responsibility graph of one org, and the walks over it that
// select people on a date. Boost.Graph stays behind this header.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "dsl/core/date.h"
#include "dsl/model.h"

namespace smr {

// How one person was reached: the root the walk started from and the org
// edges it followed, for explanations like
// `child_safety -> responsible_for bob (from 2021-01-01) -> reports_to alice`.
// Paths share their prefixes (a persistent list), so extending one is O(1)
// and a walk up a 100,000-level chain stays linear.
struct PathNode;
struct SelectionPath {
  enum class Root : uint8_t { Area, Fallback, Function, Board, Involved };
  // A path of one step; none (a null tip) when not `recorded`.
  static SelectionPath start(Root root, int root_index, int edge, bool recorded = true);
  // This path and `edge`; no path when this is none (see OrgGraph).
  SelectionPath then(int edge) const;
  Root root() const;
  int root_index() const;          // area or function
  std::vector<int> edges() const;  // indices into Org::edges, in walk order

  std::shared_ptr<const PathNode> tip;
};

struct PathNode {
  SelectionPath::Root root = SelectionPath::Root::Area;
  int root_index = -1;
  int edge = -1;
  mutable std::shared_ptr<const PathNode> parent;
  PathNode(SelectionPath::Root r, int ri, int e, std::shared_ptr<const PathNode> p)
      : root(r), root_index(ri), edge(e), parent(std::move(p)) {}
  ~PathNode();  // unlinks iteratively: long chains must not recurse
};

struct Selected {
  int person = -1;
  SelectionPath path;
};

// People as vertices, functions and areas as vertices too; `reports_to`,
// `holds`, `responsible_for` and `delegates` as edges that carry their
// model edge (and so their dates). Queries look only at edges valid on the
// date asked about.
class OrgGraph {
 public:
  OrgGraph(const model::Model& model, int org);
  ~OrgGraph();
  OrgGraph(const OrgGraph&) = delete;
  OrgGraph& operator=(const OrgGraph&) = delete;

  const model::Org& org() const { return org_; }

  // Accountable persons for a breach of `area`: those
  // responsible on `d`, else holders of the fallback function. Id order.
  // Without `with_paths` the people come with no paths (a sanction's path is
  // shown only in explanations and graphs), and the walks from them too.
  std::vector<Selected> accountable(int area, Date d, bool with_paths = true) const;
  std::vector<Selected> responsible(int area, Date d, bool with_paths = true) const;
  std::vector<Selected> holders(int function, Date d, SelectionPath::Root root,
                                bool with_paths = true) const;
  std::vector<Selected> board(Date d, bool with_paths = true) const;
  // Those to whom any of `from` delegated `area` on `d`.
  std::vector<Selected> delegates(const std::vector<Selected>& from, int area, Date d) const;
  // Everyone 1..levels reporting levels above `from` on `d`, each once, by
  // the first (shortest, then id-ordered) path. Iterative: any depth.
  std::vector<Selected> managers(const std::vector<Selected>& from, int levels, Date d) const;
  // Since when `person` has held a function without a break, on `d`: the
  // earliest `from` among the holds valid on `d` that chain back without a
  // gap. nullopt when they hold none on `d`; Date::min() when open-ended.
  std::optional<Date> in_post_since(int person, Date d) const;

 private:
  struct Impl;
  const model::Model& model_;
  const model::Org& org_;
  std::unique_ptr<Impl> impl_;
};

// Sorts by person and drops repeats, keeping the first path of each.
void normalise(std::vector<Selected>& people);

}  // namespace smr
