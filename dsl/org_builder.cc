#include "dsl/org_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "dsl/core/name_order.h"
#include "dsl/core/spelling.h"

namespace smr::check {

OrgBuilder::OrgBuilder(const Symbols& symbols, Diagnostics& diags, std::string id,
                       std::string title, SourceLoc loc)
    : symbols_(symbols), diags_(diags) {
  org_.id = std::move(id);
  org_.title = std::move(title);
  org_.loc = loc;
}

OrgBuilder::OrgBuilder(OrgBuilder& whole, Diagnostics& diags, model::Edge* edges)
    : symbols_(whole.symbols_), diags_(diags), persons_(whole.persons_), part_edges_(edges) {}

std::vector<std::unique_ptr<OrgBuilder>> OrgBuilder::parts(const std::vector<size_t>& rooms,
                                                           std::vector<Diagnostics>& diags) {
  size_t at = org_.edges.size();
  size_t room = 0;
  for (size_t r : rooms) room += r;
  org_.edges.resize(at + room);  // within what reserve() made room for, as a rule
  std::vector<std::unique_ptr<OrgBuilder>> out;
  for (size_t k = 0; k < rooms.size(); ++k) {
    out.emplace_back(new OrgBuilder(*this, diags[k], org_.edges.data() + at));
    at += rooms[k];
  }
  return out;
}

void OrgBuilder::join_parts(const std::vector<std::unique_ptr<OrgBuilder>>& parts) {
  if (parts.empty()) return;
  model::Edge* to = parts.front()->part_edges_;
  for (const auto& part : parts) {
    // Each part's edges move down over the room the parts before it left.
    to = std::move(part->part_edges_, part->part_edges_ + part->part_edges_used_, to);
  }
  org_.edges.resize(static_cast<size_t>(to - org_.edges.data()));
}

void OrgBuilder::drop_parts(const std::vector<std::unique_ptr<OrgBuilder>>& parts) {
  if (parts.empty()) return;
  org_.edges.resize(static_cast<size_t>(parts.front()->part_edges_ - org_.edges.data()));
}

void OrgBuilder::reserve(size_t persons, size_t edges) {
  added_.reserve(persons);
  org_.edges.reserve(edges);
}

void OrgBuilder::add_person(std::string_view id, std::string name, SourceLoc loc) {
  added_.push_back({std::string(id), std::move(name), Decimal(), loc});
}

std::vector<int> OrgBuilder::index_persons() {
  // Sorted by id, the first declaration of a duplicate first.
  std::vector<std::string_view> ids(added_.size());
  for (size_t i = 0; i < added_.size(); ++i) ids[i] = added_[i].id;
  std::vector<uint32_t> order = name_order(ids);
  std::vector<int> index(added_.size(), -1);
  org_.persons.reserve(org_.persons.size() + added_.size());
  for (size_t k = 0; k < order.size(); ++k) {
    model::Person& p = added_[order[k]];
    if (!org_.persons.empty() && org_.persons.back().id == p.id) {
      diags_.error(p.loc, fmt::format("{}duplicate person '{}' in org '{}'",
                                      prefix_of_ ? prefix_of_(order[k]) : "", p.id, org_.id));
      diags_.note(org_.persons.back().loc, fmt::format("'{}' was first declared here", p.id));
      continue;
    }
    index[order[k]] = static_cast<int>(org_.persons.size());
    org_.persons.push_back(std::move(p));
  }
  std::vector<model::Person>().swap(added_);  // freed: all moved to org_.persons
  org_.index_persons();
  return index;
}

int OrgBuilder::person(std::string_view id, SourceLoc loc, std::string_view prefix) {
  auto broken = symbols_.broken_persons.find(persons_->id);
  return resolve_person(*persons_, id, loc, diags_, prefix,
                        broken == symbols_.broken_persons.end() ? nullptr : &broken->second);
}

int OrgBuilder::named(const SymbolTable& table, std::string_view id, SourceLoc loc,
                      std::string_view prefix) {
  int found = table.find(id);
  if (found >= 0 || table.is_broken(id)) return found;
  diags_.error(loc, std::string(prefix) + unknown_name(table.kind(), id, table.hint(id, diags_)));
  return -1;
}

int OrgBuilder::function(std::string_view id, SourceLoc loc, std::string_view prefix) {
  return named(symbols_.functions, id, loc, prefix);
}

int OrgBuilder::area(std::string_view id, SourceLoc loc, std::string_view prefix) {
  return named(symbols_.areas, id, loc, prefix);
}

bool OrgBuilder::valid_interval(const model::Interval& when, bool has_from, bool has_until,
                                SourceLoc until_loc, std::string_view prefix) {
  if (!has_from || !has_until || when.from < when.until) return true;
  diags_.error(until_loc, fmt::format("{}'until {}' is not after 'from {}'", prefix,
                                      when.until.to_string(), when.from.to_string()));
  return false;
}

}  // namespace smr::check
