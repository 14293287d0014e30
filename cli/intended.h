// `smr diff --intended FILE` and `--write-intended FILE`: the outcome
// changes a rule change is meant to make, checked against those it makes.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dsl/intended.h"

namespace smr::cli {

// One (scenario, person) whose outcome moved.
struct ActualChange {
  std::string scenario, person;
  model::Sanctions before, after;
};

struct IntendedVerdict {
  int as_intended = 0;
  std::vector<ActualChange> unintended;                            // moved, but not listed
  std::vector<IntendedChange> missing;                             // listed, but did not move
  std::vector<std::pair<IntendedChange, ActualChange>> different;  // moved otherwise
  bool ok() const { return unintended.empty() && missing.empty() && different.empty(); }
};

// Reads and parses the manifest, its fines in `currency`. Reports on
// stderr and returns nullopt (with *code 2 for an unreadable file, 1 for
// a malformed one).
std::optional<std::vector<IntendedChange>> load_intended(const std::string& path,
                                                         const std::string& currency, int* code);
IntendedVerdict compare_intended(const std::vector<IntendedChange>& intended,
                                 const std::vector<ActualChange>& actual);
std::string verdict_text(const IntendedVerdict& v, const std::string& currency);
nlohmann::ordered_json verdict_json(const IntendedVerdict& v, const std::string& currency);
// Writes the changes as a manifest; false (reported) when it cannot.
bool write_intended(const std::string& path, const std::vector<ActualChange>& changes,
                    const std::string& currency);

}  // namespace smr::cli
