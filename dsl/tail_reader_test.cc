// Reading a scenario tail's pieces ahead gives what parsing them later does.
#include "dsl/tail_reader.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "dsl/parser.h"

using namespace smr;

namespace {

// A regime, then scenarios to about `bytes`; scenario 1000 has a syntax
// error (a breach without its type).
std::string tail_text(size_t bytes) {
  std::string text = "regime \"T\" { currency GBP; }\n";
  for (int i = 0; text.size() < bytes; ++i) {
    if (i == 1000) {
      text += "scenario \"broken\" { breach on 2022-01-01 { severity 2; } }\n";
      continue;
    }
    text += fmt::format("scenario \"s{}\" {{ breach harm on 2022-01-01 {{ severity 2; }} }}\n", i);
  }
  return text;
}

// What a piece holds: its scenarios' titles and its count of syntax errors.
std::vector<std::string> summary(const ParsedPiece& piece) {
  std::vector<std::string> out;
  for (const auto& d : piece.decls) {
    const auto* s = boost::get<ast::Scenario>(&d);
    out.push_back(s ? std::string(s->title.text) : "(not a scenario)");
  }
  out.push_back(fmt::format("{} errors", piece.syntax.error_count()));
  return out;
}

// Waits (up to ten seconds) until `reader` has read `n` pieces ahead.
bool wait_for(const TailReader& reader, size_t n) {
  for (int i = 0; i < 1000 && reader.read_ahead() < n; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return reader.read_ahead() >= n;
}

}  // namespace

TEST_CASE("a tail's pieces read ahead are those parsed when taken", "[parser][tail]") {
  SourceManager sources;
  Diagnostics diags;
  uint32_t id = sources.add("big.smr", tail_text(5'000'000));
  ast::File f = parse_file(sources, id, diags, 1, true);  // one thread: no reader
  REQUIRE(diags.all().empty());
  REQUIRE(f.tail);
  CHECK_FALSE(f.tail->ahead);
  const ast::ScenarioTail& tail = *f.tail;
  REQUIRE(tail.pieces() > 20);
  std::vector<std::vector<std::string>> expected;
  size_t errors = 0;
  for (size_t k = 0; k < tail.pieces(); ++k) {
    expected.push_back(summary(parse_tail_piece(tail, k)));
    errors += expected.back().back() != "0 errors";
  }
  CHECK(errors == 1);  // the piece with "broken"
  constexpr size_t kAll = size_t{64} << 20;

  SECTION("everything, within the budget") {
    TailReader reader(tail, kAll);
    REQUIRE(wait_for(reader, tail.pieces()));
    for (size_t k = 0; k < tail.pieces(); ++k) CHECK(summary(reader.take(k)) == expected[k]);
  }
  SECTION("no further than the budget: one piece of 128 KiB passes a budget of 1 byte") {
    TailReader reader(tail, 1);
    REQUIRE(wait_for(reader, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(reader.read_ahead() == 1);
    for (size_t k = 0; k < tail.pieces(); ++k) CHECK(summary(reader.take(k)) == expected[k]);
  }
  SECTION("stopped: the rest are parsed as they are taken, in any order") {
    TailReader reader(tail, kAll);
    reader.stop();
    // However far it got before the stop, it finishes at most the piece it
    // was reading.
    size_t at_stop = reader.read_ahead();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(reader.read_ahead() <= at_stop + 1);
    for (size_t k = tail.pieces(); k-- > 0;) CHECK(summary(reader.take(k)) == expected[k]);
  }
  SECTION("taken while being read: the taker waits for the piece or parses it") {
    TailReader reader(tail, kAll);
    for (size_t k = 0; k < tail.pieces(); ++k) CHECK(summary(reader.take(k)) == expected[k]);
  }
  SECTION("never taken: destroyed while reading") { TailReader reader(tail, kAll); }
  SECTION("no thread to be had: nothing is read ahead, every piece is parsed when taken") {
    fail_next_thread_starts(1);
    TailReader reader(tail, kAll);
    fail_next_thread_starts(0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(reader.read_ahead() == 0);
    for (size_t k = 0; k < tail.pieces(); ++k) CHECK(summary(reader.take(k)) == expected[k]);
  }
}

TEST_CASE("parse_file reads the tail ahead when it has more than one thread", "[parser][tail]") {
  SourceManager sources;
  Diagnostics diags;
  uint32_t id = sources.add("big.smr", tail_text(5'000'000));
  ast::File f = parse_file(sources, id, diags, 2, true);
  REQUIRE(f.tail);
  REQUIRE(f.tail->ahead);
  CHECK(wait_for(*f.tail->ahead, 1));
  ParsedPiece first = f.tail->ahead->take(0);
  CHECK(summary(first).front() == "s0");
}
