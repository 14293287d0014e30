// Reads a stream line by line with a cap on a line's length, so that an
// endless line costs bounded memory.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace smr::cli {

class LineReader {
 public:
  LineReader(std::FILE* file, size_t max_line_bytes)
      : file_(file), max_(max_line_bytes), buffer_(1 << 16) {}

  // The next line, without its newline (or "\r\n"), and its number from 1;
  // false at the end of the stream. A line longer than the cap is skipped
  // to its end and returned empty with *too_long set.
  bool next(std::string* line, long* number, bool* too_long);
  // True when reading failed (not merely ended).
  bool failed() const { return failed_; }

 private:
  bool fill();

  std::FILE* file_;
  size_t max_;
  std::vector<char> buffer_;
  size_t pos_ = 0, len_ = 0;
  long number_ = 0;
  bool eof_ = false, failed_ = false;
};

}  // namespace smr::cli
