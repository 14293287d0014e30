#include "dsl/plain_orgs.h"

#include <array>
#include <atomic>
#include <string_view>
#include <vector>

#include "dsl/plain_tokens.h"

namespace smr {
namespace {

std::atomic<bool> plain_orgs{true};

// Reads one org. Each method reads one construct at the current place and
// returns false at the first thing outside the plain form; places are those
// the grammar gives (a node from its first token to the end of its last).
class OrgReader {
 public:
  OrgReader(const char* text_begin, uint32_t file, ast::TextStore& store)
      : t_(text_begin, file, store) {}

  bool org(const char** p, const char* end, ast::Org* org) {
    t_.start(*p, end);
    const char* first = t_.token();
    if (!t_.keyword("org") || !t_.identifier(&org->name, false)) return false;
    if (!optional_string(&org->title) || !t_.take('{')) return false;
    std::vector<ast::OrgItem> persons;
    while (!t_.take('}')) {
      auto& item = persons.emplace_back(ast::Person());
      if (!person(boost::get<ast::Person>(&item))) return false;
    }
    // Kept as it grew, not copied to its exact size as a person's list is:
    // an org's list is one, freed once the org is checked, and the room
    // past its end is never touched.
    org->persons = std::move(persons);
    org->loc = t_.loc(first, t_.at());
    *p = t_.at();
    return true;
  }

 private:
  // person ID ["NAME"] { ITEM* }
  bool person(ast::Person* person) {
    const char* first = t_.token();
    if (!t_.keyword("person") || !t_.identifier(&person->id, false)) return false;
    if (!optional_string(&person->name) || !t_.take('{')) return false;
    while (!t_.take('}')) {
      if (!item()) return false;
    }
    move_exact(items_, &person->items);
    person->loc = t_.loc(first, t_.at());
    return true;
  }

  // relevant_income VALUE;  or an edge.
  bool item() {
    const char* first = t_.token();
    ast::Word income;
    if (t_.keyword("relevant_income", &income)) {
      auto& item = items_.emplace_back(ast::IncomeItem());
      auto* in = boost::get<ast::IncomeItem>(&item);
      in->keyword = income;
      if (!t_.literal(&in->amount, false) || !t_.take(';')) return false;
      in->loc = t_.loc(first, t_.at());
      return true;
    }
    auto& item = items_.emplace_back(ast::EdgeItem());
    return edge(first, boost::get<ast::EdgeItem>(&item));
  }

  // reports_to|holds|responsible_for|delegates NAME [to NAME] [from DATE]
  // [until DATE];
  bool edge(const char* first, ast::EdgeItem* e) {
    if (!edge_word(&e->kind) || !t_.identifier(&e->target, false)) return false;
    if (t_.keyword("to") && !t_.identifier(&e->to.emplace(), false)) return false;
    if (t_.keyword("from") && !t_.date_word(&e->from.emplace())) return false;
    if (t_.keyword("until") && !t_.date_word(&e->until.emplace())) return false;
    if (!t_.take(';')) return false;
    e->loc = t_.loc(first, t_.at());
    return true;
  }

  bool edge_word(ast::Tag<ast::EdgeWord>* tag) {
    using ast::EdgeWord;
    static const EdgeWord kWords[] = {EdgeWord::ReportsTo, EdgeWord::Holds,
                                      EdgeWord::ResponsibleFor, EdgeWord::Delegates};
    static const std::array<std::string_view, 4> kSpelt = {
        ast::keyword_text(kWords[0]), ast::keyword_text(kWords[1]), ast::keyword_text(kWords[2]),
        ast::keyword_text(kWords[3])};
    const char* first = t_.token();
    for (size_t k = 0; k < kSpelt.size(); ++k) {
      if (t_.keyword(kSpelt[k])) {
        tag->value = kWords[k];
        tag->loc = t_.loc(first, t_.at());
        return true;
      }
    }
    return false;
  }

  // A string where one may stand (a title, a person's name): absent unless
  // a quote opens it, and then it must be whole.
  bool optional_string(std::optional<ast::Word>* w) {
    const char* at = t_.token();
    if (at == t_.end() || *at != '"') return true;
    return t_.string(&w->emplace());
  }

  PlainTokens t_;
  std::vector<ast::PersonItem> items_;  // a person's, reused from one person to the next
};

}  // namespace

bool read_plain_org(const char* text_begin, const char** p, const char* end, uint32_t file,
                    ast::TextStore& store, ast::Org* org) {
  OrgReader reader(text_begin, file, store);
  ast::Org read;
  if (!reader.org(p, end, &read)) return false;
  *org = std::move(read);
  return true;
}

bool plain_orgs_enabled() { return plain_orgs.load(std::memory_order_relaxed); }
void enable_plain_orgs(bool on) { plain_orgs.store(on, std::memory_order_relaxed); }

}  // namespace smr
