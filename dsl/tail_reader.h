// Reads the pieces of a scenario tail (see ast::ScenarioTail) ahead of the
// checker: in order, on a worker thread, while the declarations and orgs
// before the tail are parsed and checked on one core (an org is one
// declaration), so the other core is not left idle.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/tail_reader.h is private to dsl/"
#endif

#include <cstddef>
#include <memory>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/core/diagnostic.h"
#include "dsl/core/parallel.h"

namespace smr {

// One piece of a scenario tail, parsed: its declarations, its syntax
// errors, and the text its tree points to besides the source.
struct ParsedPiece {
  std::vector<ast::Decl> decls;
  Diagnostics syntax;
  ast::TextStore store;
};

// Parses piece `k` of `tail`.
ParsedPiece parse_tail_piece(const ast::ScenarioTail& tail, size_t k);

// Parses a tail's pieces ahead, from the first, until it has read
// `budget_bytes` of source or is stopped. The tail's text must outlive it.
class TailReader {
 public:
  TailReader(const ast::ScenarioTail& tail, size_t budget_bytes);
  ~TailReader();
  TailReader(const TailReader&) = delete;
  TailReader& operator=(const TailReader&) = delete;

  // Reads nothing more ahead; a piece being read is finished.
  void stop();
  // Piece `k`: the one read ahead (waiting for it if it is being read), or
  // else parsed here. Each piece is taken once.
  ParsedPiece take(size_t k);
  // How many pieces were read ahead (for tests).
  size_t read_ahead() const;

 private:
  struct State;
  void read_ahead_loop();

  std::unique_ptr<State> state_;
  TaskGroup worker_;  // last: waited for before the state goes
};

}  // namespace smr
