// Converts literals as written into values of the language: numbers exact,
// dates real, money in the regime's currency, and each at its declared type.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error "dsl/check_literals.h is private to dsl/"
#endif

#include <optional>
#include <string>
#include <utility>

#include "dsl/ast.hpp"
#include "dsl/core/diagnostic.h"
#include "dsl/model.h"

namespace smr::check {

class LiteralChecker {
 public:
  // `currency` is the regime's (empty until known); it is read at each use.
  LiteralChecker(Diagnostics& diags, const std::string& currency)
      : diags_(diags), currency_(currency) {}

  // The value, or nullopt with an error (overflow, impossible date, foreign
  // currency).
  std::optional<model::Value> value(const ast::Literal& lit) const;
  // The value at type `want` (an int widens to a decimal); `what` (and the
  // quoted `name`, when given: "the value of 'loss'") names it in the error.
  std::optional<model::Value> typed(const ast::Literal& lit, model::Type want, bool percent,
                                    std::string_view what, std::string_view name = {}) const;
  std::optional<Date> date(const ast::Literal& lit, const char* what) const;
  // The same for a date kept as its word (a person's `from` and `until`).
  std::optional<Date> date(const ast::Word& w, const char* what) const {
    ast::Literal lit;
    lit.loc = w.loc;
    lit.kind = ast::LiteralKind::Date;
    lit.text = w.text;
    return date(lit, what);
  }
  bool coerce(model::Value& v, model::Type want, bool percent, SourceLoc loc, std::string_view what,
              std::string_view name = {}) const;

 private:
  std::optional<model::Value> date_value(const ast::Literal& lit) const;
  std::optional<Decimal> number_value(const ast::Literal& lit) const;
  Diagnostics& diags_;
  const std::string& currency_;
};

// The type a declaration names, and whether it is a percent.
std::pair<model::Type, bool> declared_type(ast::TypeName t);

}  // namespace smr::check
