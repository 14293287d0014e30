// For tests: the syntax tree of a scenario or an org as text, every field
// and place, so that two ways of reading the same text can be compared.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/tree_dump_test.h is private to dsl/'s tests"
#endif

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

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

inline std::string dump(const std::optional<ast::Word>& w) { return w ? dump(*w) : "-"; }

inline std::string dump(const ast::Person& p) {
  std::string out = fmt::format("person {} {}{}\n", dump(p.id), dump(p.name), dump(p.loc));
  for (const auto& item : p.items) {
    if (const auto* in = boost::get<ast::IncomeItem>(&item)) {
      out += fmt::format("  income {} {}{}\n", dump(in->keyword), dump(in->amount), dump(in->loc));
    } else if (const auto* e = boost::get<ast::EdgeItem>(&item)) {
      out += fmt::format("  edge {}{} {} to {} from {} until {}{}\n",
                         static_cast<int>(e->kind.value), dump(e->kind.loc), dump(e->target),
                         dump(e->to), dump(e->from), dump(e->until), dump(e->loc));
    } else {
      out += "  error node\n";
    }
  }
  return out;
}

// Every field of the tree, one item a line.
inline std::string dump(const ast::Org& org) {
  std::string out = fmt::format("org {} {}{}\n", dump(org.name), dump(org.title), dump(org.loc));
  for (const auto& item : org.persons) {
    if (const auto* p = boost::get<ast::Person>(&item)) {
      out += dump(*p);
    } else {
      const auto& e = boost::get<ast::ErrorNode>(item);
      out += fmt::format("error node '{}' '{}'\n", e.keyword, e.name);
    }
  }
  return out;
}

// The declarations of a file as text: scenarios and orgs in full, error
// nodes with what they salvaged, anything else by kind.
inline std::string dump_decls(const std::vector<ast::Decl>& decls) {
  std::string out;
  for (const auto& d : decls) {
    if (const auto* sc = boost::get<ast::Scenario>(&d)) {
      out += dump(*sc);
    } else if (const auto* org = boost::get<ast::Org>(&d)) {
      out += dump(*org);
    } else if (const auto* e = boost::get<ast::ErrorNode>(&d)) {
      out += fmt::format("error node '{}' '{}'\n", e->keyword, e->name);
    } else {
      out += fmt::format("declaration of kind {}\n", d.get().which());
    }
  }
  return out;
}

}  // namespace smr::testing
