#include "dsl/plain_scenarios.h"

#include "dsl/lexer.h"
#include "dsl/plain_tokens.h"

namespace smr {
namespace {

// Reads one scenario at a time. Each method reads one token or construct at
// the current place and returns false at the first thing outside the plain
// form; places are those the grammar gives (a node from its first token to
// the end of its last).
class ScenarioReader {
 public:
  ScenarioReader(std::string_view text, uint32_t file, ast::TextStore& store)
      : t_(text.data(), file, store) {}

  // The scenario at `*p`, which is moved past it; `end` bounds the reading.
  bool scenario(const char** p, const char* end, ast::Scenario* sc) {
    t_.start(*p, end);
    scenario_items_.clear();  // a scenario read in part before leaves items behind
    breach_items_.clear();
    person_items_.clear();
    const char* first = t_.token();
    if (!t_.keyword("scenario") || !t_.string(&sc->title)) return false;
    if (t_.keyword("in") && !t_.identifier(&sc->org.emplace(), false)) return false;
    if (!t_.take('{')) return false;
    while (!t_.take('}')) {
      auto& item = scenario_items_.emplace_back(ast::ScenarioBreach());
      if (!breach(boost::get<ast::ScenarioBreach>(&item))) return false;
    }
    move_exact(scenario_items_, &sc->items);
    sc->loc = t_.loc(first, t_.at());
    *p = t_.at();
    return true;
  }

 private:
  // breach TYPE on DATE { NAME VALUE; ... person ID { NAME VALUE; ... } }
  bool breach(ast::ScenarioBreach* br) {
    const char* first = t_.token();
    if (!t_.keyword("breach") || !t_.identifier(&br->type, false) || !t_.keyword("on"))
      return false;
    if (!t_.literal(&br->date, true) || !t_.take('{')) return false;
    while (!t_.take('}')) {
      const char* item_first = t_.token();
      if (t_.keyword("person")) {
        auto& item = breach_items_.emplace_back(ast::PersonFacts());
        auto* pf = boost::get<ast::PersonFacts>(&item);
        if (!t_.identifier(&pf->person, false) || !t_.take('{')) return false;
        while (!t_.take('}')) {
          auto& value = person_items_.emplace_back(ast::FactValue());
          if (!fact_value(boost::get<ast::FactValue>(&value))) return false;
        }
        move_exact(person_items_, &pf->items);
        pf->loc = t_.loc(item_first, t_.at());
      } else {
        auto& item = breach_items_.emplace_back(ast::FactValue());
        if (!fact_value(boost::get<ast::FactValue>(&item))) return false;
      }
    }
    move_exact(breach_items_, &br->items);
    br->loc = t_.loc(first, t_.at());
    return true;
  }

  // NAME VALUE;
  bool fact_value(ast::FactValue* fv) {
    const char* first = t_.token();
    if (!t_.identifier(&fv->name, true) || !t_.literal(&fv->value, false) || !t_.take(';'))
      return false;
    fv->loc = t_.loc(first, t_.at());
    return true;
  }

  PlainTokens t_;
  // One list buffer per level, reused from one list to the next.
  std::vector<ast::ScenarioItem> scenario_items_;
  std::vector<ast::BreachFactItem> breach_items_;
  std::vector<ast::PersonFactItem> person_items_;
};

}  // namespace

size_t read_plain_scenarios(std::string_view text, size_t at, size_t end, uint32_t file,
                            ast::TextStore& store, std::vector<ast::Decl>* decls) {
  ScenarioReader reader(text, file, store);
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
