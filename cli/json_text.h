// Appending JSON text directly: the output path of `eval` writes one object
// per scenario, and building a DOM for each costs more than evaluating it.
#pragma once

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

// Appends `s` as a quoted JSON string (UTF-8 passed through, controls escaped).
void append_json_string(std::string& out, std::string_view s);
// Appends a string literal (punctuation and keys) without measuring it.
template <size_t N>
void append_literal(std::string& out, const char (&text)[N]) {
  out.append(text, N - 1);
}
inline void append_json_bool(std::string& out, bool b) {
  if (b) {
    append_literal(out, "true");
  } else {
    append_literal(out, "false");
  }
}

// A short piece of JSON built in a buffer of its own and appended at once:
// a report writes an object per person, where a string's appends cost more
// than the characters. Only strings that need no escape fit; when one does
// not (or the piece outgrows the buffer) the line is not ok() and the
// caller writes that piece the general way.
class JsonLine {
 public:
  template <size_t N>
  void literal(const char (&text)[N]) {
    raw(std::string_view(text, N - 1));
  }
  void raw(std::string_view s) {
    if (!room(s.size())) return;
    std::memcpy(buf_ + size_, s.data(), s.size());
    size_ += s.size();
  }
  void string(std::string_view s) {
    if (!room(s.size() + 2)) return;
    char* w = buf_ + size_;
    *w++ = '"';
    for (char c : s) {
      if (json_needs_escape(c)) {
        ok_ = false;
        return;
      }
      *w++ = c;
    }
    *w++ = '"';
    size_ = static_cast<size_t>(w - buf_);
  }
  void boolean(bool b) {
    if (b) {
      literal("true");
    } else {
      literal("false");
    }
  }
  bool ok() const { return ok_; }
  void append_to(std::string& out) const { out.append(buf_, size_); }

 private:
  bool room(size_t n) {
    ok_ = ok_ && size_ + n <= sizeof buf_;
    return ok_;
  }
  char buf_[512];
  size_t size_ = 0;
  bool ok_ = true;
};

}  // namespace smr::cli
