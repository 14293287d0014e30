// Scenarios streamed as JSON Lines, one object a line (schema in
// README.md), checked exactly as scenarios in .smr files.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "dsl/core/diagnostic.h"
#include "dsl/core/source.h"
#include "dsl/model.h"

namespace smr {

class JsonScenarioReader {
 public:
  // `model` must be free of errors and outlive the reader.
  explicit JsonScenarioReader(const model::Model& model);
  ~JsonScenarioReader();
  // The scenario of file `file` of `sources` (one line of the stream), or
  // nullopt with its errors in `diags`, which name the JSON path and point
  // at the value. Safe to call from several threads at once.
  std::optional<model::Scenario> read(const SourceManager& sources, uint32_t file,
                                      Diagnostics& diags) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace smr
