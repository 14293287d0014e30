#include "dsl/lexer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace smr::parser {
namespace {

constexpr std::string_view kReserved[] = {
    "regime",
    "version",
    "currency",
    "unallocated",
    "falls_to",
    "fines",
    "sum",
    "function",
    "board",
    "responsibility",
    "prescribed",
    "fact",
    "person_fact",
    "table",
    "default",
    "breach",
    "area",
    "rule",
    "on",
    "when",
    "then",
    "to",
    "where",
    "censure",
    "fine",
    "disqualification",
    "criminal",
    "accountable",
    "delegates",
    "managers",
    "of",
    "holders",
    "org",
    "person",
    "reports_to",
    "holds",
    "responsible_for",
    "from",
    "until",
    "scenario",
    "in",
    "expect",
    "none",
    "import",
    "and",
    "or",
    "not",
    "if",
    "else",
    "true",
    "false",
    "bool",
    "int",
    "decimal",
    "percent",
    "money",
    "date",
    "min",
    "max",
    "round_down",
    "round_up",
    "prior_breaches",
    "day",
    "days",
    "month",
    "months",
    "year",
    "years",
    "severity",
    "relevant_income",
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Digits with `_` allowed between digits. Returns the end (== p if none).
const char* scan_digits(const char* p, const char* end) {
  if (p == end || !is_digit(*p)) return p;
  ++p;
  while (p != end) {
    if (is_digit(*p)) {
      ++p;
    } else if (*p == '_' && p + 1 != end && is_digit(p[1])) {
      p += 2;
    } else {
      break;
    }
  }
  return p;
}

bool is_date_at(const char* p, const char* end) {
  if (end - p < 10) return false;
  for (int i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? p[i] != '-' : !is_digit(p[i])) return false;
  }
  return end - p == 10 || !is_ident_char(p[10]);
}

}  // namespace

const char* scan_word(const char* p, const char* end) {
  while (p != end && is_ident_char(*p)) ++p;
  return p;
}

namespace {

// The reserved words by first letter ('a' to 'z', then '_') and length: at
// most two share a slot, and most identifiers find theirs empty.
struct ReservedWords {
  static constexpr size_t kLongest = 16;
  std::vector<std::string_view> words[27][kLongest + 1];
  static size_t letter(char c) { return c == '_' ? 26 : static_cast<size_t>(c - 'a'); }
  ReservedWords() {
    for (std::string_view w : kReserved) words[letter(w[0])][w.size()].push_back(w);
  }
};

}  // namespace

bool is_reserved(std::string_view word) {
  // Every identifier of a 20 MB model passes here: ids such as p123 or F7
  // are rejected by their first letter or length, the rest compared with
  // the one or two reserved words of the same first letter and length.
  static const ReservedWords reserved;
  if (word.size() < 2 || word.size() > ReservedWords::kLongest) return false;
  char first = word[0];
  if (!((first >= 'a' && first <= 'z') || first == '_')) return false;
  for (std::string_view w : reserved.words[ReservedWords::letter(first)][word.size()]) {
    if (w == word) return true;
  }
  return false;
}

std::vector<std::string_view> reserved_words() {
  return {std::begin(kReserved), std::end(kReserved)};
}

bool is_builtin_name(std::string_view w) {
  return w == "severity" || w == "date" || w == "relevant_income";
}

const char* skip_space_and_comments(const char* p, const char* end) {
  while (p != end) {
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++p;
    } else if (c == '/' && p + 1 != end && p[1] == '/') {
      while (p != end && *p != '\n') ++p;
    } else if (c == '/' && p + 1 != end && p[1] == '*') {
      p += 2;
      while (p != end && !(*p == '*' && p + 1 != end && p[1] == '/')) ++p;
      p = p == end ? end : p + 2;
    } else {
      break;
    }
  }
  return p;
}

