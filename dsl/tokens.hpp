// The lexical layer of the grammar: hand-written X3 primitive parsers for
// white space, keywords, identifiers, strings and literals, and the two
// directives that give the grammar error recovery and a nesting limit.
// Included only by the grammar's translation units.
#pragma once

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/lexer.h"
#include "dsl/parse_state.hpp"
#include "dsl/plain_orgs.h"

namespace smr::parser {

namespace x3 = boost::spirit::x3;
using Iter = const char*;

// Base of the primitive parsers: a name for "expected ..." messages.
struct Named {
  std::string what_;
};

struct Skipper : x3::parser<Skipper> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    It p = skip_space(first, last);
    bool moved = p != first;
    first = p;
    return moved;
  }
};

// A single keyword, with no attribute.
struct Keyword : x3::parser<Keyword>, Named {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view text;
  explicit Keyword(std::string_view t) : text(t) { what_ = "'" + std::string(t) + "'"; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    if (!starts_word(first, last, text)) return false;
    first += text.size();
    return true;
  }
};

// One of several words (keywords) as a Word with its text and place.
struct OneOf : x3::parser<OneOf>, Named {
  using attribute_type = ast::Word;
  static bool const has_attribute = true;
  std::vector<std::string_view> words;
  OneOf(std::initializer_list<std::string_view> w, const char* what) : words(w) { what_ = what; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    for (std::string_view w : words) {
      if (!starts_word(first, last, w)) continue;
      ast::Word out;
      out.text = w;
      out.loc = x3::get<parse_state_tag>(ctx).loc(first, first + w.size());
      x3::traits::move_to(std::move(out), attr);
      first += w.size();
      return true;
    }
    return false;
  }
};

// One of several keywords or operators, mapped to its enum: the attribute
// is an ast::Tag<E> (the value and its place) when Tagged, else the E.
// The spellings come from ast::keyword_text.
template <typename E, bool Tagged>
struct Choice : x3::parser<Choice<E, Tagged>>, Named {
  using attribute_type = std::conditional_t<Tagged, ast::Tag<E>, E>;
  static bool const has_attribute = true;
  std::vector<std::pair<std::string_view, E>> words;  // longest first
  Choice(std::initializer_list<E> values, const char* what) {
    what_ = what;
    for (E v : values) words.emplace_back(ast::keyword_text(v), v);
    std::stable_sort(words.begin(), words.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    for (const auto& [w, v] : words) {
      if (!starts_word(first, last, w)) continue;
      if constexpr (Tagged) {
        ast::Tag<E> out;
        out.value = v;
        out.loc = x3::get<parse_state_tag>(ctx).loc(first, first + w.size());
        x3::traits::move_to(std::move(out), attr);
      } else {
        x3::traits::move_to(v, attr);
      }
      first += w.size();
      return true;
    }
    return false;
  }
};

// An identifier that is not a reserved word. With AllowBuiltins, also the
// built-in names `severity`, `date` and `relevant_income` (for expressions
// and fact settings).
template <typename T, bool AllowBuiltins>
struct Identifier : x3::parser<Identifier<T, AllowBuiltins>>, Named {
  using attribute_type = T;
  static bool const has_attribute = true;
  explicit Identifier(const char* what) { what_ = what; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || !is_ident_start(*first)) return false;
    It p = first;
    while (p != last && is_ident_char(*p)) ++p;
    std::string_view word(first, p - first);
    if (is_reserved(word) && !(AllowBuiltins && is_builtin_name(word))) return false;
    T out;
    out.text = word;
    out.loc = x3::get<parse_state_tag>(ctx).loc(first, p);
    x3::traits::move_to(std::move(out), attr);
    first = p;
    return true;
  }
};

// A string literal as a Word holding the unescaped text.
struct StringWord : x3::parser<StringWord>, Named {
  using attribute_type = ast::Word;
  static bool const has_attribute = true;
  StringWord() { what_ = "string"; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || *first != '"') return false;
    ast::Word out;
    ParseState& st = x3::get<parse_state_tag>(ctx);
    const char* error_at = nullptr;
    std::string error;
    It p = scan_string_text(first, last, &st.scratch, &out.text, &error_at, &error);
    if (!p) throw x3::expectation_failure<It>(error_at, error);
    if (out.text.data() == st.scratch.data()) out.text = st.store->keep(st.scratch);
    out.loc = st.loc(first, p);
    x3::traits::move_to(std::move(out), attr);
    first = p;
    return true;
  }
};

