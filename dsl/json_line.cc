#include "dsl/json_line.h"

#include <string>
#include <vector>

namespace smr::json {

bool literal_of_text(std::string_view text, ast::Literal* lit, ast::TextStore& store) {
  const char* error_at = nullptr;
  std::string message, scratch;
  const char* end = text.data() + text.size();
  if (text.empty() ||
      parser::scan_literal(text.data(), end, true, lit, &scratch, &error_at, &message) != end) {
    return false;
  }
  if (parser::uses_scratch(*lit, scratch)) lit->text = store.keep(std::move(scratch));
  return true;
}

bool outcome_of_text(std::string_view text, ast::OutcomeWord* out) {
  for (auto w : {ast::OutcomeWord::None, ast::OutcomeWord::Censure, ast::OutcomeWord::Fine,
                 ast::OutcomeWord::Disqualification, ast::OutcomeWord::Criminal}) {
    if (text == ast::keyword_text(w)) {
      *out = w;
      return true;
    }
  }
  return false;
}

namespace {

// Where a value is in the line: [begin, end).
struct Span {
  size_t begin = 0, end = 0;
};

// A string, `true`/`false` or an integer, as written.
struct Scalar {
  enum class Kind { String, Bool, Int } kind = Kind::String;
  std::string_view text;  // a string's text without its quotes
  Span span;
};

// An object holding more keys than this goes to the full reader, which
// finds repeated keys by hashing: here they are compared with each other.
constexpr size_t kMaxKeys = 64;

// Reads the plain form; every method returns false at the first thing
// outside it (the line is then read by the full reader).
class PlainReader {
 public:
  PlainReader(std::string_view t, uint32_t file, ast::TextStore& store)
      : t_(t), file_(file), store_(store) {}

  bool scenario(ast::Scenario* sc) {
    std::vector<ast::ScenarioBreach> breaches;
    std::vector<ast::Expect> expects;
    bool named = false;
    bool ok = object(&sc->loc, [&](std::string_view key) {
      if (key == "name") {
        named = true;
        return word(&sc->title);
      }
      if (key == "org") return word(&sc->org.emplace());
      if (key == "breaches") {
        return array(nullptr, [&] { return breach(&breaches.emplace_back()); });
      }
      if (key == "expect") return expect(&expects);
      return false;
    });
    if (!ok || !named || (skip_space(), at_ != t_.size())) return false;
    sc->items.reserve(breaches.size() + expects.size());
    for (auto& b : breaches) sc->items.emplace_back(std::move(b));
    for (auto& e : expects) sc->items.emplace_back(std::move(e));
    return true;
  }

 private:
  // {"type": ..., "date": ..., "severity": ..., "facts": {...}, "persons": {...}}:
  // the items in that order, whatever the order of the keys.
  bool breach(ast::ScenarioBreach* br) {
    bool typed = false, dated = false;
    std::optional<ast::FactValue> severity;
    std::vector<ast::FactValue> facts;
    std::vector<ast::PersonFacts> persons;
    bool ok = object(&br->loc, [&](std::string_view key) {
      if (key == "type") return typed = word(&br->type);
      if (key == "date") {
        Scalar s;
        if (!scalar(&s) || s.kind != Scalar::Kind::String) return false;
        br->date.kind = ast::LiteralKind::Date;
        br->date.text = s.text;
        br->date.loc = loc(s.span);
        return dated = true;
      }
      if (key == "severity") return fact_value("severity", &severity.emplace());
      if (key == "facts") return fact_values(&facts);
      if (key == "persons") {
        return object(nullptr, [&](std::string_view person) {
          ast::PersonFacts& pf = persons.emplace_back();
          pf.person.text = person;
          bool read = object(&pf.loc, [&](std::string_view fact) {
            auto& item = pf.items.emplace_back(ast::FactValue());
            return fact_value(fact, boost::get<ast::FactValue>(&item));
          });
          pf.person.loc = pf.loc;
          return read;
        });
      }
      return false;
    });
    if (!ok || !typed || !dated) return false;
    br->items.reserve(size_t{severity.has_value()} + facts.size() + persons.size());
    if (severity) br->items.emplace_back(std::move(*severity));
    for (auto& f : facts) br->items.emplace_back(std::move(f));
    for (auto& p : persons) br->items.emplace_back(std::move(p));
    return true;
  }

  // {"ann": ["censure", "fine 1000 GBP"], "bob": []}
  bool expect(std::vector<ast::Expect>* out) {
    return object(nullptr, [&](std::string_view person) {
      ast::Expect& ex = out->emplace_back();
      ex.person.text = person;
      bool ok = array(&ex.loc, [&] {
        Scalar s;
        if (!scalar(&s) || s.kind != Scalar::Kind::String) return false;
        ast::ExpectItem& item = ex.items.emplace_back();
        item.kind.loc = loc(s.span);
        size_t space = s.text.find(' ');
        if (!outcome_of_text(s.text.substr(0, space), &item.kind.value)) return false;
        if (space == std::string_view::npos) return true;
        ast::Literal amount;
        amount.loc = item.kind.loc;
        if (!literal_of_text(s.text.substr(space + 1), &amount, store_)) return false;
        item.amount = amount;
        return true;
      });
      ex.person.loc = ex.loc;
      if (ok && ex.items.empty()) {
        ast::ExpectItem& none = ex.items.emplace_back();
        none.kind.value = ast::OutcomeWord::None;
        none.kind.loc = ex.loc;
      }
      return ok;
    });
  }

