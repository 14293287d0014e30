#include "cli/line_reader.h"

#include <cstring>

namespace smr::cli {

bool LineReader::fill() {
  if (eof_) return false;
  len_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  pos_ = 0;
  if (len_ == 0) {
    eof_ = true;
    failed_ = std::ferror(file_) != 0;
  }
  return len_ > 0;
}

bool LineReader::next(std::string* line, long* number, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  while (true) {
    if (pos_ == len_ && !fill()) break;
    any = true;
    const char* start = buffer_.data() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
    size_t n = nl ? static_cast<size_t>(nl - start) : len_ - pos_;
    if (!*too_long && line->size() + n > max_) {
      *too_long = true;
      line->clear();
      line->shrink_to_fit();
    }
    if (!*too_long) line->append(start, n);
    pos_ += n + (nl ? 1 : 0);
    if (nl) break;
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  *number = ++number_;
  return true;
}

}  // namespace smr::cli
