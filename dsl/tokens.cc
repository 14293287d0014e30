#include "dsl/tokens.hpp"

namespace smr::parser {

namespace {

std::string describe_token(const char* p, const char* end) {
  if (p == end) return "end of file";
  const char* q = p;
  if (is_ident_char(*q)) {
    q = scan_word(q, end);
  } else if (*q == '"') {
    return "a string";
  } else {
    ++q;
    while (q != end && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) ++q;
  }
  return "'" + std::string(p, std::min<const char*>(q, p + 40)) + "'";
}

}  // namespace

void ParseState::expected(const char* where, const std::string& what) {
  where = skip_space(where, end);
  const char* tok_end = where;
  if (tok_end != end) tok_end = is_ident_char(*tok_end) ? scan_word(tok_end, end) : tok_end + 1;
  if (where == last_error) return;  // one error per place: no cascades
  last_error = where;
  if (++errors > kMaxSyntaxErrors) throw TooManyErrors{};
  std::string message = "expected " + what + ", found " + describe_token(where, end);
  std::string_view word(where, tok_end - where);
  if (what.find("identifier") != std::string::npos && is_reserved(word)) {
    message += " (a reserved word)";
  }
  diags->error(loc(where, tok_end), message);
}

void ParseState::error_at(const char* where, std::string message) {
  where = skip_space(where, end);
  if (where == last_error) return;
  last_error = where;
  if (++errors > kMaxSyntaxErrors) throw TooManyErrors{};
  diags->error(loc(where, where == end ? where : where + 1), std::move(message));
}

}  // namespace smr::parser