  // {"name": value, ...}, each a literal.
  bool fact_values(std::vector<ast::FactValue>* out) {
    return object(nullptr,
                  [&](std::string_view name) { return fact_value(name, &out->emplace_back()); });
  }

  // A fact's value: the name is placed at the value, as the full reader does.
  bool fact_value(std::string_view name, ast::FactValue* fv) {
    Scalar s;
    if (!scalar(&s)) return false;
    fv->value.loc = loc(s.span);
    fv->name.text = name;
    fv->name.loc = fv->value.loc;
    switch (s.kind) {
      case Scalar::Kind::Bool:
        fv->value.kind = ast::LiteralKind::Bool;
        fv->value.text = s.text;
        return true;
      case Scalar::Kind::Int:
        fv->value.kind = ast::LiteralKind::Int;
        fv->value.text = s.text;
        return true;
      case Scalar::Kind::String:
        return literal_of_text(s.text, &fv->value, store_);
    }
    return false;
  }

  bool word(ast::Word* w) {
    Scalar s;
    if (!scalar(&s) || s.kind != Scalar::Kind::String) return false;
    w->text = s.text;
    w->loc = loc(s.span);
    return true;
  }

  // An object whose members `member(key)` reads, its place into `*where`
  // (when given). Repeated keys go to the full reader.
  template <typename Member>
  bool object(SourceLoc* where, Member&& member) {
    struct Key {  // left uninitialized: a string_view array would be zeroed
      const char* text;
      size_t size;
    } keys[kMaxKeys];
    size_t count = 0;
    return sequence('{', '}', where, [&] {
      std::string_view key;
      if (!string(&key) || !take_after_space(':') || count == kMaxKeys) return false;
      for (size_t k = 0; k < count; ++k) {
        if (std::string_view(keys[k].text, keys[k].size) == key) return false;
      }
      keys[count++] = {key.data(), key.size()};
      return member(key);
    });
  }

  template <typename Element>
  bool array(SourceLoc* where, Element&& element) {
    return sequence('[', ']', where, element);
  }

  // `open`, items `item()` reads separated by commas, `close`.
  template <typename Item>
  bool sequence(char open, char close, SourceLoc* where, Item&& item) {
    skip_space();
    size_t begin = at_;
    if (!take(open)) return false;
    if (!take_after_space(close)) {
      do {
        if (!item()) return false;
      } while (take_after_space(','));
      if (!take_after_space(close)) return false;
    }
    if (where) *where = loc({begin, at_});
    return true;
  }

  // A string without escapes or control characters (the line's UTF-8 is
  // checked before), `true`, `false`, or an integer the full reader would
  // write back as it is written: no leading zeros, no -0, at most 18 digits.
  bool scalar(Scalar* s) {
    skip_space();
    s->span.begin = at_;
    if (at_ < t_.size() && t_[at_] == '"') {
      s->kind = Scalar::Kind::String;
      if (!string(&s->text)) return false;
    } else if (t_.substr(at_, 4) == "true" || t_.substr(at_, 5) == "false") {
      s->kind = Scalar::Kind::Bool;
      s->text = t_[at_] == 't' ? "true" : "false";
      at_ += s->text.size();
    } else {
      s->kind = Scalar::Kind::Int;
      size_t digits = at_ + (at_ < t_.size() && t_[at_] == '-');
      size_t end = digits;
      while (end < t_.size() && t_[end] >= '0' && t_[end] <= '9') ++end;
      size_t n = end - digits;
      if (n == 0 || n > 18 || (n > 1 && t_[digits] == '0')) return false;
      if (digits > at_ && n == 1 && t_[digits] == '0') return false;  // -0
      s->text = t_.substr(at_, end - at_);
      at_ = end;
    }
    s->span.end = at_;
    // What follows a value: a separator or space (not `.5`, `e3`, `x`).
    if (at_ < t_.size() && !is_space(t_[at_]) && t_[at_] != ',' && t_[at_] != '}' &&
        t_[at_] != ']') {
      return false;
    }
    return true;
  }

  bool string(std::string_view* text) {
    skip_space();
    if (!take('"')) return false;
    size_t begin = at_;
    while (at_ < t_.size()) {
      unsigned char c = static_cast<unsigned char>(t_[at_]);
      if (c == '"') {
        *text = t_.substr(begin, at_ - begin);
        ++at_;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      ++at_;
    }
    return false;
  }

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  void skip_space() {
    while (at_ < t_.size() && is_space(t_[at_])) ++at_;
  }
  bool take(char c) {
    if (at_ < t_.size() && t_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  bool take_after_space(char c) {
    skip_space();
    return take(c);
  }

  SourceLoc loc(Span s) const {
    return {file_, static_cast<uint32_t>(s.begin),
            static_cast<uint32_t>(s.end - s.begin > 1 ? s.end - s.begin : 1)};
  }

  std::string_view t_;
  size_t at_ = 0;
  uint32_t file_;
  ast::TextStore& store_;
};

}  // namespace

std::optional<ast::Scenario> read_plain_scenario(std::string_view text, uint32_t file,
                                                 ast::TextStore& store) {
  ast::Scenario sc;
  if (!PlainReader(text, file, store).scenario(&sc)) return std::nullopt;
  return sc;
}

}  // namespace smr::json
