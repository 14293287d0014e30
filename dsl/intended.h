// The intended-change manifest of `smr diff --intended`: one outcome change
// a line, `"Scenario title" person: BEFORE -> AFTER`, each side in the
// sanction syntax of `expect` (`none`, or `censure, fine 90_000 GBP, ...`),
// `//` comments allowed.
#pragma once

#include <string>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/model.h"

namespace smr {

struct IntendedChange {
  std::string scenario, person;
  model::Sanctions before, after;
  std::string currency;  // the unit the fines were written in; empty when none
  SourceLoc loc;         // the line's start
};

// Parses the manifest held in `file` (`text`); each malformed line is an
// error at its place, as are a (scenario, person) listed twice and a fine
// in another currency than `currency`.
std::vector<IntendedChange> parse_intended(std::string_view text, uint32_t file,
                                           const std::string& currency, Diagnostics& diags);

// Reads the manifest at `path` into `sources` and parses it. False, with
// *error, when the file cannot be read.
bool read_intended(const std::string& path, const std::string& currency, SourceManager& sources,
                   Diagnostics& diags, std::vector<IntendedChange>* out, std::string* error);

// Sanctions as an `expect` line writes them: `none`, or `censure, fine
// 108_000 GBP, criminal`.
std::string sanctions_literal(const model::Sanctions& s, const std::string& currency);

// One change as a manifest line, ready to parse back: fines written exactly,
// with `_` grouping (`fine 108_000 GBP`, `fine 50.12 GBP`).
std::string intended_line(const std::string& scenario, const std::string& person,
                          const model::Sanctions& before, const model::Sanctions& after,
                          const std::string& currency);

}  // namespace smr
