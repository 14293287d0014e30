#include "engine/explain.h"

#include <fmt/format.h>

#include "engine/evaluator.h"

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
  PathSharing whole(m, org);  // nothing shown yet: the whole path
  return whole.text(whole.view(path));
}

int PathSharing::person_reached(int edge) const {
  const model::Edge& e = org_.edges[edge];
  bool to_target = e.kind == model::EdgeKind::ReportsTo || e.kind == model::EdgeKind::Delegates;
  return to_target ? e.target : e.person;
}

PathView PathSharing::view(const SelectionPath& path) {
  PathView v;
  v.root = path.root();
  v.root_index = path.root_index();
  // Walk back to the root or to the first step already shown.
  std::vector<const PathNode*> fresh;
  const PathNode* n = path.tip.get();
  int shared_depth = 0;
  for (; n; n = n->parent.get()) {
    auto it = depth_.find(n);
    if (it != depth_.end()) {
      shared_depth = it->second;
      break;
    }
    fresh.push_back(n);
  }
  int total = shared_depth + static_cast<int>(fresh.size());
  const PathNode* shared = n;
  if (shared && (total <= kWhole || shared->edge < 0)) {  // short: shown whole, however often
    for (; n; n = n->parent.get()) fresh.push_back(n);
    shared = nullptr;
  }
  int depth = total + 1 - static_cast<int>(fresh.size());
  for (auto it = fresh.rbegin(); it != fresh.rend(); ++it, ++depth) {
    depth_.emplace(*it, depth);
    if ((*it)->edge >= 0) v.edges.push_back((*it)->edge);
  }
  if (shared) {
    v.shared_person = person_reached(shared->edge);
  } else if (v.root == SelectionPath::Root::Fallback && !v.edges.empty()) {
    v.fallback_function = org_.edges[v.edges.front()].target;
  }
  return v;
}

std::string PathSharing::text(const PathView& v) const {
  using Root = SelectionPath::Root;
  std::string out;
  if (v.shared_person >= 0) {
    out = fmt::format("[the path to {} above]", org_.persons[v.shared_person].id);
  } else {
    switch (v.root) {
      case Root::Area:
        out = m_.areas[v.root_index].id;
        break;
      case Root::Fallback:
        out = fmt::format("{} -> unallocated, falls_to {}", m_.areas[v.root_index].id,
                          m_.functions[v.fallback_function].id);
        break;
      case Root::Function:
        out = fmt::format("holders({})", m_.functions[v.root_index].id);
        break;
      case Root::Board:
        out = "board";
        break;
      case Root::Involved:
        out = "named in the breach";
        break;
    }
  }
  for (int idx : v.edges) {
    const model::Edge& e = org_.edges[idx];
    const std::string& who = org_.persons[e.person].id;
    switch (e.kind) {
      case model::EdgeKind::ResponsibleFor:
        out += fmt::format(" -> responsible_for {}", who);
        break;
      case model::EdgeKind::Holds:
        out += fmt::format(" -> holds {} {}", m_.functions[e.target].id, who);
        break;
      case model::EdgeKind::ReportsTo:
        out += fmt::format(" -> reports_to {}", org_.persons[e.target].id);
        break;
      case model::EdgeKind::Delegates:
        out +=
            fmt::format(" -> delegates {} to {}", m_.areas[e.area].id, org_.persons[e.target].id);
        break;
    }
    out += describe_dates(e.when);
  }
  return out;
}

std::string shown_text(const Shown& s, bool grouped) {
  return format_value(s.value, s.percent, grouped);
}

std::string input_text(const Input& in) {
  return fmt::format("{} = {} ({})", in.name, shown_text(in.value), input_source_name(in.source));
}

namespace {

std::string operand_text(const Operand& o) {
  return o.name.empty() ? shown_text(o.value) : o.name + " " + shown_text(o.value);
}

}  // namespace

std::string step_text(const Step& s) {
  if (s.op == "value") return operand_text(s.operands.at(0));
  if (s.op == "round_half_even") {
    return fmt::format("rounded half to even to 2 digits: {}", shown_text(s.result));
  }
  std::string out;
  if (s.call()) {
    out = s.op + "(";
    for (size_t i = 0; i < s.operands.size(); ++i) {
      out += (i ? ", " : "") + operand_text(s.operands[i]);
    }
    out += ")";
  } else {
    for (size_t i = 0; i < s.operands.size(); ++i) {
      out += (i ? fmt::format(" {} ", s.op) : "") + operand_text(s.operands[i]);
    }
  }
  return out + " = " + shown_text(s.result);
}

std::string arithmetic_text(const std::vector<Step>& steps) {
  std::string out;
  for (size_t i = 0; i < steps.size(); ++i) out += (i ? "; " : "") + step_text(steps[i]);
  return out;
}

std::string condition_text(const Condition& c) {
  std::string out = fmt::format("{} {}: {}", c.kind, c.text, c.value ? "true" : "false");
  for (size_t i = 0; i < c.inputs.size(); ++i) {
    out += i ? "; " : " (";
    out += c.inputs[i].name + " = " + shown_text(c.inputs[i].value);
  }
  return c.inputs.empty() ? out : out + ")";
}

}  // namespace smr
