// Finding, for `--why-not`, a selector that would have reached a person the
// rule's selector missed: accountable, delegates, their managers, a
// function's holders, the board, or the persons the breach names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/model.h"
#include "engine/org_graph.h"

namespace smr {

class WouldReach {
 public:
  WouldReach(const OrgGraph& g, const model::ScenarioBreach& b,
             const std::vector<Selected>& accountable);
  // The first selector (in the order above) that reaches `person` on the
  // breach date, with its path; nullopt when none does. Each selector is
  // walked once, on first need.
  std::optional<std::pair<std::string, SelectionPath>> find(const model::Model& m, int person);

 private:
  const OrgGraph& g_;
  const model::ScenarioBreach& b_;
  const std::vector<Selected>& accountable_;
  std::vector<model::Selector> candidates_;
  std::vector<std::optional<std::vector<Selected>>> walked_;
};

}  // namespace smr
