#include "cli/json_text.h"

#include <fmt/format.h>

namespace smr::cli {

namespace {

// The bytes a JSON string escapes: quote, backslash and controls.
struct EscapedBytes {
  bool at[256] = {};
  constexpr EscapedBytes() {
    for (int c = 0; c < 0x20; ++c) at[c] = true;
    at[static_cast<unsigned char>('"')] = at[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapedBytes kEscaped;

bool needs_escape(char c) { return kEscaped.at[static_cast<unsigned char>(c)]; }

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
  out += '"';
  // Runs of characters that need no escape are copied whole.
  for (size_t i = 0; i < s.size();) {
    size_t run = i;
    while (run < s.size() && !needs_escape(s[run])) ++run;
    out.append(s.data() + i, run - i);
    if (run == s.size()) break;
    append_escaped(out, s[run]);
    i = run + 1;
  }
  out += '"';
}

}  // namespace smr::cli
