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

TEST_CASE("the JSON appender writes what append_json_string writes, whatever fits its buffer",
          "[json]") {
  using smr::cli::JsonAppender;
  std::string out = "[";
  {
    JsonAppender json(out);
    json.literal("{\"id\":");
    json.string("p1");
    json.literal(",\"on\":");
    json.boolean(true);
    json.raw(",\"n\":7}");
  }  // flushed when it goes
  CHECK(out == "[{\"id\":\"p1\",\"on\":true,\"n\":7}");

  // Strings to escape, longer than the buffer, and a piece that outgrows
  // it: in order, each as append_json_string or the text itself.
  const std::string long_one(600, 'x');
  std::string expected = "[";
  for (std::string_view s : {std::string_view("say \"hi\""), std::string_view("a\0b", 3),
                             std::string_view(long_one), std::string_view("plain")}) {
    smr::cli::append_json_string(expected, s);
  }
  for (int i = 0; i < 100; ++i) expected += "0123456789";
  out = "[";
  JsonAppender json(out);
  json.string("say \"hi\"");
  json.string(std::string_view("a\0b", 3));
  json.string(long_one);
  json.string("plain");
  for (int i = 0; i < 100; ++i) json.literal("0123456789");
  json.flush();
  CHECK(out == expected);
  CHECK(out.substr(0, 13) == R"(["say \"hi\"")");  // the escapes written, not dropped
}

TEST_CASE("the plain start of a string is found eight bytes at a time as one at a time", "[json]") {
  auto reference = [](std::string_view s) {
    size_t i = 0;
    while (i < s.size() && !smr::cli::json_needs_escape(s[i])) ++i;
    return i;
  };
  // Every byte value at every place of strings around a word's length, in
  // a run of plain bytes (letters, high bytes, 0x7F, '!' and '#' beside
  // the quote, ']' and '^' beside the backslash, ' ' just past the controls).
  const std::string plain_bytes = "aZ~\x7f\x80\xff!#]^ ";
  for (size_t len : {1u, 7u, 8u, 9u, 16u, 17u, 23u}) {
    for (size_t at = 0; at < len; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string s;
        for (size_t k = 0; k < len; ++k) s += plain_bytes[(k * 5 + len) % plain_bytes.size()];
        s[at] = static_cast<char>(byte);
        INFO("length " << len << ", byte " << byte << " at " << at);
        REQUIRE(smr::cli::json_plain_prefix(s) == reference(s));
      }
    }
  }
  CHECK(smr::cli::json_plain_prefix("") == 0);
  CHECK(smr::cli::json_plain_prefix("Person 266") == 10);
  CHECK(smr::cli::json_plain_prefix("twelve chars\"x") == 12);
}
