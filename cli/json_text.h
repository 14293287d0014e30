// Appending JSON text directly: the output path of `eval` writes one object
// per scenario, and building a DOM for each costs more than evaluating it.
#pragma once

#include <string>
#include <string_view>

namespace smr::cli {

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

}  // namespace smr::cli
