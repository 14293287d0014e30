// For tests: a scenario's syntax tree as text, every field and place, so
// that two ways of reading the same text can be compared.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/scenario_dump_test.h is private to dsl/'s tests"
#endif

#include <fmt/format.h>

#include <string>

#include "dsl/ast.hpp"

namespace smr::testing {

inline std::string dump(const SourceLoc& l) { return fmt::format("@{}+{}", l.offset, l.length); }
inline std::string dump(const ast::Word& w) { return fmt::format("'{}'{}", w.text, dump(w.loc)); }
inline std::string dump(const ast::Literal& l) {
  return fmt::format("{}:'{}'/'{}'{}", static_cast<int>(l.kind), l.text, l.unit, dump(l.loc));
}
inline std::string dump(const ast::FactValue& f) {
  return fmt::format("fact {}={}{}\n", dump(f.name), dump(f.value), dump(f.loc));
}

// Every field of the tree, one item a line.
inline std::string dump(const ast::Scenario& sc) {
  std::string out = fmt::format("scenario {}{} org {}\n", dump(sc.title), dump(sc.loc),
                                sc.org ? dump(*sc.org) : "-");
  for (const auto& item : sc.items) {
    if (const auto* b = boost::get<ast::ScenarioBreach>(&item)) {
      out += fmt::format("breach {} {}{}\n", dump(b->type), dump(b->date), dump(b->loc));
      for (const auto& bi : b->items) {
        if (const auto* f = boost::get<ast::FactValue>(&bi)) {
          out += dump(*f);
        } else if (const auto* p = boost::get<ast::PersonFacts>(&bi)) {
          out += fmt::format("person {}{}\n", dump(p->person), dump(p->loc));
          for (const auto& pi : p->items) {
            if (const auto* pf = boost::get<ast::FactValue>(&pi)) out += "  " + dump(*pf);
          }
        } else {
          out += "error node\n";
        }
      }
    } else if (const auto* e = boost::get<ast::Expect>(&item)) {
      out += fmt::format("expect {}{}\n", dump(e->person), dump(e->loc));
      for (const auto& x : e->items) {
        out += fmt::format("  {}{}{} {}\n", static_cast<int>(x.kind.value), dump(x.kind.loc),
                           dump(x.loc), x.amount ? dump(*x.amount) : "-");
      }
    } else {
      out += "error node\n";
    }
  }
  return out;
}

}  // namespace smr::testing