long find_unterminated_comment(std::string_view text) {
  // Most files have no block comment at all: one fast search decides.
  if (text.find("/*") == std::string_view::npos) return -1;
  size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '"') {  // a string ends at its quote or, unterminated, at the line's end
      for (++i; i < n && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      if (close == std::string_view::npos) return static_cast<long>(i);
      i = close + 1;
    }
  }
  return -1;
}

const char* scan_string(const char* p, const char* end, std::string* out, const char** error_at,
                        std::string* error) {
  const char* open = p++;
  while (p != end) {
    char c = *p;
    if (c == '"') return p + 1;
    if (c == '\n') break;
    if (c == '\\') {
      if (p + 1 == end) break;
      char e = p[1];
      char v = e == '"' ? '"' : e == '\\' ? '\\' : e == 'n' ? '\n' : e == 't' ? '\t' : 0;
      if (!v) {
        *error_at = p;
        *error = "a valid escape (\\\" \\\\ \\n \\t)";
        return nullptr;
      }
      out->push_back(v);
      p += 2;
      continue;
    }
    out->push_back(c);
    ++p;
  }
  *error_at = open;
  *error = "a closing '\"' on the same line";
  return nullptr;
}

const char* scan_string_text(const char* p, const char* end, std::string* scratch,
                             std::string_view* out, const char** error_at, std::string* error) {
  // The usual string, without escapes: a view of the text, nothing copied.
  const char* q = p + 1;
  while (q != end && *q != '"' && *q != '\\' && *q != '\n') ++q;
  if (q != end && *q == '"') {
    *out = std::string_view(p + 1, static_cast<size_t>(q - p - 1));
    return q + 1;
  }
  scratch->clear();
  const char* after = scan_string(p, end, scratch, error_at, error);
  if (!after) return nullptr;
  *out = *scratch;
  return after;
}

const char* scan_literal(const char* p, const char* end, bool allow_sign, LiteralToken* out,
                         std::string* scratch, const char** error_at, std::string* error) {
  *error_at = nullptr;
  if (p == end) return nullptr;
  if (*p == '"') {
    out->kind = LiteralKind::String;
    return scan_string_text(p, end, scratch, &out->text, error_at, error);
  }
  if (is_ident_start(*p)) {
    const char* w = scan_word(p, end);
    std::string_view word(p, w - p);
    if (word != "true" && word != "false") return nullptr;
    out->kind = LiteralKind::Bool;
    out->text = word;
    return w;
  }
  const char* start = p;
  bool negative = allow_sign && *p == '-';
  if (negative) p = skip_space(p + 1, end);
  if (p == end || !is_digit(*p)) return nullptr;
  if (!negative && is_date_at(p, end)) {
    out->kind = LiteralKind::Date;
    out->text = std::string_view(p, 10);
    return p + 10;
  }
  const char* q = scan_digits(p, end);
  out->kind = LiteralKind::Int;
  if (q != end && *q == '.' && q + 1 != end && is_digit(q[1])) {
    q = scan_digits(q + 1, end);
    out->kind = LiteralKind::Decimal;
  }
  if (q != end && is_ident_char(*q)) return nullptr;  // 12abc, 1__0
  if (!negative || p == start + 1) {
    out->text = std::string_view(start, q - start);
  } else {  // `- 5`: the sign and the digits are not next to each other
    scratch->assign("-").append(p, q);
    out->text = *scratch;
  }
  if (q != end && *q == '%') {
    out->kind = LiteralKind::Percent;
    return q + 1;
  }
  // A unit after blanks: a currency code or a duration unit.
  const char* u = q;
  while (u != end && (*u == ' ' || *u == '\t')) ++u;
  if (u == q) return q;
  const char* w = scan_word(u, end);
  std::string_view word(u, w - u);
  if (word.size() == 3 && std::all_of(word.begin(), word.end(), is_upper)) {
    out->kind = LiteralKind::Money;
    out->unit = word;
    return w;
  }
  static constexpr std::string_view kUnits[] = {"day", "days", "month", "months", "year", "years"};
  if (out->kind == LiteralKind::Int && !negative &&
      std::find(std::begin(kUnits), std::end(kUnits), word) != std::end(kUnits)) {
    out->kind = LiteralKind::Duration;
    out->unit = word;
    return w;
  }
  return q;
}

