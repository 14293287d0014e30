// Diagnostics: what every layer reports into, and what `smr check` prints.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace smr {

// A place in the model's source text: a file of the SourceManager, a byte
// offset into it and a length in bytes. Every AST node and every checked
// model element carries one.
struct SourceLoc {
  uint32_t file = 0;
  uint32_t offset = 0;
  uint32_t length = 0;
  bool valid() const { return file != 0; }
};

enum class Severity { Error, Warning, Note };

// One message at one place. A note follows the error it explains.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;
  bool standalone = false;  // a note that explains no other message
};

// The sink every pass reports into. It never prints: the CLI renders it.
class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message);
  void warning(SourceLoc loc, std::string message);
  void note(SourceLoc loc, std::string message);
  // A note of its own, shown where warnings are (`smr check`).
  void remark(SourceLoc loc, std::string message);

  // Adds every diagnostic of `other`, in order.
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  int error_count() const { return errors_; }
  int warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  // Stable by position so that a run's output never depends on pass order:
  // file, then offset, with each note kept behind the message it explains.
  void sort_by_place();

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int warnings_ = 0;
};

}  // namespace smr
