// The bodies of the fuzz targets, shared by the libFuzzer executables and
// the test that replays saved crashing inputs (tests/fuzz/regressions/).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/compile.h"

namespace smr::fuzz {

// Compiles `data` as one .smr file (org warnings only if `warnings`).
std::unique_ptr<Compilation> compile_bytes(const uint8_t* data, size_t size, bool warnings);

// Any bytes as a .smr file: parse, check, org checks, diagnostics.
int parse_check_one(const uint8_t* data, size_t size);
// The same bytes read with the grammar alone, with plain orgs, and as a
// piece of a scenario tail (plain scenarios first): aborts unless all give
// the same declarations and errors.
void check_plain_readers(const std::string& text);
// A model that checks clean: every scenario evaluated and reported.
int eval_one(const uint8_t* data, size_t size);
// An org JSON document (first line) and JSON Lines scenarios (the rest).
int json_one(const uint8_t* data, size_t size);

}  // namespace smr::fuzz
