#include "cli/json_text.h"

#include <fmt/format.h>

#include <cstring>

namespace smr::cli {

namespace {

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  size_t clean = json_plain_prefix(s);
  if (clean == s.size()) {  // the usual case: quoted as it is, in one copy
    size_t at = out.size();
    out.resize(at + s.size() + 2);
    char* p = out.data() + at;
    p[0] = '"';
    std::memcpy(p + 1, s.data(), s.size());
    p[s.size() + 1] = '"';
    return;
  }
  out += '"';
  // Runs of characters that need no escape are copied whole.
  for (size_t i = 0; i < s.size();) {
    size_t run = i + json_plain_prefix(s.substr(i));
    out.append(s.data() + i, run - i);
    if (run == s.size()) break;
    append_escaped(out, s[run]);
    i = run + 1;
  }
  out += '"';
}

void JsonAppender::raw_past_buffer(std::string_view s) {
  flush();
  if (s.size() > sizeof buf_) {
    out_.append(s);
    return;
  }
  std::memcpy(buf_, s.data(), s.size());
  size_ = s.size();
}

}  // namespace smr::cli
