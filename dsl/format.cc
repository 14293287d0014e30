#include "dsl/format.h"

#include <algorithm>
#include <cstring>

#include "dsl/core/file_text.h"
#include "dsl/lexer.h"

namespace smr {
namespace {

enum class Kind { Word, String, Literal, Punct, LineComment, BlockComment };

struct Token {
  Kind kind;
  std::string_view text;
  int newlines_before = 0;  // in the white space before it
};

const char* kTwoChar[] = {">=", "<=", "==", "!=", "->", ".."};
// Marks where a trailing comment starts, until the comments are aligned.
constexpr char kCommentMark = '\x01';

// The end of the text without its trailing white space (at least p + 1).
const char* trim_end(const char* p, const char* end) {
  while (end > p + 1 && std::strchr(" \t\r\n\f\v", end[-1]) && end[-1]) --end;
  return end;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (true) {
    int newlines = 0;
    while (p != end && std::strchr(" \t\r\n\f\v", *p) && *p) newlines += *p++ == '\n';
    if (p == end) break;
    const char* start = p;
    Kind kind = Kind::Punct;
    if (p[0] == '/' && p + 1 != end && p[1] == '/') {
      while (p != end && *p != '\n') ++p;
      kind = Kind::LineComment;
    } else if (p[0] == '/' && p + 1 != end && p[1] == '*') {
      const char* close = static_cast<const char*>(memmem(p + 2, end - p - 2, "*/", 2));
      p = close ? close + 2 : trim_end(p, end);  // unterminated: to the last non-space
      kind = Kind::BlockComment;
    } else if (*p == '"') {
      std::string value, error;
      const char* error_at = nullptr;
      const char* after = parser::scan_string(p, end, &value, &error_at, &error);
      p = after ? after : trim_end(p, end);  // an unterminated string runs to the end
      kind = Kind::String;
    } else if (*p >= '0' && *p <= '9') {
      parser::LiteralToken lit;
      std::string error;
      const char* error_at = nullptr;
      std::string scratch;
      const char* after = parser::scan_literal(p, end, false, &lit, &scratch, &error_at, &error);
      p = after && after > p ? after : p + 1;
      while (p != end && parser::is_ident_char(*p)) ++p;  // a malformed number stays one token
      kind = Kind::Literal;
    } else if (parser::is_ident_start(*p)) {
      p = parser::scan_word(p, end);
      kind = Kind::Word;
    } else {
      p += 1;
      for (const char* two : kTwoChar) {
        if (end - start >= 2 && start[0] == two[0] && start[1] == two[1]) p = start + 2;
      }
    }
    out.push_back({kind, std::string_view(start, p - start), newlines});
  }
  return out;
}

bool is(const Token& t, std::string_view s) { return t.kind == Kind::Punct && t.text == s; }

// Words after which `(` opens an expression rather than a call's arguments.
bool spaced_before_paren(std::string_view w) {
  static const char* words[] = {"and",      "or",     "not",     "if",      "then",
                                "else",     "when",   "where",   "to",      "of",
                                "on",       "in",     "censure", "fine",    "disqualification",
                                "criminal", "return", "cite",    "fine_cap"};
  return std::any_of(std::begin(words), std::end(words), [&](const char* x) { return w == x; });
}

// Writes the layout, a token at a time.
class Printer {
 public:
  // `mark`: put kCommentMark before trailing comments, to align them later.
  Printer(const std::vector<Token>& tokens, bool mark) : t_(tokens), mark_(mark) {}

  std::string run() {
    for (i_ = 0; i_ < t_.size(); ++i_) token(t_[i_]);
    end_line();
    return out_;
  }

 private:
  void token(const Token& tok) {
    if (tok.kind == Kind::LineComment || tok.kind == Kind::BlockComment) return comment(tok);
    if (is(tok, "}")) {
      depth_ = std::max(0, depth_ - 1);
      if (!tables_.empty() && tables_.back() > depth_) tables_.pop_back();
      if (!line_.empty()) end_line();
    }
    bool table_default = tok.kind == Kind::Word && tok.text == "default" && !tables_.empty() &&
                         tables_.back() == depth_ && nesting_ == 0;
    if (table_default && !line_.empty()) end_line();  // `default` on its own line
    if (line_.empty() && at_statement_) blank_if_source_had_one(tok);
    place(tok);
    line_ += tok.text;
    prev_ = &tok;
    after(tok);
  }

