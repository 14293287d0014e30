// The lexer's scan for where top-level declarations end (used to cut a large
// file into pieces), against a byte-by-byte reading of the same rules.
#include "dsl/lexer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/random_picks.h"

using smr::parser::top_level_end;

namespace {

// The rules read one byte at a time: strings end at their quote or the
// line's end (a backslash takes the next byte with it), comments as the
// lexer skips them, and a declaration ends at a `;` outside braces or at
// the `}` that closes its first brace.
size_t byte_by_byte(std::string_view text, size_t i) {
  size_t n = text.size();
  int depth = 0;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '"') {
      while (++i < n && text[i] != '"' && text[i] != '\n') {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? n : close + 1;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    } else if (c == ';' && depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Texts of braces, semicolons, strings (escapes, unclosed ones), comments
// (with braces inside, unclosed ones) and words, in runs of any length, so
// that every kind of byte falls at every place of a sixteen-byte block.
class ScanText : smr::testing::RandomPicks {
 public:
  explicit ScanText(uint32_t seed) : RandomPicks(seed) {}
  std::string make() {
    std::string out;
    for (int n = below(60); n > 0; --n) {
      out += pick({"{",        "}",
                   ";",        " ",
                   "\n",       "person p1",
                   "x",        "abcdefghijklmnop",
                   "\"s\"",    "\"a \\\" } ;\"",
                   "\"\\\\\"", "\"open {\n",
                   "// } ;\n", "/* { ; */",
                   "/",        "/*",
                   "*/",       "\"",
                   "\\",       "é"});
    }
    return out;
  }
};

}  // namespace

TEST_CASE("where top-level declarations end, worked out by hand", "[lexer]") {
  std::string text = "fact a: int; org o { person p { holds F; } }\nscenario \"}\" { }";
  CHECK(top_level_end(text, 0) == 12);   // past `int;`
  CHECK(top_level_end(text, 12) == 44);  // past the org's `}`
  CHECK(top_level_end(text, 44) == text.size());
  CHECK(top_level_end("rule r { when a; /* } */ }", 0) == 26);
  CHECK(top_level_end("org o { \"unclosed\n } x", 0) == 20);
  CHECK(top_level_end("org o { // }\n", 0) == std::string_view::npos);
  CHECK(top_level_end("", 0) == std::string_view::npos);
}

TEST_CASE("the sixteen-byte scan finds the ends the byte-by-byte reading finds", "[lexer]") {
  ScanText maker(20261130);
  size_t compared = 0, ended = 0;
  for (int t = 0; t < 3'000; ++t) {
    std::string text = maker.make();
    for (size_t start = 0; start <= text.size(); ++start) {
      size_t expected = byte_by_byte(text, start);
      INFO(text << " from " << start);
      REQUIRE(top_level_end(text, start) == expected);
      ++compared;
      ended += expected != std::string_view::npos;
    }
  }
  // Both outcomes come up often.
  CHECK(ended > compared / 10);
  CHECK(compared - ended > compared / 10);
}

TEST_CASE("an org of 100,000 people is one declaration to the scan", "[lexer]") {
  std::string text = "org big {\n";
  for (int i = 0; i < 100'000; ++i) {
    text += "  person p" + std::to_string(i) + " \"P {" + std::to_string(i) +
            "\" { reports_to p0; holds F1; } // }\n";
  }
  text += "}\nscenario \"s\" { }\n";
  size_t org_end = text.find("}\nscenario") + 1;
  CHECK(top_level_end(text, 0) == org_end);
  CHECK(top_level_end(text, org_end) == text.size() - 1);
}
