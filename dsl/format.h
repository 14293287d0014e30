// `smr fmt`: one canonical layout for .smr text. It works on tokens, so it
// formats any file — one that does not parse too — and changes nothing but
// the white space between tokens: every comment, string and literal is
// kept as written (numbers too), and formatting formatted text changes
// nothing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace smr {

// The text in canonical layout: two-space indentation by braces, one
// declaration or statement a line, table entries one a line, single spaces
// around operators and none inside brackets, comments kept where they were
// (at the end of a line, or on their own), at most one blank line, the
// sanctions of consecutive `expect` lines aligned, one final newline.
std::string format_smr(std::string_view text);

// The identifiers of `text` (not inside strings or comments) with their
// byte offsets: what an editor looks up and renames.
struct SmrWord {
  size_t offset;
  std::string_view text;
};
std::vector<SmrWord> smr_words(std::string_view text);
// The language's reserved words, for completion.
std::vector<std::string_view> smr_keywords();

// Reads a file as the compiler does: regular files only, up to the size
// limit; false with *error (the reason: "no such file", "is a directory")
// otherwise.
bool read_source_file(const std::string& path, std::string* text, std::string* error);

// The tokens of `text` without white space, comments included: what
// formatting must keep, in order.
std::vector<std::string> smr_tokens(std::string_view text);

}  // namespace smr
