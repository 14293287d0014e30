// Builds one org, from a .smr `org` block or from an HR system's JSON
// export: the same person index, name resolution, interval checks and
// wording for both.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/org_builder.h is private to dsl/"
#endif

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/check_context.h"
#include "dsl/core/diagnostic.h"
#include "dsl/model.h"

namespace smr::check {

// Used in two phases: every person first (`add_person`, then
// `index_persons`), then their edges and incomes. Each message is prefixed
// with the caller's `prefix` (a JSON path and ": ", or nothing).
class OrgBuilder {
 public:
  OrgBuilder(const Symbols& symbols, Diagnostics& diags, std::string id, std::string title,
             SourceLoc loc);
  OrgBuilder(const OrgBuilder&) = delete;
  OrgBuilder& operator=(const OrgBuilder&) = delete;

  // Room for the persons and edges to come (a million people's org grows
  // no vector twice its size).
  void reserve(size_t persons, size_t edges);
  void add_person(std::string_view id, std::string name, SourceLoc loc);
  // The prefix of a message about the k-th person added (none if unset):
  // worked out only for a message, as an HR export may hold a million.
  void set_person_prefix(std::function<std::string(size_t)> prefix_of) {
    prefix_of_ = std::move(prefix_of);
  }
  // Sorts the persons by id and reports duplicate ids (the first stays).
  // Returns, per add_person call in order, the person's index or -1.
  std::vector<int> index_persons();

  // The index of a person, function or responsibility, or -1, reporting
  // nothing (to try before the reporting forms below).
  int find_person(std::string_view id) const { return persons_->find_person(id); }
  int find_function(std::string_view id) const { return symbols_.functions.find(id); }
  int find_area(std::string_view id) const { return symbols_.areas.find(id); }

  // The index of a person, function or responsibility; -1 with an error
  // (and a did-you-mean) when unknown.
  int person(std::string_view id, SourceLoc loc, std::string_view prefix);
  int function(std::string_view id, SourceLoc loc, std::string_view prefix);
  int area(std::string_view id, SourceLoc loc, std::string_view prefix);
  // False, with an error at `until_loc`, when both ends are given and
  // `until` is not after `from`.
  bool valid_interval(const model::Interval& when, bool has_from, bool has_until,
                      SourceLoc until_loc, std::string_view prefix);

  void set_income(int person, Decimal income) {
    persons_->persons[person].relevant_income = income;
  }
  void add_edge(const model::Edge& e) {
    if (part_edges_) {
      part_edges_[part_edges_used_++] = e;  // within its room: see parts()
    } else {
      org_.edges.push_back(e);
    }
  }

  // The second phase on several threads: a builder per part of the
  // persons, which finds names among this org's persons and sets their
  // incomes, but reports into its own `diags[k]` and writes its edges into
  // room for `rooms[k]` of them (one per edge item is enough) at the end of
  // this org's edge list. join_parts closes the gaps, in part order; or
  // drop_parts forgets the parts' edges (to check the persons again on one
  // thread).
  std::vector<std::unique_ptr<OrgBuilder>> parts(const std::vector<size_t>& rooms,
                                                 std::vector<Diagnostics>& diags);
  void join_parts(const std::vector<std::unique_ptr<OrgBuilder>>& parts);
  void drop_parts(const std::vector<std::unique_ptr<OrgBuilder>>& parts);
  const std::string& id() const { return org_.id; }
  model::Org finish() { return std::move(org_); }

 private:
  int named(const SymbolTable& table, std::string_view id, SourceLoc loc, std::string_view prefix);

  // A part of `whole` (see parts()), its edges written at `edges`.
  OrgBuilder(OrgBuilder& whole, Diagnostics& diags, model::Edge* edges);

  const Symbols& symbols_;
  Diagnostics& diags_;
  model::Org org_;
  model::Org* persons_ = &org_;        // whose persons names resolve to: the whole's, in a part
  model::Edge* part_edges_ = nullptr;  // a part's room in the whole's edge list
  size_t part_edges_used_ = 0;
  std::vector<model::Person> added_;
  std::function<std::string(size_t)> prefix_of_;
};

}  // namespace smr::check
