// The text of every file in a model, and the mapping from byte offsets to
// the lines and columns that diagnostics print.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/core/file_text.h"

namespace smr {

// Owns the loaded files. File ids start at 1 so that a zero SourceLoc means
// "no place". Columns count code points, as the language contract says.
class SourceManager {
 public:
  struct LineCol {
    int line = 0;
    int column = 0;
  };

  // `first_line` numbers the text's first line (a line of a JSON Lines
  // stream keeps its line number in the stream).
  uint32_t add(std::string path, std::string text, int first_line = 1) {
    return add(std::move(path), FileText(std::move(text)), first_line);
  }
  uint32_t add(std::string path, FileText text, int first_line = 1);
  const std::string& path(uint32_t file) const { return files_[file - 1].path; }
  std::string_view text(uint32_t file) const { return files_[file - 1].text.view(); }
  uint32_t file_count() const { return static_cast<uint32_t>(files_.size()); }
  // Forgets the files added after the first `count` (a load to be redone).
  void keep_first(uint32_t count) { files_.resize(std::min<size_t>(count, files_.size())); }

  LineCol line_col(SourceLoc loc) const;
  std::string_view line_text(uint32_t file, int line) const;

  // `path:line:col: error: message`, the source line and a caret underline.
  std::string render(const Diagnostic& d) const;
  std::string render_all(const Diagnostics& diags) const;

 private:
  // Where a file's lines start, worked out on first use (a message to
  // render): not on the way of every run, where a 22 MB model's lines took
  // 5 ms of the serial start. Threads rendering at once find it once.
  struct LineIndex {
    std::once_flag once;
    std::vector<uint32_t> starts;
  };
  struct File {
    std::string path;
    FileText text;
    std::unique_ptr<LineIndex> lines = std::make_unique<LineIndex>();
    int first_line = 1;
  };
  const std::vector<uint32_t>& line_starts(const File& f) const;
  std::deque<File> files_;  // a deque: texts never move, the syntax tree points into them
};

// Number of UTF-8 code points in `s` (continuation bytes are not counted).
size_t count_code_points(std::string_view s);

// `message` with control characters written as \xNN, so that a name from a
// model cannot move a terminal's cursor or forge a line of output.
std::string printable_message(std::string_view message);

// The offset of the first byte that is not valid UTF-8, or -1.
long find_invalid_utf8(std::string_view text);

}  // namespace smr
