#include "dsl/tail_reader.h"

#include <condition_variable>
#include <mutex>
#include <optional>

#include "dsl/parser.h"

namespace smr {

ParsedPiece parse_tail_piece(const ast::ScenarioTail& tail, size_t k) {
  ParsedPiece out;
  out.decls = parse_piece(tail, k, out.syntax, out.store);
  return out;
}

namespace {

enum class PieceState : uint8_t { Waiting, Reading, Read, Taken };

}  // namespace

struct TailReader::State {
  ast::ScenarioTail tail;  // a copy, without its reader
  size_t budget = 0;
  std::mutex mu;
  std::condition_variable read;  // a piece went from Reading to Read or Waiting
  std::vector<PieceState> states;
  std::vector<std::optional<ParsedPiece>> pieces;
  bool stopped = false;
  size_t read_ahead = 0;
};

TailReader::TailReader(const ast::ScenarioTail& tail, size_t budget_bytes)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.tail.file_id = tail.file_id;
  s.tail.text = tail.text;
  s.tail.cuts = tail.cuts;
  s.tail.scenarios = tail.scenarios;
  s.budget = budget_bytes;
  s.states.assign(tail.pieces(), PieceState::Waiting);
  s.pieces.resize(tail.pieces());
  worker_.start([this] { read_ahead_loop(); });  // no thread: nothing is read ahead
}

TailReader::~TailReader() {
  stop();
  worker_.wait();
}

void TailReader::stop() {
  std::lock_guard lock(state_->mu);
  state_->stopped = true;
}

size_t TailReader::read_ahead() const {
  std::lock_guard lock(state_->mu);
  return state_->read_ahead;
}

void TailReader::read_ahead_loop() {
  State& s = *state_;
  size_t bytes = 0;
  for (size_t k = 0; k < s.states.size(); ++k) {
    {
      std::lock_guard lock(s.mu);
      // Stopped, enough read, or the checker is already here: done.
      if (s.stopped || bytes >= s.budget || s.states[k] != PieceState::Waiting) return;
      s.states[k] = PieceState::Reading;
    }
    std::optional<ParsedPiece> piece;
    try {
      piece = parse_tail_piece(s.tail, k);
    } catch (...) {
      // Out of memory, say: the checker parses the piece again and meets it.
    }
    bytes += s.tail.cuts[k + 1] - s.tail.cuts[k];
    bool read = piece.has_value();
    {
      std::lock_guard lock(s.mu);
      s.states[k] = read ? PieceState::Read : PieceState::Waiting;
      s.pieces[k] = std::move(piece);
      s.read_ahead += read ? 1 : 0;
    }
    s.read.notify_all();
    if (!read) return;
  }
}

ParsedPiece TailReader::take(size_t k) {
  State& s = *state_;
  {
    std::unique_lock lock(s.mu);
    s.read.wait(lock, [&] { return s.states[k] != PieceState::Reading; });
    bool ready = s.states[k] == PieceState::Read;
    s.states[k] = PieceState::Taken;
    if (ready) {
      ParsedPiece out = std::move(*s.pieces[k]);
      s.pieces[k].reset();
      return out;
    }
  }
  return parse_tail_piece(s.tail, k);
}

}  // namespace smr
