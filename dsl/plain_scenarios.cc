#include "dsl/plain_scenarios.h"

#include <iterator>
#include <string>

#include "dsl/lexer.h"

namespace smr {
namespace {

// Moves the items of `buffer` into `list`, allocated at its exact size (as
// the grammar's `exact` lists are), and empties the buffer for the next list.
template <typename Item>
void move_exact(std::vector<Item>& buffer, std::vector<Item>* list) {
  list->assign(std::make_move_iterator(buffer.begin()), std::make_move_iterator(buffer.end()));
  buffer.clear();
}

// Reads one scenario at a time. Each method reads one token or construct at
// the current place and returns false at the first thing outside the plain
// form; places are those the grammar gives (a node from its first token to
// the end of its last).
class PlainReader {
 public:
  PlainReader(std::string_view text, uint32_t file, ast::TextStore& store)
      : begin_(text.data()), file_(file), store_(store) {}

  // The scenario at `*p`, which is moved past it; `end` bounds the reading.
  bool scenario(const char** p, const char* end, ast::Scenario* sc) {
    at_ = *p;
    end_ = end;
    scenario_items_.clear();  // a scenario read in part before leaves items behind
    breach_items_.clear();
    person_items_.clear();
    const char* first = token();
    if (!keyword("scenario") || !string(&sc->title)) return false;
    if (keyword("in") && !identifier(&sc->org.emplace(), false)) return false;
    if (!take('{')) return false;
    while (!take('}')) {
      auto& item = scenario_items_.emplace_back(ast::ScenarioBreach());
      if (!breach(boost::get<ast::ScenarioBreach>(&item))) return false;
    }
    move_exact(scenario_items_, &sc->items);
    sc->loc = loc(first, at_);
    *p = at_;
    return true;
  }

 private:
  // breach TYPE on DATE { NAME VALUE; ... person ID { NAME VALUE; ... } }
  bool breach(ast::ScenarioBreach* br) {
    const char* first = token();
    if (!keyword("breach") || !identifier(&br->type, false) || !keyword("on")) return false;
    if (!literal(&br->date, true) || !take('{')) return false;
    while (!take('}')) {
      const char* item_first = token();
      if (keyword("person")) {
        auto& item = breach_items_.emplace_back(ast::PersonFacts());
        auto* pf = boost::get<ast::PersonFacts>(&item);
        if (!identifier(&pf->person, false) || !take('{')) return false;
        while (!take('}')) {
          auto& value = person_items_.emplace_back(ast::FactValue());
          if (!fact_value(boost::get<ast::FactValue>(&value))) return false;
        }
        move_exact(person_items_, &pf->items);
        pf->loc = loc(item_first, at_);
      } else {
        auto& item = breach_items_.emplace_back(ast::FactValue());
        if (!fact_value(boost::get<ast::FactValue>(&item))) return false;
      }
    }
    move_exact(breach_items_, &br->items);
    br->loc = loc(first, at_);
    return true;
  }

  // NAME VALUE;
  bool fact_value(ast::FactValue* fv) {
    const char* first = token();
    if (!identifier(&fv->name, true) || !literal(&fv->value, false) || !take(';')) return false;
    fv->loc = loc(first, at_);
    return true;
  }

  // The next token's start, past blanks and comments.
  const char* token() {
    at_ = parser::skip_space(at_, end_);
    return at_;
  }

  bool keyword(std::string_view word) {
    token();
    size_t n = word.size();  // most tries fail at the first letter: no call to compare
    if (static_cast<size_t>(end_ - at_) < n || *at_ != word[0]) return false;
    if (std::string_view(at_, n) != word) return false;
    if (at_ + n != end_ && parser::is_ident_char(at_[n])) return false;
    at_ += n;
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

  // A value (a sign allowed), or with `date_only` the date after `on`.
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

  SourceLoc loc(const char* first, const char* last) const {
    return {file_, static_cast<uint32_t>(first - begin_), static_cast<uint32_t>(last - first)};
  }

  const char* begin_;
  const char* at_ = nullptr;
  const char* end_ = nullptr;
  uint32_t file_;
  ast::TextStore& store_;
  std::string scratch_;  // a string with escapes, a `- 5`
  // One list buffer per level, reused from one list to the next.
  std::vector<ast::ScenarioItem> scenario_items_;
  std::vector<ast::BreachFactItem> breach_items_;
  std::vector<ast::PersonFactItem> person_items_;
};

}  // namespace

size_t read_plain_scenarios(std::string_view text, size_t at, size_t end, uint32_t file,
                            ast::TextStore& store, std::vector<ast::Decl>* decls) {
  PlainReader reader(text, file, store);
  const char* p = text.data() + at;
  const char* stop = text.data() + end;
  while (true) {
    p = parser::skip_space(p, stop);
    if (p == stop) return end;
    ast::Scenario sc;
    const char* next = p;
    if (!reader.scenario(&next, stop, &sc)) return static_cast<size_t>(p - text.data());
    decls->emplace_back(std::move(sc));
    p = next;
  }
}

}  // namespace smr
