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

TEST_CASE("a JSON line is built whole, or gives way when a string needs escapes", "[json]") {
  using smr::cli::JsonLine;
  JsonLine line;
  line.literal("{\"id\":");
  line.string("p1");
  line.literal(",\"on\":");
  line.boolean(true);
  line.raw(",\"n\":7}");
  REQUIRE(line.ok());
  std::string out = "[";
  line.append_to(out);
  CHECK(out == "[{\"id\":\"p1\",\"on\":true,\"n\":7}");

  JsonLine quoted;
  quoted.string("say \"hi\"");
  CHECK_FALSE(quoted.ok());
  JsonLine control;
  control.string(std::string_view("a\0b", 3));
  CHECK_FALSE(control.ok());
  JsonLine long_one;
  long_one.string(std::string(600, 'x'));  // more than its buffer
  CHECK_FALSE(long_one.ok());
  JsonLine grown;
  for (int i = 0; i < 100; ++i) grown.literal("0123456789");
  CHECK_FALSE(grown.ok());
}
