// What the grammar carries through a parse: the file, the diagnostics sink
// and the nesting depth. Reached from inside X3 through the context.
#pragma once

#include <string>

#include "dsl/core/diagnostic.h"

namespace smr::ast {
class TextStore;
}

namespace smr::parser {

struct parse_state_tag;

// Deeper nesting than this is a diagnostic, not a stack overflow.
constexpr int kMaxNesting = 256;
// A file with more syntax errors than this stops being parsed.
constexpr int kMaxSyntaxErrors = 50;

// Thrown when parentheses, `if` or selectors nest deeper than kMaxNesting.
struct NestingTooDeep {
  const char* where;
};
// Thrown to abandon a file once kMaxSyntaxErrors have been reported.
struct TooManyErrors {};

struct ParseState {
  uint32_t file_id = 0;
  const char* begin = nullptr;
  const char* end = nullptr;
  Diagnostics* diags = nullptr;
  ast::TextStore* store = nullptr;  // for text that is not in the source as written
  std::string scratch;              // for scan_literal
  int depth = 0;
  int errors = 0;
  const char* last_error = nullptr;

  SourceLoc loc(const char* first, const char* last) const {
    return {file_id, static_cast<uint32_t>(first - begin), static_cast<uint32_t>(last - first)};
  }
  // Reports `expected WHAT, found TOKEN` at `where` (after white space).
  void expected(const char* where, const std::string& what);
  void error_at(const char* where, std::string message);
};

}  // namespace smr::parser
