#include "dsl/intended.h"

#include <fmt/format.h>

#include <set>

#include "dsl/core/file_text.h"
#include "dsl/lexer.h"

namespace smr {
namespace {

// Reads one manifest line; `at` is the line's offset in the file.
class LineReader {
 public:
  LineReader(std::string_view line, uint32_t file, uint32_t at, Diagnostics& diags)
      : begin_(line.data()),
        p_(line.data()),
        end_(line.data() + line.size()),
        file_(file),
        at_(at),
        diags_(diags) {}

  bool read(IntendedChange& out) {
    out.loc = loc(p_, 1);
    skip();
    if (p_ == end_ || *p_ != '"') return fail("a line starts with the scenario's title in quotes");
    const char* error_at = nullptr;
    std::string error;
    const char* after = parser::scan_string(p_, end_, &out.scenario, &error_at, &error);
    if (!after) return fail(error, error_at);
    p_ = after;
    skip();
    const char* word_end = parser::scan_word(p_, end_);
    if (word_end == p_) return fail("expected a person id after the scenario's title");
    out.person.assign(p_, word_end);
    p_ = word_end;
    skip();
    if (!expect(":")) return false;
    if (!sanctions(out.before, out.currency)) return false;
    if (!expect("->")) return false;
    if (!sanctions(out.after, out.currency)) return false;
    skip();
    if (p_ != end_) return fail("unexpected text after the outcome after the change");
    return true;
  }

 private:
  SourceLoc loc(const char* p, uint32_t length) const {
    return {file_, at_ + static_cast<uint32_t>(p - begin_), length};
  }
  void skip() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r')) ++p_;
  }
  bool fail(const std::string& message, const char* where = nullptr) {
    diags_.error(loc(where ? where : p_, 1), message);
    return false;
  }
  bool expect(std::string_view token) {
    skip();
    if (std::string_view(p_, end_ - p_).substr(0, token.size()) != token) {
      return fail(fmt::format("expected '{}'", token));
    }
    p_ += token.size();
    return true;
  }

  // `none`, or sanction words separated by commas, a fine with its amount.
  bool sanctions(model::Sanctions& s, std::string& currency) {
    for (bool first = true;; first = false) {
      skip();
      const char* start = p_;
      const char* word_end = parser::scan_word(p_, end_);
      std::string_view word(p_, word_end - p_);
      p_ = word_end;
      if (word == "none" && first) return true;
      if (word == "censure") {
        s.censure = true;
      } else if (word == "disqualification") {
        s.disqualification = true;
      } else if (word == "criminal") {
        s.criminal = true;
      } else if (word == "fine") {
        if (!fine(s, currency)) return false;
      } else {
        return fail("expected none, censure, fine AMOUNT CURRENCY, disqualification or criminal",
                    start);
      }
      skip();
      if (p_ == end_ || *p_ != ',') return true;
      ++p_;
    }
  }

  bool fine(model::Sanctions& s, std::string& currency) {
    skip();
    parser::LiteralToken lit;
    const char* error_at = nullptr;
    std::string error;
    const char* start = p_;
    std::string scratch;
    const char* after = parser::scan_literal(p_, end_, false, &lit, &scratch, &error_at, &error);
    if (!after || lit.kind != parser::LiteralKind::Money) {
      return fail("a fine needs an amount and its currency, as in fine 90_000 GBP", start);
    }
    std::string digits;
    for (char c : lit.text) {
      if (c != '_') digits += c;
    }
    auto amount = Decimal::parse(digits);
    if (!amount) return fail("the fine's amount is too large or malformed", start);
    if (!currency.empty() && currency != lit.unit) {
      return fail(fmt::format("fines in {} and {} in one line", currency, lit.unit), start);
    }
    currency = std::string(lit.unit);
    s.fine = *amount;
    p_ = after;
    return true;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  uint32_t file_, at_;
  Diagnostics& diags_;
};

// The line without its `//` comment (one outside the title's quotes).
std::string_view strip_comment(std::string_view line) {
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && quoted) {
      ++i;
    } else if (line[i] == '"') {
      quoted = !quoted;
    } else if (!quoted && line.substr(i, 2) == "//") {
      return line.substr(0, i);
    }
  }
  return line;
}

std::string grouped_amount(Decimal d) {
  std::string text = d.to_string();  // minimal digits: 108000, 50.12
  size_t point = text.find('.');
  std::string whole = text.substr(0, point), out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0 && whole[i - 1] != '-') out += '_';
    out += whole[i];
  }
  return point == std::string::npos ? out : out + text.substr(point);
}

}  // namespace

std::string sanctions_literal(const model::Sanctions& s, const std::string& currency) {
  std::vector<std::string> parts;
  if (s.censure) parts.push_back("censure");
  if (s.fine) parts.push_back(fmt::format("fine {} {}", grouped_amount(*s.fine), currency));
  if (s.disqualification) parts.push_back("disqualification");
  if (s.criminal) parts.push_back("criminal");
  if (parts.empty()) return "none";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

std::vector<IntendedChange> parse_intended(std::string_view text, uint32_t file,
                                           const std::string& currency, Diagnostics& diags) {
  std::vector<IntendedChange> out;
  std::set<std::pair<std::string, std::string>> seen;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line = strip_comment(text.substr(start, end - start));
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      IntendedChange c;
      if (LineReader(line, file, static_cast<uint32_t>(start), diags).read(c)) {
        if (!c.currency.empty() && c.currency != currency) {
          diags.error(c.loc, fmt::format("the fines are in {}, but the model's currency is {}",
                                         c.currency, currency));
        } else if (!seen.insert({c.scenario, c.person}).second) {
          diags.error(c.loc, fmt::format("\"{}\" {} is listed twice", c.scenario, c.person));
        } else {
          out.push_back(std::move(c));
        }
      }
    }
    start = end + 1;
  }
  return out;
}

bool read_intended(const std::string& path, const std::string& currency, SourceManager& sources,
                   Diagnostics& diags, std::vector<IntendedChange>* out, std::string* error) {
  std::string text;
  if (!read_file(path, &text, error)) return false;
  uint32_t file = sources.add(path, std::move(text));
  *out = parse_intended(sources.text(file), file, currency, diags);
  return true;
}

std::string intended_line(const std::string& scenario, const std::string& person,
                          const model::Sanctions& before, const model::Sanctions& after,
                          const std::string& currency) {
  std::string title = "\"";
  for (char c : scenario) {
    if (c == '"' || c == '\\') title += '\\';
    title += c;
  }
  return fmt::format("{}\" {}: {} -> {}", title, person, sanctions_literal(before, currency),
                     sanctions_literal(after, currency));
}

}  // namespace smr