struct LiteralParser : x3::parser<LiteralParser>, Named {
  using attribute_type = ast::Literal;
  static bool const has_attribute = true;
  bool allow_sign;
  bool dates_only = false;
  LiteralParser(bool sign, const char* what) : allow_sign(sign) { what_ = what; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    ast::Literal out;
    ParseState& st = x3::get<parse_state_tag>(ctx);
    const char* error_at = nullptr;
    std::string error;
    It p = scan_literal(first, last, allow_sign, &out, &st.scratch, &error_at, &error);
    if (p && dates_only && out.kind != ast::LiteralKind::Date) return false;
    if (!p) {
      if (error_at && !dates_only) throw x3::expectation_failure<It>(error_at, error);
      return false;
    }
    if (uses_scratch(out, st.scratch)) out.text = st.store->keep(st.scratch);
    out.loc = st.loc(first, p);
    x3::traits::move_to(std::move(out), attr);
    first = p;
    return true;
  }
};

// A date literal where only a date may stand (`on DATE`, `from DATE`): any
// other spelling is a syntax error that says how dates are written.
inline LiteralParser date_literal() {
  LiteralParser p(false, "a date written YYYY-MM-DD (such as 2024-06-01)");
  p.dates_only = true;
  return p;
}

// A date as a Word holding its text, where only a date may stand (a
// person's `from` and `until`): date_literal(), smaller in the tree.
struct DateWord : x3::parser<DateWord>, Named {
  using attribute_type = ast::Word;
  static bool const has_attribute = true;
  DateWord() { what_ = date_literal().what_; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    static const LiteralParser dates = date_literal();
    ast::Literal date;
    if (!dates.parse(first, last, ctx, rctx, date)) return false;
    ast::Word out;
    out.text = date.text;  // a date is always a view of the source
    out.loc = date.loc;
    x3::traits::move_to(std::move(out), attr);
    return true;
  }
};

// described(what)[p]: p, named `what` in "expected ..." messages.
template <typename Subject>
struct Described : x3::unary_parser<Subject, Described<Subject>>, Named {
  using base_type = x3::unary_parser<Subject, Described<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  Described(Subject const& s, const char* w) : base_type(s) { what_ = w; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};

struct DescribedGen {
  const char* what;
  template <typename Subject>
  Described<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return {x3::as_parser(s), what};
  }
};
inline DescribedGen described(const char* what) { return {what}; }

// Digits as a Word, for `managers(2)`.
struct DigitsWord : x3::parser<DigitsWord>, Named {
  using attribute_type = ast::Word;
  static bool const has_attribute = true;
  DigitsWord() { what_ = "a number"; }
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It p = first;
    while (p != last && ((*p >= '0' && *p <= '9') || (*p == '_' && p != first))) ++p;
    if (p == first || (p != last && is_ident_char(*p))) return false;
    ast::Word out;
    out.text = std::string_view(first, p - first);
    out.loc = x3::get<parse_state_tag>(ctx).loc(first, p);
    x3::traits::move_to(std::move(out), attr);
    first = p;
    return true;
  }
};

// The keyword and name a broken item began with: `function CEO ...`.
ast::ErrorNode salvage(const char* p, const char* end, ast::TextStore& store);

// recover(what)[item]: parses an item of a list; on a syntax error reports it,
// skips to the next sync point and yields an ErrorNode so parsing goes on.
template <typename Subject>
struct Recover : x3::unary_parser<Subject, Recover<Subject>> {
  using base_type = x3::unary_parser<Subject, Recover<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  const char* what;
  bool top_level;
  Recover(Subject const& s, const char* w, bool top) : base_type(s), what(w), top_level(top) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last) return false;
    ParseState& st = x3::get<parse_state_tag>(ctx);
    It start = first;
    try {
      if (this->subject.parse(first, last, ctx, rctx, attr)) return true;
      first = start;
      st.expected(start, what);
    } catch (x3::expectation_failure<It> const& e) {
      first = e.where();
      st.expected(e.where(), e.which());
    } catch (NestingTooDeep const& e) {
      first = e.where;
      st.error_at(e.where,
                  "nesting is too deep (the limit is " + std::to_string(kMaxNesting) + " levels)");
    }
    attr = Attr();
    if constexpr (std::is_assignable_v<Attr&, ast::ErrorNode>)
      attr = salvage(start, last, *st.store);
    const char* at = skip_space(first, last);
    if (at != start && starts_statement(at, last, top_level)) {
      first = at;
      return true;
    }
    first = skip_to_sync_point(first, last, top_level);
    if (first == start) first = skip_to_sync_point(first + 1, last, top_level);
    return true;
  }
};

