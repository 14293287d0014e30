#include "dsl/core/source.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace smr {

size_t count_code_points(std::string_view s) {
  return std::count_if(s.begin(), s.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

long find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    // Most text is ASCII: skip eight bytes at a time while no high bit is set.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > n) return static_cast<long>(i);
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return static_cast<long>(i);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return static_cast<long>(i);
    i += len;
  }
  return -1;
}

uint32_t SourceManager::add(std::string path, FileText text, int first_line) {
  File f;
  f.path = std::move(path);
  f.text = std::move(text);
  f.first_line = first_line;
  files_.push_back(std::move(f));
  return static_cast<uint32_t>(files_.size());
}

const std::vector<uint32_t>& SourceManager::line_starts(const File& f) const {
  std::call_once(f.lines->once, [&f] {
    std::string_view view = f.text.view();
    const char* begin = view.data();
    const char* end = begin + view.size();
    std::vector<uint32_t>& starts = f.lines->starts;
    starts.push_back(0);
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));
         ++p) {
      starts.push_back(static_cast<uint32_t>(p - begin + 1));
    }
  });
  return f.lines->starts;
}

SourceManager::LineCol SourceManager::line_col(SourceLoc loc) const {
  if (!loc.valid() || loc.file > files_.size()) return {};
  const File& f = files_[loc.file - 1];
  uint32_t offset = std::min<uint32_t>(loc.offset, f.text.view().size());
  const std::vector<uint32_t>& starts = line_starts(f);
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  int line = static_cast<int>(it - starts.begin());
  uint32_t start = starts[line - 1];
  std::string_view before(f.text.view().data() + start, offset - start);
  return {line + f.first_line - 1, static_cast<int>(count_code_points(before)) + 1};
}

std::string_view SourceManager::line_text(uint32_t file, int line) const {
  const File& f = files_[file - 1];
  line -= f.first_line - 1;
  const std::vector<uint32_t>& starts = line_starts(f);
  if (line < 1 || line > static_cast<int>(starts.size())) return {};
  uint32_t start = starts[line - 1];
  uint32_t end = line < static_cast<int>(starts.size()) ? starts[line] : f.text.view().size();
  std::string_view s(f.text.view().data() + start, end - start);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

namespace {

// Source text as it may be shown on a terminal: control characters and
// bytes that are not UTF-8 become '?', one byte for one, so offsets keep.
std::string printable(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u == 0x7F) c = '?';
  }
  for (size_t at = 0; at < out.size();) {
    long bad = find_invalid_utf8(std::string_view(out).substr(at));
    if (bad < 0) break;
    at += static_cast<size_t>(bad);
    out[at++] = '?';
  }
  return out;
}

// A byte index moved back to the start of its code point.
size_t code_point_start(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

std::string printable_message(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (char c : message) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\x{:02X}", u);
    } else {
      out += c;
    }
  }
  return out;
}

std::string SourceManager::render(const Diagnostic& d) const {
  const char* kind = d.severity == Severity::Error     ? "error"
                     : d.severity == Severity::Warning ? "warning"
                                                       : "note";
  std::string message = printable_message(d.message);
  if (!d.loc.valid()) return fmt::format("smr: {}: {}\n", kind, message);
  LineCol lc = line_col(d.loc);
  const File& f = files_[d.loc.file - 1];
  int local_line = lc.line - f.first_line + 1;
  std::string out =
      fmt::format("{}:{}:{}: {}: {}\n", path(d.loc.file), lc.line, lc.column, kind, message);
  std::string_view line = line_text(d.loc.file, lc.line);
  uint32_t line_start = line_starts(f)[local_line - 1];
  size_t caret = std::min<size_t>(d.loc.offset - std::min(d.loc.offset, line_start), line.size());
  size_t caret_end = std::min<size_t>(
      d.loc.offset + d.loc.length - std::min(d.loc.offset, line_start), line.size());
  // A long line is shown around the caret only: a generated file may have
  // one line of a hundred megabytes.
  constexpr size_t kBefore = 80, kShown = 200;
  size_t from = code_point_start(line, caret > kBefore ? caret - kBefore : 0);
  size_t to = line.size() - from > kShown ? code_point_start(line, from + kShown) : line.size();
  std::string shown = printable(line.substr(from, to - from));
  std::string lead = from > 0 ? "..." : "";
  out += lead + shown + (to < line.size() ? "...\n" : "\n");
  // Keep tabs so the caret lines up under the same characters.
  std::string pad(lead.size(), ' ');
  for (size_t i = 0; i < caret - from; ++i) {
    unsigned char c = static_cast<unsigned char>(shown[i]);
    if ((c & 0xC0) != 0x80) pad += c == '\t' ? '\t' : ' ';
  }
  size_t underline_end = std::min(caret_end, to);
  size_t width =
      caret < underline_end
          ? count_code_points(std::string_view(shown).substr(caret - from, underline_end - caret))
          : 1;
  out += pad + "^" + std::string(width > 1 ? width - 1 : 0, '~') + "\n";
  return out;
}

std::string SourceManager::render_all(const Diagnostics& diags) const {
  std::string out;
  for (const auto& d : diags.all()) out += render(d);
  return out;
}

}  // namespace smr