const char* skip_to_sync_point(const char* p, const char* end, bool consume_brace) {
  int depth = 0;
  while (p != end) {
    const char* next = skip_space(p, end);
    if (next != p) {
      p = next;
      continue;
    }
    char c = *p;
    if (c == '"') {
      ++p;
      while (p != end && *p != '"' && *p != '\n') p += (*p == '\\' && p + 1 != end) ? 2 : 1;
      if (p != end) ++p;
    } else if (c == '{') {
      ++depth;
      ++p;
    } else if (c == '}') {
      if (depth > 0) {
        ++p;
        if (--depth == 0) return p;  // a balanced block ends the broken item
      } else {
        return consume_brace ? p + 1 : p;
      }
    } else if (c == ';' && depth == 0) {
      return p + 1;
    } else {
      ++p;
    }
  }
  return p;
}

bool starts_statement(const char* p, const char* end, bool top_level) {
  static constexpr std::string_view kDeclarations[] = {
      "regime", "function", "responsibility", "fact",  "person_fact", "table", "breach",
      "rule",   "org",      "scenario",       "import"};
  static constexpr std::string_view kStatements[] = {
      "person",    "reports_to",      "holds", "responsible_for",
      "delegates", "relevant_income", "when",  "then",
      "expect",    "breach",          "area",  "version",
      "currency",  "unallocated",     "fines", "cite",
      "let"};
  const char* w = scan_word(p, end);
  std::string_view word(p, w - p);
  auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  };
  return top_level ? in(kDeclarations) : in(kStatements);
}

namespace {

// The characters the top-level scan stops at; the rest are skipped fast.
struct StopChars {
  bool at[256] = {};
  StopChars() {
    for (unsigned char c : std::string_view("\"/{};")) at[c] = true;
  }
};

// Which of the sixteen bytes at `p` are stop characters, as bits (bit k
// for p[k]); SSE2 is on every x86-64. Elsewhere, -1: every byte is looked
// at one by one.
int stop_bits(const char* p) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hits = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('/'))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('{')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('}'))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8(';'))));
  return _mm_movemask_epi8(hits);
#else
  (void)p;
  return -1;
#endif
}

// Past the string, comment or other single character at `i` (a stop
// character that is not a brace or `;`), as the lexer reads it.
size_t past_string_or_comment(std::string_view text, size_t i) {
  size_t n = text.size();
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
  }
  return i + 1;
}

}  // namespace

// Sixteen bytes at a time: the braces and semicolons of a block are taken
// from its bits without reading it again (an org of 100,000 people is one
// declaration with a brace or `;` every few words); a quote or slash is
// followed byte by byte.
size_t top_level_end(std::string_view text, size_t i) {
  static const StopChars stop;
  size_t n = text.size();
  int depth = 0;
  while (i < n) {
    int bits = i + 16 <= n ? stop_bits(text.data() + i) : -1;
    if (bits == 0) {
      i += 16;
      continue;
    }
    size_t block_end = bits < 0 ? i + 1 : i + 16;
    if (bits < 0) bits = stop.at[static_cast<unsigned char>(text[i])] ? 1 : 0;
    size_t next = block_end;
    for (; bits != 0; bits &= bits - 1) {
      size_t at = i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
      char c = text[at];
      if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (--depth == 0) return at + 1;
      } else if (c == ';') {
        if (depth == 0) return at + 1;
      } else {
        next = past_string_or_comment(text, at);  // the block is read again from there
        break;
      }
    }
    i = next;
  }
  return std::string_view::npos;
}

}  // namespace smr::parser
