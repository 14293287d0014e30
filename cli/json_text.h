// Appending JSON text directly: the output path of `eval` writes one object
// per scenario, and building a DOM for each costs more than evaluating it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace smr::cli {

// The bytes a JSON string escapes: quote, backslash and controls.
struct JsonEscapedBytes {
  bool at[256] = {};
  constexpr JsonEscapedBytes() {
    for (int c = 0; c < 0x20; ++c) at[c] = true;
    at[static_cast<unsigned char>('"')] = at[static_cast<unsigned char>('\\')] = true;
  }
};
inline constexpr JsonEscapedBytes kJsonEscaped;
inline bool json_needs_escape(char c) { return kJsonEscaped.at[static_cast<unsigned char>(c)]; }

// The length of the longest start of `s` that needs no escape, read eight
// bytes at a time: a word holds a quote, a backslash or a control exactly
// when one of the three byte tests below finds one (the classic "has a
// zero byte" and "has a byte less than n" tests).
inline size_t json_plain_prefix(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
    uint64_t found =
        ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((w - kOnes * 0x20) & ~w);
    if (found & kHighs) break;
  }
  while (i < s.size() && !json_needs_escape(s[i])) ++i;
  return i;
}

// Appends `s` as a quoted JSON string (UTF-8 passed through, controls escaped).
void append_json_string(std::string& out, std::string_view s);
inline void append_json_bool(std::string& out, bool b) { out += b ? "true" : "false"; }

// Appends JSON to a string through a small buffer of its own, copied over
// when full and when flushed: a report writes an object per person, and the
// string's own appends cost more than the characters. Write to the string
// directly only after flush().
class JsonAppender {
 public:
  explicit JsonAppender(std::string& out) : out_(out) {}
  ~JsonAppender() { flush(); }
  JsonAppender(const JsonAppender&) = delete;
  JsonAppender& operator=(const JsonAppender&) = delete;

  template <size_t N>
  void literal(const char (&text)[N]) {
    if (size_ + (N - 1) > sizeof buf_) return raw_past_buffer(std::string_view(text, N - 1));
    std::memcpy(buf_ + size_, text, N - 1);  // a constant size: no call
    size_ += N - 1;
  }
  // `s` as it is.
  void raw(std::string_view s) {
    if (size_ + s.size() > sizeof buf_) return raw_past_buffer(s);
    std::memcpy(buf_ + size_, s.data(), s.size());
    size_ += s.size();
  }
  // `s` quoted, as append_json_string writes it.
  void string(std::string_view s) {
    if (!plain_string(s)) {
      flush();
      append_json_string(out_, s);
    }
  }
  void boolean(bool b) {
    if (b) {
      literal("true");
    } else {
      literal("false");
    }
  }
  void flush() {
    out_.append(buf_, size_);
    size_ = 0;
  }

 private:
  // `s`, which does not fit beside what the buffer holds.
  void raw_past_buffer(std::string_view s);
  // `s` quoted into the buffer; false, writing nothing, when it needs an
  // escape or does not fit.
  bool plain_string(std::string_view s) {
    if (size_ + s.size() + 2 > sizeof buf_) {
      flush();
      if (s.size() + 2 > sizeof buf_) return false;
    }
    if (json_plain_prefix(s) != s.size()) return false;
    char* w = buf_ + size_;
    w[0] = '"';
    std::memcpy(w + 1, s.data(), s.size());
    w[s.size() + 1] = '"';
    size_ += s.size() + 2;
    return true;
  }

  std::string& out_;
  char buf_[512];
  size_t size_ = 0;
};

}  // namespace smr::cli
