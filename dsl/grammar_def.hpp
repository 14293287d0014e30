#pragma once

#include "dsl/ast_adapted.hpp"
#include "dsl/expression.hpp"
#include "dsl/grammar.hpp"

namespace smr::parser {

// clang-format off
struct file_class {};
struct decl_class {};
struct regime_class : Annotate {};
struct regime_setting_class : Annotate {};
struct regime_item_class {};
struct fallbacks_class : Annotate {};
struct fine_cap_class : Annotate {};
struct function_class : Annotate {};
struct responsibility_class : Annotate {};
struct fact_class : Annotate {};
struct table_class : Annotate {};
struct table_item_class {};
struct table_block_class : Annotate {};
struct table_entry_class : Annotate {};
struct table_default_class : Annotate {};
struct breach_decl_class : Annotate {};
struct area_clause_class : Annotate {};
struct rule_class : Annotate {};
struct rule_item_class {};
struct on_clause_class : Annotate {};
struct when_clause_class : Annotate {};
struct then_clause_class : Annotate {};
struct cite_clause_class : Annotate {};
struct let_clause_class : Annotate {};
struct sanction_class : Annotate {};
struct selector_class {};
struct selector_term_class : Annotate {};
struct group_term_class : Annotate {};
struct plain_term_class : Annotate {};
struct org_class : Annotate {};
struct person_class : Annotate {};
struct person_item_class {};
struct income_item_class : Annotate {};
struct edge_item_class : Annotate {};
struct scenario_class : Annotate {};
struct scenario_item_class {};
struct scenario_breach_class : Annotate {};
struct breach_fact_item_class {};
struct fact_value_class : Annotate {};
struct person_facts_class : Annotate {};
struct person_fact_item_class {};
struct expect_class : Annotate {};
struct expect_item_class : Annotate {};
struct import_class : Annotate {};

file_type const file = "file";
x3::rule<decl_class, ast::Decl> const decl = "declaration";
x3::rule<regime_class, ast::Regime> const regime = "regime";
x3::rule<regime_setting_class, ast::RegimeSetting> const regime_setting = "regime setting";
x3::rule<regime_item_class, ast::RegimeItem> const regime_item = "regime setting";
x3::rule<fallbacks_class, ast::Fallbacks> const fallbacks = "unallocated falls_to";
x3::rule<fine_cap_class, ast::FineCap> const fine_cap = "fine_cap";
x3::rule<function_class, ast::FunctionDecl> const function_decl = "function";
x3::rule<responsibility_class, ast::ResponsibilityDecl> const responsibility = "responsibility";
x3::rule<fact_class, ast::FactDecl> const fact_decl = "fact";
x3::rule<table_class, ast::TableDecl> const table = "table";
x3::rule<table_item_class, ast::TableItem> const table_item = "table entry";
x3::rule<table_block_class, ast::TableBlock> const table_block = "a dated block of the table";
x3::rule<table_entry_class, ast::TableEntry> const table_entry = "table entry";
x3::rule<table_default_class, ast::TableDefault> const table_default = "table default";
x3::rule<breach_decl_class, ast::BreachDecl> const breach_decl = "breach";
x3::rule<area_clause_class, ast::AreaClause> const area_clause = "area";
x3::rule<rule_class, ast::RuleDecl> const rule_decl = "rule";
x3::rule<rule_item_class, ast::RuleItem> const rule_item = "rule clause";
x3::rule<on_clause_class, ast::OnClause> const on_clause = "on clause";
x3::rule<when_clause_class, ast::WhenClause> const when_clause = "when clause";
x3::rule<then_clause_class, ast::ThenClause> const then_clause = "then clause";
x3::rule<cite_clause_class, ast::CiteClause> const cite_clause = "cite";
x3::rule<let_clause_class, ast::LetClause> const let_clause = "let";
x3::rule<sanction_class, ast::Sanction> const sanction = "sanction";
x3::rule<selector_class, std::vector<ast::SelectorTerm>> const selector =
    "a selector (accountable, delegates, managers, holders, board or involved)";
x3::rule<selector_term_class, ast::SelectorTerm> const selector_term = "selector";
x3::rule<group_term_class, ast::SelectorTerm> const group_term = "a group of selectors";
x3::rule<plain_term_class, ast::SelectorTerm> const plain_term = "selector";
x3::rule<org_class, ast::Org> const org = "org";
x3::rule<person_class, ast::Person> const person = "person";
x3::rule<person_item_class, ast::PersonItem> const person_item = "person statement";
x3::rule<income_item_class, ast::IncomeItem> const income_item = "relevant_income";
x3::rule<edge_item_class, ast::EdgeItem> const edge_item = "edge";
x3::rule<scenario_class, ast::Scenario> const scenario = "scenario";
x3::rule<scenario_item_class, ast::ScenarioItem> const scenario_item = "scenario item";
x3::rule<scenario_breach_class, ast::ScenarioBreach> const scenario_breach = "breach";
x3::rule<breach_fact_item_class, ast::BreachFactItem> const breach_fact_item = "fact value";
x3::rule<fact_value_class, ast::FactValue> const fact_value = "fact value";
x3::rule<person_facts_class, ast::PersonFacts> const person_facts = "person facts";
x3::rule<person_fact_item_class, ast::PersonFactItem> const person_fact_item = "person fact value";
x3::rule<expect_class, ast::Expect> const expect = "expect";
x3::rule<expect_item_class, ast::ExpectItem> const expect_item = "expected outcome";
x3::rule<import_class, ast::Import> const import = "import";

inline Keyword kw(std::string_view word) { return Keyword(word); }
inline auto const ident = Identifier<ast::Word, false>("identifier");
inline auto const name = Identifier<ast::Word, true>("fact name");
inline auto const string = StringWord();
inline auto const value = LiteralParser(true, "value");
inline auto const date = date_literal();
using ast::TypeName;
inline auto const type_name = Choice<TypeName, true>(
    {TypeName::Bool, TypeName::Int, TypeName::Decimal, TypeName::Percent, TypeName::Money, TypeName::Date},
    "a type (bool, int, decimal, percent, money or date)");

// `{ item* }` with each item recovered on its own.
template <typename Item>
auto block(Item const& item, const char* what) {
  return described("'{'")[x3::lit('{') > exact[*(!x3::lit('}') >> recover(what)[item])]
                          > x3::lit('}')];
}

auto const file_def = *recover_top("a declaration (regime, function, responsibility, fact, "
                                   "person_fact, table, breach, rule, org, scenario or import)")[decl];
auto const decl_def = regime | function_decl | responsibility | fact_decl | table | breach_decl
                    | rule_decl | org | scenario | import;

auto const regime_def = kw("regime") > string
    > block(regime_item, "a regime setting (version, currency, unallocated, fines or fine_cap)");
auto const regime_item_def = fallbacks | fine_cap | regime_setting;
// `fine_cap` is a word only here: a model may use it as a name.
auto const fine_cap_def = OneOf({"fine_cap"}, "'fine_cap'") > expression() > ';';
auto const fallbacks_def = Choice<ast::RegimeKey, true>({ast::RegimeKey::Unallocated}, "'unallocated'")
    > kw("falls_to") > (ident % ',') > ';';
auto const regime_setting_def =
      (Choice<ast::RegimeKey, true>({ast::RegimeKey::Version}, "'version'") > string > ';')
    | (Choice<ast::RegimeKey, true>({ast::RegimeKey::Currency}, "'currency'") > ident > ';')
    | (Choice<ast::RegimeKey, true>({ast::RegimeKey::Fines}, "'fines'") > OneOf({"sum", "max"}, "'sum' or 'max'") > ';');

auto const function_decl_def = kw("function") > ident > -string
    > -OneOf({"board"}, "'board'") > ';';
auto const responsibility_def = kw("responsibility") > ident > -string
    > -OneOf({"prescribed"}, "'prescribed'") > ';';
auto const fact_decl_def =
    Choice<ast::FactKind, true>({ast::FactKind::Fact, ast::FactKind::PersonFact}, "'fact'") > ident > ':'
    > type_name > -('=' > value) > ';';

auto const table_entries = x3::lit('{')
    > *(!x3::lit('}') >> recover("a table entry")[table_item >> -x3::lit(',')]) > x3::lit('}');
auto const table_def = kw("table") > ident > ':' > type_name > "->" > type_name > table_entries
    > *table_block;
auto const table_block_def = kw("from") > date > table_entries;
auto const table_item_def = table_default | table_entry;
auto const table_entry_def = value > ':' > value;
auto const table_default_def = OneOf({"default"}, "'default'") > value;

auto const breach_decl_def = kw("breach") > ident > -string > block(area_clause, "'area'");
auto const area_clause_def = OneOf({"area"}, "'area'") > ident > ';';

auto const rule_decl_def = kw("rule") > ident > -string
    > block(rule_item, "a rule clause (on, when, let, then or cite)");
auto const rule_item_def = on_clause | when_clause | then_clause | cite_clause | let_clause;
// `cite` is a word only here: a model may use it as a name.
auto const cite_clause_def = OneOf({"cite"}, "'cite'") > string > ';';
auto const let_clause_def = OneOf({"let"}, "'let'") > ident > '=' > expression() > ';';
auto const on_clause_def = OneOf({"on"}, "'on'") > (ident % ',') > ';';
auto const when_clause_def = OneOf({"when"}, "'when'") > expression() > ';';
auto const then_clause_def = kw("then") > sanction > kw("to") > selector
    > -(kw("where") > expression()) > ';';
auto const sanction_def =
    Choice<ast::SanctionWord, true>({ast::SanctionWord::Censure, ast::SanctionWord::Fine,
                                     ast::SanctionWord::Disqualification, ast::SanctionWord::Criminal},
                                    "a sanction (censure, fine, disqualification or criminal)")
    >> -(!kw("to") >> expression());
auto const selector_def = selector_term % ',';
auto const selector_term_def = nested[group_term | plain_term];
inline ast::Tag<ast::SelectorWord> group_tag() {
  ast::Tag<ast::SelectorWord> t;
  t.value = ast::SelectorWord::Group;
  return t;
}
auto const group_term_def = x3::attr(group_tag()) >> x3::attr(std::optional<ast::Word>())
    >> ('(' > selector > ')');
auto const plain_term_def =
    Choice<ast::SelectorWord, true>({ast::SelectorWord::Accountable, ast::SelectorWord::Delegates,
                                     ast::SelectorWord::Managers, ast::SelectorWord::Holders,
                                     ast::SelectorWord::Board, ast::SelectorWord::Involved},
                                    "a selector (accountable, delegates, managers, holders, board or involved)")
    >> -('(' > described("a number of levels, as in managers(2), or a function, as in "
                         "holders(SMF1)")[DigitsWord() | ident] > ')')
    >> -(kw("of") > selector_term);

// An org in the plain form (all but a broken one) is read without the
// grammar's per-item machinery; see dsl/plain_orgs.h.
auto const org_def = plain_org[kw("org") > ident > -string > block(person, "'person'")];
// A person's block ends at the next `person` too: a missing `}` is then one
// error, not one for every person after it.
auto const person_def = kw("person") > ident > -string
    > described("'{'")[x3::lit('{')
        > exact[*(!x3::lit('}') >> !kw("person")
            >> recover("a person statement (reports_to, holds, responsible_for, delegates or "
                       "relevant_income)")[person_item])]
        > described("'}' to close the person's block")[x3::lit('}')]];
auto const person_item_def = income_item | edge_item;
auto const income_item_def = OneOf({"relevant_income"}, "'relevant_income'") > value > ';';
auto const edge_item_def =
    Choice<ast::EdgeWord, true>({ast::EdgeWord::ReportsTo, ast::EdgeWord::Holds,
                                 ast::EdgeWord::ResponsibleFor, ast::EdgeWord::Delegates},
                                "a person statement (reports_to, holds, responsible_for, delegates "
                                "or relevant_income)")
    > ident > -(kw("to") > ident) > -(kw("from") > DateWord()) > -(kw("until") > DateWord()) > ';';

auto const scenario_def = kw("scenario") > string > -(kw("in") > ident)
    > block(scenario_item, "a breach or an expect");
auto const scenario_item_def = scenario_breach | expect;
auto const scenario_breach_def = kw("breach") > ident > kw("on") > date
    > block(breach_fact_item, "a fact value or a person block");
auto const breach_fact_item_def = person_facts | fact_value;
auto const fact_value_def = name >> value > ';';
auto const person_fact_item_def = fact_value;
auto const person_facts_def = kw("person") > ident > block(person_fact_item, "a person fact value");
auto const expect_def = kw("expect") > ident > ':'
    > described("an outcome (none, censure, fine AMOUNT, disqualification or criminal)")[expect_item % ',']
    > ';';
auto const expect_item_def =
    Choice<ast::OutcomeWord, true>({ast::OutcomeWord::None, ast::OutcomeWord::Censure, ast::OutcomeWord::Fine,
                                    ast::OutcomeWord::Disqualification, ast::OutcomeWord::Criminal},
                                   "an outcome (none, censure, fine AMOUNT, disqualification or criminal)")
    >> -value;
auto const import_def = OneOf({"import"}, "'import'") > string > ';';
// clang-format on

BOOST_SPIRIT_DEFINE(file, decl, regime, regime_setting, regime_item, fallbacks, fine_cap,
                    function_decl, responsibility, fact_decl, table, table_item, table_block,
                    table_entry, table_default, breach_decl, area_clause, rule_decl, rule_item,
                    on_clause, when_clause, then_clause, cite_clause, let_clause, sanction,
                    selector, selector_term, group_term, plain_term, org, person, person_item,
                    income_item, edge_item, scenario, scenario_item, scenario_breach,
                    breach_fact_item, fact_value, person_facts, person_fact_item, expect,
                    expect_item, import)

}  // namespace smr::parser
