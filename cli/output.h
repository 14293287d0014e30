// What the commands write: stdout collected and written in large pieces,
// each scenario's result with its diagnostics kept in order.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/workspace.h"

namespace smr::cli {

// Collects stdout and writes it in large pieces as results arrive.
// The texts are kept as they come and written together (writev): a JSON
// report of 100,000 scenarios is 120 MB, not worth copying twice on the way.
class Output {
 public:
  ~Output() { flush(); }
  void add(std::string text) {
    if (text.empty()) return;
    written_ = true;
    bytes_ += text.size();
    pieces_.push_back(std::move(text));
    if (bytes_ > (1u << 16) || pieces_.size() >= 256) flush();
  }
  void flush() {
    emit(pieces_);
    pieces_.clear();
    bytes_ = 0;
  }
  bool started() const { return written_; }

 private:
  std::vector<std::string> pieces_;
  size_t bytes_ = 0;
  bool written_ = false;
};

// What a worker hands back for one scenario.
struct Evaluated {
  std::string text;                      // stdout
  std::vector<std::string> diagnostics;  // stderr, each rendered
  bool failed = false;                   // an error: nothing goes to stdout
  bool test_failed = false;              // `smr test`: an expectation did not hold
};

// Writes results in order and keeps count of what went to stderr: past
// kMaxPrintedDiagnostics, diagnostics are counted, not printed.
class ResultWriter {
 public:
  static constexpr int kMaxPrintedDiagnostics = 200;
  // Text reports are separated by a blank line.
  explicit ResultWriter(bool blank_line_between) : blank_line_between_(blank_line_between) {}
  ~ResultWriter();
  // Its diagnostics to stderr (after what stdout holds so far), its text to
  // stdout unless it failed.
  void write(Evaluated&& e);
  void add(const std::string& text) { out_.add(text); }
  void flush() { out_.flush(); }
  int exit_code() const { return failed_ ? 1 : 0; }

 private:
  Output out_;
  bool blank_line_between_;
  bool failed_ = false;
  int printed_ = 0, hidden_ = 0;
};

// Writes `text` to `path`, replacing it; false with *error (the system's
// reason) when it cannot.
bool write_text_file(const std::string& path, const std::string& text, std::string* error);

// The --jobs value, or every core.
int jobs_of(const Options& o);

// `smr eval --scenarios-jsonl` (`testing`: `smr test --scenarios-jsonl`,
// which runs the streamed scenarios' expectations).
int stream_scenarios(const Workspace& ws, const Options& o, bool testing);

}  // namespace smr::cli