  void after(const Token& tok) {
    if (at_statement_ && tok.kind == Kind::Word) statement_word_ = tok.text;
    at_statement_ = false;
    if (is(tok, "(") || is(tok, "[")) ++nesting_;
    if ((is(tok, ")") || is(tok, "]")) && nesting_ > 0) --nesting_;
    if (is(tok, "{")) {
      if (statement_word_ == "table") tables_.push_back(depth_ + 1);
      ++depth_;
      break_line();
    } else if (is(tok, ";") || is(tok, "}")) {
      const Token* next = peek();
      bool glued = next && (is(*next, ";") || is(*next, ",") || is(*next, ")"));
      if (is(tok, "}") && glued) return;
      break_line();
    } else if (is(tok, ",") && nesting_ == 0 && !tables_.empty() && tables_.back() == depth_) {
      break_line();  // one table entry a line
    }
  }

  void comment(const Token& tok) {
    bool own_line = tok.newlines_before > 0 || (out_.empty() && line_.empty());
    if (own_line && !line_.empty()) end_line();
    if (line_.empty()) {
      if (tok.newlines_before > 1 && !out_.empty() && !after_open_brace()) out_ += "\n";
      indent();
    } else if (tok.kind == Kind::LineComment) {
      line_ += mark_ ? std::string(1, kCommentMark) : "  ";  // aligned at the end
    } else {
      line_ += ' ';
    }
    line_ += tok.text;
    if (tok.kind == Kind::LineComment || own_line) {
      end_line();
      continuation_ = !at_statement_;
    }
  }

  // White space before `tok` on the current line.
  void place(const Token& tok) {
    if (line_.empty()) {
      indent();
      return;
    }
    if (no_space_between(*prev_, tok)) return;
    line_ += ' ';
  }

  bool no_space_between(const Token& a, const Token& b) const {
    if (is(b, ";") || is(b, ",") || is(b, ")") || is(b, "]") || is(b, ":") || is(b, "."))
      return true;
    if (is(a, "(") || is(a, "[") || is(a, ".")) return true;
    if (is(b, "[") && (a.kind == Kind::Word || is(a, "]") || is(a, ")"))) return true;
    if (is(b, "(") && a.kind == Kind::Word) return !spaced_before_paren(a.text);
    if (is(a, "-") && unary_minus()) return true;
    return false;
  }

  // The `-` just written is a sign: it follows an operator, a bracket, a
  // comma or a word that is not a value.
  bool unary_minus() const {
    if (i_ < 2) return true;
    const Token& before = t_[i_ - 2];
    if (before.kind == Kind::Literal || before.kind == Kind::String) return false;
    if (is(before, ")") || is(before, "]")) return false;
    if (before.kind == Kind::Word) return spaced_before_paren(before.text);
    return true;
  }

  void blank_if_source_had_one(const Token& tok) {
    if (tok.newlines_before > 1 && !out_.empty() && !after_open_brace() && !is(tok, "}"))
      out_ += "\n";
  }

  bool after_open_brace() const {
    size_t last = out_.find_last_not_of('\n');
    return last != std::string::npos && out_[last] == '{';
  }

  const Token* peek() const {
    for (size_t k = i_ + 1; k < t_.size(); ++k) {
      if (t_[k].kind != Kind::LineComment && t_[k].kind != Kind::BlockComment) return &t_[k];
      if (t_[k].newlines_before > 0) return nullptr;
    }
    return nullptr;
  }

  // Ends the line unless a comment follows on it (it comes first).
  void break_line() {
    at_statement_ = true;
    statement_word_ = {};
    continuation_ = false;
    if (i_ + 1 < t_.size() && t_[i_ + 1].kind == Kind::LineComment &&
        t_[i_ + 1].newlines_before == 0)
      return;
    end_line();
  }

  void indent() {
    int n = depth_ * 2 + (continuation_ && !at_statement_ ? 4 : 0);
    line_.assign(static_cast<size_t>(n), ' ');
    line_started_ = true;
  }

