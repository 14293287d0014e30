// The tokens of the plain-form readers (dsl/plain_scenarios, dsl/plain_orgs):
// the grammar's own lexer functions at a moving place, each giving the
// grammar's node and place or false at the first thing it does not expect.
// Nothing is reported: on false the caller hands the text to the grammar.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/plain_tokens.h is private to dsl/"
#endif

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/lexer.h"

namespace smr {

// Moves the items of `buffer` into `list`, allocated at its exact size (as
// the grammar's `exact` lists are), and empties the buffer for the next list.
template <typename Item>
void move_exact(std::vector<Item>& buffer, std::vector<Item>* list) {
  list->assign(std::make_move_iterator(buffer.begin()), std::make_move_iterator(buffer.end()));
  buffer.clear();
}

// Reads tokens of one file's text from a place, with the grammar's places
// (a token from its first character to its last, blanks and comments
// before it skipped).
class PlainTokens {
 public:
  PlainTokens(const char* text_begin, uint32_t file, ast::TextStore& store)
      : begin_(text_begin), file_(file), store_(store) {}

  // Reading starts at `at` and stops at `end`.
  void start(const char* at, const char* end) {
    at_ = at;
    end_ = end;
  }
  const char* at() const { return at_; }
  const char* end() const { return end_; }

  // The next token's start, past blanks and comments.
  const char* token() {
    at_ = parser::skip_space(at_, end_);
    return at_;
  }

  bool keyword(std::string_view word) {
    token();
    if (!parser::starts_word(at_, end_, word)) return false;
    at_ += word.size();
    return true;
  }

  // `word` as a Word holding the grammar's spelling (as OneOf gives it).
  bool keyword(std::string_view word, ast::Word* w) {
    const char* first = token();
    if (!keyword(word)) return false;
    w->text = word;
    w->loc = loc(first, at_);
    return true;
  }

  bool take(char c) {
    token();
    if (at_ == end_ || *at_ != c) return false;
    ++at_;
    return true;
  }

  // A name that is not a reserved word; with `builtins`, also `severity`,
  // `date` and `relevant_income` (a fact's name).
  bool identifier(ast::Word* w, bool builtins) {
    token();
    if (at_ == end_ || !parser::is_ident_start(*at_)) return false;
    const char* last = parser::scan_word(at_, end_);
    std::string_view word(at_, static_cast<size_t>(last - at_));
    if (parser::is_reserved(word) && !(builtins && parser::is_builtin_name(word))) return false;
    w->text = word;
    w->loc = loc(at_, last);
    at_ = last;
    return true;
  }

  bool string(ast::Word* w) {
    token();
    if (at_ == end_ || *at_ != '"') return false;
    const char* error_at = nullptr;
    std::string error;
    const char* last = parser::scan_string_text(at_, end_, &scratch_, &w->text, &error_at, &error);
    if (!last) return false;
    if (w->text.data() == scratch_.data()) w->text = store_.keep(scratch_);
    w->loc = loc(at_, last);
    at_ = last;
    return true;
  }

  // A value (a sign allowed), or with `date_only` a date where only a date
  // may stand (`on DATE`, `from DATE`).
  bool literal(ast::Literal* lit, bool date_only) {
    token();
    const char* error_at = nullptr;
    std::string error;
    const char* last =
        parser::scan_literal(at_, end_, !date_only, lit, &scratch_, &error_at, &error);
    if (!last || (date_only && lit->kind != ast::LiteralKind::Date)) return false;
    if (parser::uses_scratch(*lit, scratch_)) lit->text = store_.keep(scratch_);
    lit->loc = loc(at_, last);
    at_ = last;
    return true;
  }

  // A date as a Word (a person's `from` and `until`), as DateWord gives it.
  bool date_word(ast::Word* w) {
    ast::Literal date;
    if (!literal(&date, true)) return false;
    w->text = date.text;  // a date is always a view of the source
    w->loc = date.loc;
    return true;
  }

  SourceLoc loc(const char* first, const char* last) const {
    return {file_, static_cast<uint32_t>(first - begin_), static_cast<uint32_t>(last - first)};
  }

 private:
  const char* begin_;
  const char* at_ = nullptr;
  const char* end_ = nullptr;
  uint32_t file_;
  ast::TextStore& store_;
  std::string scratch_;  // a string with escapes, a `- 5`
};

}  // namespace smr
