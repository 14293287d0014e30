// The lexical layer without Spirit: identifiers, reserved words, white space
// and comments, strings and literals. Shared by the grammar (tokens.hpp)
// and the JSON reader, which accepts literals of the language in strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace smr::parser {

enum class LiteralKind { Int, Decimal, Percent, Money, Date, Duration, Bool, String };

// A literal as written. `text` holds the number (with `_` and an optional
// leading `-`), the date, `true`/`false` or the unescaped string; `unit`
// holds the currency code or the duration unit. Both are views: into the
// scanned text, or (see scan_literal) into a scratch string. Values are
// computed by the checker, which reports overflow and impossible dates at
// this place.
struct LiteralToken {
  LiteralKind kind = LiteralKind::Int;
  std::string_view text;
  std::string_view unit;
};

// Which bytes begin (1) or continue (1 or 2) an identifier: letters and
// '_' begin one, digits only continue it.
struct IdentChars {
  unsigned char kind[256] = {};
  constexpr IdentChars() {
    for (int c = 'a'; c <= 'z'; ++c) kind[c] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) kind[c] = 1;
    kind[static_cast<unsigned char>('_')] = 1;
    for (int c = '0'; c <= '9'; ++c) kind[c] = 2;
  }
};
inline constexpr IdentChars kIdentChars{};

// Inline, by table: the grammar asks of every character.
inline bool is_ident_start(char c) { return kIdentChars.kind[static_cast<unsigned char>(c)] == 1; }
inline bool is_ident_char(char c) { return kIdentChars.kind[static_cast<unsigned char>(c)] != 0; }
// True when [p, end) starts with `w`, and `w`, if a word, is not the start
// of a longer identifier (inline: the grammar tries a keyword at most
// tokens, and most tries fail at the first character).
inline bool starts_word(const char* p, const char* end, std::string_view w) {
  size_t n = w.size();
  if (static_cast<size_t>(end - p) < n || (n > 0 && *p != w[0])) return false;
  if (std::string_view(p, n) != w) return false;
  return n == 0 || !is_ident_char(w.back()) || p + n == end || !is_ident_char(p[n]);
}
// The end of the identifier characters starting at `p`.
const char* scan_word(const char* p, const char* end);
// True for the language's reserved words.
bool is_reserved(std::string_view word);
// All of them.
std::vector<std::string_view> reserved_words();
// True for reserved words that are names in expressions: severity, date,
// relevant_income.
bool is_builtin_name(std::string_view word);
// Skips white space and comments; an unterminated block comment runs to the
// end of the file (the parser then reports what it expected there).
const char* skip_space_and_comments(const char* p, const char* end);
// The same, inline for the usual cases of nothing or one blank to skip (the
// grammar skips before every token).
inline const char* skip_space(const char* p, const char* end) {
  auto token_starts = [end](const char* at) {
    return at != end && static_cast<unsigned char>(*at) > ' ' && *at != '/';
  };
  if (token_starts(p)) return p;
  if (p != end && *p == ' ' && token_starts(p + 1)) return p + 1;
  return skip_space_and_comments(p, end);
}
// Scans a string literal starting at the opening quote. Returns the position
// after the closing quote, or nullptr with *error set.
const char* scan_string(const char* p, const char* end, std::string* out, const char** error_at,
                        std::string* error);
// scan_string, with the text as a view: of [p, end) when the string has no
// escapes, else of *scratch, which it overwrites.
const char* scan_string_text(const char* p, const char* end, std::string* scratch,
                             std::string_view* out, const char** error_at, std::string* error);
// Moves `p` to where parsing resumes after a syntax error:
// past the next `;`, or to the next `}` (past it when `consume_brace`), with
// balanced `{...}` blocks skipped whole.
const char* skip_to_sync_point(const char* p, const char* end, bool consume_brace);
// True when `p` starts with a word that begins a declaration or statement
// (`function`, `holds`, `then`, ...): after an error there, the likely fault
// is a missing `;` before it, so parsing resumes at the word itself.
bool starts_statement(const char* p, const char* end, bool top_level);

// Where the top-level declaration starting at `i` (brace depth 0) ends:
// just past its `;` or closing `}`; npos when it does not end. Strings and
// comments are skipped as the lexer reads them. Used to cut a large file
// into pieces parsed apart.
size_t top_level_end(std::string_view text, size_t i);

// The offset of a `/*` that has no closing `*/` (outside strings and line
// comments), or -1.
long find_unterminated_comment(std::string_view text);

// Scans one literal at `p` (any lexical form of a value). Returns the end,
// or nullptr: with *error_at and *error set for a broken one (an
// unterminated string), with *error_at null when there is no literal here.
// out->text views [p, end), except for a string with escapes and a
// negative number with blanks after its '-': those are written to
// *scratch, which out->text then views (`uses_scratch`).
const char* scan_literal(const char* p, const char* end, bool allow_sign, LiteralToken* out,
                         std::string* scratch, const char** error_at, std::string* error);
inline bool uses_scratch(const LiteralToken& t, const std::string& scratch) {
  return !t.text.empty() && t.text.data() == scratch.data();
}

}  // namespace smr::parser
