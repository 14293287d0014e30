#include "dsl/check_literals.h"

#include <fmt/format.h>

#include <algorithm>

namespace smr::check {

using model::Type;
using model::Value;

std::optional<Value> LiteralChecker::date_value(const ast::Literal& lit) const {
  auto d = Date::parse(lit.text);
  if (!d) {
    // A well-formed date in a year out of range gets its own message.
    std::string_view t = lit.text;
    bool shaped =
        t.size() == 10 && t[4] == '-' && t[7] == '-' &&
        std::all_of(t.begin(), t.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
    int year = shaped ? std::stoi(std::string(t.substr(0, 4))) : 0;
    bool out_of_range = shaped && (year < Date::kMinYear || year > Date::kMaxYear);
    diags_.error(lit.loc, out_of_range
                              ? fmt::format("date '{}' is outside the supported years {} to {}",
                                            lit.text, Date::kMinYear, Date::kMaxYear)
                              : fmt::format("invalid date '{}'", lit.text));
    return std::nullopt;
  }
  Value v;
  v.type = Type::Date;
  v.date = *d;
  return v;
}

namespace {

// Up to nine digits and nothing else (a severity, a count): read directly,
// as Decimal::parse reads them.
std::optional<Decimal> small_whole_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int32_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return Decimal::from_int32(n);
}

}  // namespace

// The number a literal writes; nullopt, reported, when smr cannot hold it.
std::optional<Decimal> LiteralChecker::number_value(const ast::Literal& lit) const {
  // A percent is divided by 100, so it may write two digits fewer.
  int places = lit.kind == ast::LiteralKind::Percent ? Decimal::kDigits - 2 : Decimal::kDigits;
  if (written_fraction_digits(lit.text) > places) {
    diags_.error(
        lit.loc,
        fmt::format("'{}{}' has more than {} decimal places, more than smr holds exactly{}",
                    lit.text, lit.kind == ast::LiteralKind::Percent ? "%" : "", places,
                    lit.kind == ast::LiteralKind::Percent ? " once divided by 100" : ""));
    return std::nullopt;
  }
  bool negative = !lit.text.empty() && lit.text[0] == '-';
  auto number = Decimal::parse(negative ? lit.text.substr(1) : lit.text);
  if (number && negative) number = negate(*number);
  if (!number) {
    diags_.error(lit.loc, fmt::format("number '{}' is too large (the limit is about 9.2 × 10^12)",
                                      lit.text));
    return std::nullopt;
  }
  return number;
}

std::optional<Value> LiteralChecker::value(const ast::Literal& lit) const {
  Value v;
  switch (lit.kind) {
    case ast::LiteralKind::Bool:
      v.type = Type::Bool;
      v.boolean = lit.text == "true";
      return v;
    case ast::LiteralKind::String:
      v.type = Type::String;
      return v;
    case ast::LiteralKind::Date:
      return date_value(lit);
    default:
      break;
  }
  auto number = small_whole_number(lit.text);
  if (!number) number = number_value(lit);
  if (!number) return std::nullopt;
  v.number = *number;
  switch (lit.kind) {
    case ast::LiteralKind::Int:
      v.type = Type::Int;
      break;
    case ast::LiteralKind::Decimal:
      v.type = Type::Decimal;
      break;
    case ast::LiteralKind::Percent:
      v.type = Type::Decimal;
      v.percent = true;
      v.number = *divide(v.number, Decimal::from_raw(100 * Decimal::kScale));
      break;
    case ast::LiteralKind::Money:
      v.type = Type::Money;
      if (!currency_.empty() && lit.unit != currency_) {
        diags_.error(lit.loc, fmt::format("currency {} differs from the regime's currency {}",
                                          lit.unit, currency_));
        return std::nullopt;
      }
      break;
    case ast::LiteralKind::Duration: {
      v.type = Type::Duration;
      v.duration.amount = v.number.raw() / Decimal::kScale;
      char u = lit.unit[0];
      v.duration.unit = u == 'd'   ? Duration::Unit::Days
                        : u == 'm' ? Duration::Unit::Months
                                   : Duration::Unit::Years;
      break;
    }
    default:
      break;
  }
  return v;
}

bool LiteralChecker::coerce(Value& v, Type want, bool percent, SourceLoc loc, std::string_view what,
                            std::string_view name) const {
  if (v.type == want || (v.type == Type::Int && want == Type::Decimal)) {
    v.type = want;
    v.percent = v.percent || percent;
    return true;
  }
  diags_.error(
      loc, fmt::format("{}{} must be {}{}, not {}", what,
                       name.empty() ? "" : fmt::format(" '{}'", name), percent ? "a percent" : "",
                       percent ? "" : std::string("of type ") + model::type_name(want),
                       model::type_name(v.type)));
  return false;
}

std::optional<Value> LiteralChecker::typed(const ast::Literal& lit, Type want, bool percent,
                                           std::string_view what, std::string_view name) const {
  auto v = value(lit);
  if (!v || !coerce(*v, want, percent, lit.loc, what, name)) return std::nullopt;
  return v;
}

std::optional<Date> LiteralChecker::date(const ast::Literal& lit, const char* what) const {
  auto v = value(lit);
  if (!v) return std::nullopt;
  if (v->type != Type::Date) {
    diags_.error(lit.loc, fmt::format("{} must be a date (YYYY-MM-DD), not {}", what,
                                      model::type_name(v->type)));
    return std::nullopt;
  }
  return v->date;
}

std::pair<Type, bool> declared_type(ast::TypeName t) {
  switch (t) {
    case ast::TypeName::Bool:
      return {Type::Bool, false};
    case ast::TypeName::Int:
      return {Type::Int, false};
    case ast::TypeName::Decimal:
      return {Type::Decimal, false};
    case ast::TypeName::Percent:
      return {Type::Decimal, true};
    case ast::TypeName::Money:
      return {Type::Money, false};
    case ast::TypeName::Date:
      return {Type::Date, false};
  }
  return {Type::Error, false};
}

}  // namespace smr::check
