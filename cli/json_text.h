// Appending JSON text directly: the output path of `eval` writes one object
// per scenario, and building a DOM for each costs more than evaluating it.
#pragma once

#include <string>
#include <string_view>

namespace smr::cli {

// Appends `s` as a quoted JSON string (UTF-8 passed through, controls escaped).
void append_json_string(std::string& out, std::string_view s);
inline void append_json_bool(std::string& out, bool b) { out += b ? "true" : "false"; }

}  // namespace smr::cli