struct RecoverGen {
  const char* what;
  bool top_level;
  template <typename Subject>
  Recover<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return {x3::as_parser(s), what, top_level};
  }
};
inline RecoverGen recover(const char* what) { return {what, false}; }
inline RecoverGen recover_top(const char* what) { return {what, true}; }

// nested[p]: counts recursion depth and stops it at kMaxNesting.
template <typename Subject>
struct Nested : x3::unary_parser<Subject, Nested<Subject>> {
  using base_type = x3::unary_parser<Subject, Nested<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  explicit Nested(Subject const& s) : base_type(s) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    ParseState& st = x3::get<parse_state_tag>(ctx);
    if (st.depth >= kMaxNesting) {
      x3::skip_over(first, last, ctx);
      throw NestingTooDeep{first};
    }
    struct Depth {
      int& d;
      ~Depth() { --d; }
    } guard{++st.depth};
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};

struct NestedGen {
  template <typename Subject>
  Nested<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return Nested<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};
inline constexpr NestedGen nested{};

// exact[list]: parses a list into a buffer kept from one list to the next,
// then moves it into the attribute in one allocation of the exact size, so
// that the tree's small lists (a person's statements, a scenario's
// breaches) hold no spare capacity and are not reallocated as they grow.
template <typename Subject>
struct Exact : x3::unary_parser<Subject, Exact<Subject>> {
  using base_type = x3::unary_parser<Subject, Exact<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = true;
  explicit Exact(Subject const& s) : base_type(s) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    // One buffer per nesting level (lists nest: scenario, breach, person).
    thread_local std::vector<Attr> spare;
    Attr buffer;
    if (!spare.empty()) {
      buffer = std::move(spare.back());
      spare.pop_back();
    }
    struct GiveBack {
      Attr& b;
      ~GiveBack() {
        b.clear();
        if (b.capacity() <= kKeptCapacity) spare.push_back(std::move(b));
      }
    } give_back{buffer};
    bool ok = this->subject.parse(first, last, ctx, rctx, buffer);
    attr.reserve(attr.size() + buffer.size());
    for (auto& item : buffer) attr.push_back(std::move(item));
    return ok;
  }
  static constexpr size_t kKeptCapacity = 1024;  // a huge list's buffer is not kept
};

struct ExactGen {
  template <typename Subject>
  Exact<typename x3::extension::as_parser<Subject>::value_type> operator[](Subject const& s) const {
    return Exact<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};
inline constexpr ExactGen exact{};

// plain_org[p]: the org at this place read by read_plain_org (in the
// plain form, several times faster), else by p, which then reads it from
// its start and reports what is wrong.
template <typename Subject>
struct PlainOrg : x3::unary_parser<Subject, PlainOrg<Subject>> {
  using base_type = x3::unary_parser<Subject, PlainOrg<Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  explicit PlainOrg(Subject const& s) : base_type(s) {}

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    static_assert(std::is_same_v<Attr, ast::Org>, "plain_org reads into an ast::Org");
    x3::skip_over(first, last, ctx);
    ParseState& st = x3::get<parse_state_tag>(ctx);
    if (plain_orgs_enabled() &&
        read_plain_org(st.begin, &first, last, st.file_id, *st.store, &attr)) {
      return true;
    }
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};

struct PlainOrgGen {
  template <typename Subject>
  PlainOrg<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return PlainOrg<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};
inline constexpr PlainOrgGen plain_org{};

// Annotates every AST node a rule produces with its source place.
struct Annotate {
  template <typename It, typename Attr, typename Ctx>
  void on_success(It const& first, It const& last, Attr& node, Ctx const& ctx) const {
    if constexpr (std::is_base_of_v<ast::Node, Attr>) {
      node.loc = x3::get<parse_state_tag>(ctx).loc(first, last);
    }
  }
};

}  // namespace smr::parser

namespace boost::spirit::x3 {
// "expected ..." messages name the primitive parsers by their `what_`.
template <typename P>
struct get_info<P, std::enable_if_t<std::is_base_of_v<smr::parser::Named, P>>> {
  using result_type = std::string;
  std::string operator()(P const& p) const { return p.what_; }
};
}  // namespace boost::spirit::x3