  void end_line() {
    if (!line_started_) return;
    size_t last = line_.find_last_not_of(' ');
    line_.erase(last == std::string::npos ? 0 : last + 1);
    out_ += line_;
    out_ += '\n';
    line_.clear();
    line_started_ = false;
  }

  const std::vector<Token>& t_;
  bool mark_;
  size_t i_ = 0;
  std::string out_, line_;
  bool line_started_ = false;
  const Token* prev_ = nullptr;
  int depth_ = 0, nesting_ = 0;
  bool at_statement_ = true, continuation_ = false;
  std::string_view statement_word_;
  std::vector<int> tables_;  // depths of the open table blocks
};

// Pads the person of consecutive `expect P: ...;` lines (same indentation)
// so that their sanctions start in one column.
std::string align_expects(const std::string& text) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  auto colon_of = [](const std::string& l, size_t* indent) -> size_t {
    size_t i = l.find_first_not_of(' ');
    if (i == std::string::npos || l.compare(i, 7, "expect ") != 0) return std::string::npos;
    *indent = i;
    size_t colon = l.find(": ", i + 7);
    return colon == std::string::npos || l.find(' ', i + 7) < colon ? std::string::npos : colon;
  };
  for (size_t k = 0; k < lines.size();) {
    size_t indent = 0, colon = colon_of(lines[k], &indent), run = k, width = 0;
    if (colon == std::string::npos) {
      ++k;
      continue;
    }
    size_t first_indent = indent;
    while (run < lines.size()) {
      size_t c = colon_of(lines[run], &indent);
      if (c == std::string::npos || indent != first_indent) break;
      width = std::max(width, c);
      ++run;
    }
    for (size_t j = k; j < run; ++j) {
      size_t c = colon_of(lines[j], &indent);
      lines[j].insert(c + 2, width - c, ' ');
    }
    k = run;
  }
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Aligns the trailing comments of consecutive lines that have one (two
// spaces after the longest code) and removes the marks.
std::string align_comments(const std::string& text) {
  // The line [at, end of line) and its mark, if any: each search stays in
  // its line, so a file of half a million lines is aligned in one pass.
  auto line_at = [&](size_t at, size_t* end) {
    *end = text.find('\n', at);
    if (*end == std::string::npos) *end = text.size();
    const void* mark = std::memchr(text.data() + at, kCommentMark, *end - at);
    return mark ? static_cast<size_t>(static_cast<const char*>(mark) - text.data())
                : std::string::npos;
  };
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    size_t run_end = at, width = 0, end = 0;
    for (size_t mark; run_end < text.size() && (mark = line_at(run_end, &end)) != std::string::npos;
         run_end = end + 1) {
      width = std::max(width, mark - run_end);
    }
    if (run_end == at) {  // a line without a trailing comment
      line_at(at, &end);
      out.append(text, at, end + 1 - at);
      at = end + 1;
      continue;
    }
    for (; at < run_end; at = end + 1) {
      size_t mark = line_at(at, &end);
      out.append(text, at, mark - at);
      out.append(width - (mark - at) + 2, ' ');
      out.append(text, mark + 1, end + 1 - mark - 1);
    }
  }
  return out;
}

}  // namespace

std::string format_smr(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);
  if (tokens.empty()) return "";
  // A text that holds the mark itself keeps its trailing comments unaligned.
  bool mark = text.find(kCommentMark) == std::string_view::npos;
  std::string laid_out = align_expects(Printer(tokens, mark).run());
  return mark ? align_comments(laid_out) : laid_out;
}

std::vector<std::string> smr_tokens(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text)) out.emplace_back(t.text);
  return out;
}

std::vector<SmrWord> smr_words(std::string_view text) {
  std::vector<SmrWord> out;
  for (const auto& t : tokenize(text)) {
    if (t.kind == Kind::Word)
      out.push_back({static_cast<size_t>(t.text.data() - text.data()), t.text});
  }
  return out;
}

bool read_source_file(const std::string& path, std::string* text, std::string* error) {
  return read_file(path, text, error);
}

std::vector<std::string_view> smr_keywords() { return parser::reserved_words(); }

}  // namespace smr
