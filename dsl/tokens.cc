#include "dsl/tokens.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "dsl/core/spelling.h"

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

// The word that ends just before `p` (after white space), or "".
std::string_view word_before(const char* begin, const char* p) {
  while (p > begin && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r')) --p;
  const char* q = p;
  while (q > begin && is_ident_char(q[-1])) --q;
  return {q, static_cast<size_t>(p - q)};
}

bool all_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '_'; });
}

// Words that people write for a sanction the language names otherwise.
const char* sanction_synonym(std::string_view w) {
  static const std::pair<const char*, const char*> kSynonyms[] = {
      {"reprimand", "censure"},
      {"reprimanded", "censure"},
      {"warning", "censure"},
      {"censured", "censure"},
      {"disqualified", "disqualification"},
      {"prohibition", "disqualification"},
      {"prohibited", "disqualification"},
      {"ban", "disqualification"},
      {"banned", "disqualification"},
      {"prosecution", "criminal"},
      {"prosecuted", "criminal"},
      {"referral", "criminal"},
      {"penalty", "fine"},
      {"fined", "fine"},
  };
  for (const auto& [word, sanction] : kSynonyms) {
    if (w == word) return sanction;
  }
  return nullptr;
}

// The words a message lists in parentheses: "a selector (accountable, ...)".
std::vector<std::string> listed_words(const std::string& what) {
  std::vector<std::string> out;
  size_t open = what.find('('), close = what.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string word;
  for (size_t i = open + 1; i <= close; ++i) {
    char c = what[i];
    if (is_ident_char(c)) {
      word += c;
    } else {
      if (!word.empty() && !all_digits(word)) out.push_back(word);
      word.clear();
    }
  }
  return out;
}

// What a new user most likely meant, from the token found and its context.
std::string hint(const char* begin, const char* where, const char* end, const std::string& what,
                 std::string_view word) {
  std::string_view rest(where, end - where);
  if (rest.substr(0, 2) == "&&") return "; write 'and' instead of '&&'";
  if (rest.substr(0, 2) == "||") return "; write 'or' instead of '||'";
  if (rest.substr(0, 1) == "=" && rest.substr(0, 2) != "==") {
    return "; '=' is not used here: compare with '==', and give a value as 'severity 5;'";
  }
  if (rest.substr(0, 1) == "!" && rest.substr(0, 2) != "!=") return "; write 'not' instead of '!'";
  if (rest.substr(0, 1) == "/" && all_digits(word_before(begin, where))) {
    return "; dates are written YYYY-MM-DD, such as 2024-06-01";
  }
  std::string_view before = word_before(begin, where);
  if (word.size() == 3 &&
      std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
      all_digits(before)) {
    std::string code(word);
    for (char& c : code) c = static_cast<char>(c - 'a' + 'A');
    return "; money is written AMOUNT CODE with the code in capitals: " + std::string(before) +
           " " + code;
  }
  if (!word.empty() && rest.size() > word.size() && rest[word.size()] == '$') {
    return "; money is written AMOUNT CODE, such as 700_000 HKD";
  }
  if (const char* s = sanction_synonym(word)) return "; smr calls this '" + std::string(s) + "'";
  size_t after = word.size();
  while (after < rest.size() && (rest[after] == ' ' || rest[after] == '\t')) ++after;
  if (!word.empty() && after < rest.size() && rest[after] == '=' && rest.substr(after, 2) != "==" &&
      before != "let") {
    return "; '=' is not used here: write 'NAME VALUE;', as in 'severity 5;'";
  }
  if (what == "'{'" && !before.empty()) {
    std::string_view two_before = word_before(begin, before.data());
    if (two_before == "person" && !word.empty()) {
      return "; person facts go in a block: person " + std::string(before) + " { " +
             std::string(word) + " ...; }";
    }
  }
  if (word.size() > 1 && is_ident_start(word[0]) && !what.empty() && what.back() == ')') {
    Spelling close(word);
    for (const auto& w : listed_words(what)) close.consider(w);
    if (!close.best().empty() && close.best() != word)
      return "; did you mean '" + close.best() + "'?";
  }
  return "";
}

}  // namespace

void ParseState::expected(const char* where, const std::string& what_in) {
  // Every parser the grammar can name has a name; this is a safety net so
  // that a C++ type name never reaches a user.
  bool mangled =
      what_in.find("boost") != std::string::npos || what_in.find("N3smr") != std::string::npos;
  const std::string what = mangled ? std::string("something else here") : what_in;
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
  message += hint(begin, where, end, what, word);
  diags->error(loc(where, tok_end), message);
}

ast::ErrorNode salvage(const char* p, const char* end, ast::TextStore& store) {
  ast::ErrorNode out;
  p = skip_space(p, end);
  const char* w = scan_word(p, end);
  out.keyword = std::string_view(p, w - p);
  p = skip_space(w, end);
  if (p != end && is_ident_start(*p)) {
    out.name = std::string_view(p, scan_word(p, end) - p);
  } else if (p != end && *p == '"') {  // a scenario's title
    const char* error_at = nullptr;
    std::string error, scratch;
    if (scan_string_text(p, end, &scratch, &out.name, &error_at, &error) &&
        out.name.data() == scratch.data()) {
      out.name = store.keep(std::move(scratch));
    }
  }
  return out;
}

void ParseState::error_at(const char* where, std::string message) {
  where = skip_space(where, end);
  if (where == last_error) return;
  last_error = where;
  if (++errors > kMaxSyntaxErrors) throw TooManyErrors{};
  diags->error(loc(where, where == end ? where : where + 1), std::move(message));
}

}  // namespace smr::parser
