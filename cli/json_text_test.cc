// JSON strings as the reports write them: plain runs copied, every
// character JSON requires escaped.
#include "cli/json_text.h"

#include <catch2/catch.hpp>

using smr::cli::append_json_string;

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[json]") {
  auto json = [](std::string_view s) {
    std::string out = "x";
    append_json_string(out, s);
    return out;
  };
  CHECK(json("") == "x\"\"");
  CHECK(json("plain text, é and 100%") == "x\"plain text, é and 100%\"");
  CHECK(json("say \"hi\"") == "x\"say \\\"hi\\\"\"");
  CHECK(json("a\\b") == "x\"a\\\\b\"");
  CHECK(json("\"") == "x\"\\\"\"");
  CHECK(json("line\nnext\ttab\rret") == "x\"line\\nnext\\ttab\\rret\"");
  CHECK(json(std::string_view("\x01z\x1f", 3)) == "x\"\\u0001z\\u001f\"");
  CHECK(json(std::string_view("end\0", 4)) == "x\"end\\u0000\"");
}
