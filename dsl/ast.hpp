// The syntax tree of a .smr file, as the parser builds it.
//
// Plain structs; every node derives from Node and so carries its source
// place. After a syntax error the parser records an ErrorNode where the
// broken item was and goes on, so each item list is a variant whose first
// alternative is ErrorNode.
#pragma once

#ifndef SMR_DSL_INTERNAL
#error \
    "dsl/ast.hpp is the parser's syntax tree, private to dsl/: use dsl/model.h and engine/compile.h"
#endif

#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/core/diagnostic.h"
#include "dsl/lexer.h"

namespace smr {
class TailReader;
}  // namespace smr

namespace smr::ast {

namespace x3 = boost::spirit::x3;

struct Node {
  SourceLoc loc;
};

// The text a syntax tree holds that is not in the source as written:
// strings with escapes, negative numbers with blanks after the '-', and
// the names and values the JSON readers build. The tree's views point into
// the source or into this store, whose strings never move (and which
// allocates nothing until used: most pieces of text need none).
class TextStore {
 public:
  std::string_view keep(std::string text) {
    return *texts_.emplace_back(std::make_unique<std::string>(std::move(text)));
  }

 private:
  std::vector<std::unique_ptr<std::string>> texts_;
};

// A placeholder for an item the parser could not read (already reported),
// with the keyword and name it began with where they could be read
// (`function CEO "x"` missing its `;`): the checker counts that name as
// declared, so one mistake does not cascade into "unknown function" errors.
struct ErrorNode {
  std::string_view keyword;
  std::string_view name;
};

// A token with its text: an identifier, a keyword, or an unescaped string.
// The text is a view (see TextStore).
struct Word : Node {
  std::string_view text;
};

// The text of an optional word, or "" when it is absent.
inline std::string text_of(const std::optional<Word>& w) {
  return w ? std::string(w->text) : std::string();
}

// A keyword or operator, mapped to its enum by the parser, with its place.
template <typename E>
struct Tag : Node {
  E value{};
};

// The words the grammar maps to enums, so that later passes never compare
// strings. Each has its spelling for messages (`keyword_text`).
enum class RegimeKey : uint8_t { Version, Currency, Unallocated, Fines };
enum class FactKind : uint8_t { Fact, PersonFact };
enum class TypeName : uint8_t { Bool, Int, Decimal, Percent, Money, Date };
enum class SanctionWord : uint8_t { Censure, Fine, Disqualification, Criminal };
enum class SelectorWord : uint8_t {
  Accountable,
  Delegates,
  Managers,
  Holders,
  Board,
  Involved,
  Group
};
enum class EdgeWord : uint8_t { ReportsTo, Holds, ResponsibleFor, Delegates };
enum class OutcomeWord : uint8_t { None, Censure, Fine, Disqualification, Criminal };
enum class BinaryOp : uint8_t { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div };
enum class FunctionName : uint8_t { Min, Max, RoundDown, RoundUp, PriorBreaches, PriorSanctions };

const char* keyword_text(RegimeKey k);
const char* keyword_text(FactKind k);
const char* keyword_text(TypeName k);
const char* keyword_text(SanctionWord k);
const char* keyword_text(SelectorWord k);
const char* keyword_text(EdgeWord k);
const char* keyword_text(OutcomeWord k);
const char* keyword_text(BinaryOp k);
const char* keyword_text(FunctionName k);

using LiteralKind = parser::LiteralKind;

// A literal as written, with its place (see parser::LiteralToken).
struct Literal : Node, parser::LiteralToken {};

// ---- Expressions -------------------------------------------------------
struct Expr;
struct Unary;
struct Call;
struct Index;
struct IfExpr;

struct Name : Word {};

using Operand = x3::variant<Literal, Name, x3::forward_ast<Call>, x3::forward_ast<Index>,
                            x3::forward_ast<IfExpr>, x3::forward_ast<Unary>, x3::forward_ast<Expr>>;

struct Operation : Node {
  BinaryOp op = BinaryOp::Or;
  Operand operand;
};

// `first op operand op operand ...`, left-associative, one precedence level.
struct Expr : Node {
  Operand first;
  std::vector<Operation> rest;
};

// `not not x` or `- - x`: ops holds one character per operator ('!' or '-'),
// outermost first. Kept flat so that deep chains need no recursion.
struct Unary : Node {
  std::string ops;
  Operand operand;
};

struct Call : Node {
  Tag<FunctionName> function;
  std::vector<Expr> args;
};

struct Index : Node {
  Word table;
  Expr key;
};

struct IfExpr : Node {
  Expr condition;
  Expr then_value;
  Expr else_value;
};

// ---- Declarations ------------------------------------------------------
// `version "x";`, `currency GBP;`, `unallocated falls_to F;`, `fines sum;`
struct RegimeSetting : Node {
  Tag<RegimeKey> key;
  Word value;
};
// `unallocated falls_to F1, F2;`: the holders of the first listed function
// that has a holder take an unallocated responsibility.
struct Fallbacks : Node {
  Tag<RegimeKey> key;
  std::vector<Word> functions;
};
// `fine_cap EXPR;`: the most one person may be fined for one breach.
struct FineCap : Node {
  Word keyword;
  Expr value;
};
using RegimeItem = x3::variant<ErrorNode, RegimeSetting, Fallbacks, FineCap>;

struct Regime : Node {
  Word title;
  std::vector<RegimeItem> items;
};

struct FunctionDecl : Node {
  Word name;
  std::optional<Word> title;
  std::optional<Word> board;
};

struct ResponsibilityDecl : Node {
  Word name;
  std::optional<Word> title;
  std::optional<Word> prescribed;
};

// `fact NAME: TYPE [= DEFAULT];` or `person_fact ...`
struct FactDecl : Node {
  Tag<FactKind> kind;
  Word name;
  Tag<TypeName> type;
  std::optional<Literal> default_value;
};

struct TableEntry : Node {
  Literal key;
  Literal value;
};
struct TableDefault : Node {
  Word keyword;
  Literal value;
};
using TableItem = x3::variant<ErrorNode, TableEntry, TableDefault>;

// `from DATE { ... }`: the table's entries from that date on.
struct TableBlock : Node {
  Literal from;
  std::vector<TableItem> items;
};

struct TableDecl : Node {
  Word name;
  Tag<TypeName> key_type;
  Tag<TypeName> value_type;
  std::vector<TableItem> items;
  std::vector<TableBlock> later;  // dated blocks, in order
};

struct AreaClause : Node {
  Word keyword;
  Word area;
};
using BreachItem = x3::variant<ErrorNode, AreaClause>;

struct BreachDecl : Node {
  Word name;
  std::optional<Word> title;
  std::vector<BreachItem> items;
};

// One selector term: `accountable`, `delegates`, `board`, `involved`,
// `managers(N)`, `holders` or `holders(F)`, optionally followed by
// `of TERM` (for managers); or a group `( S, ... )`, whose terms are in `of`.
struct SelectorTerm : Node {
  Tag<SelectorWord> kind;
  std::optional<Word> argument;
  std::vector<SelectorTerm> of;  // zero or one term
};

struct Sanction : Node {
  Tag<SanctionWord> kind;
  std::optional<Expr> amount;
};

struct OnClause : Node {
  Word keyword;
  std::vector<Word> breach_types;
};
struct WhenClause : Node {
  Word keyword;
  Expr condition;
};
struct ThenClause : Node {
  Sanction sanction;
  std::vector<SelectorTerm> selector;
  std::optional<Expr> where;
};
// `cite "FS(BR)A 2013 s36";`: the provision a rule models.
struct CiteClause : Node {
  Word keyword;
  Word text;
};
// `let NAME = EXPR;`: a named intermediate value of a rule.
struct LetClause : Node {
  Word keyword;
  Word name;
  Expr value;
};
using RuleItem = x3::variant<ErrorNode, OnClause, WhenClause, ThenClause, CiteClause, LetClause>;

struct RuleDecl : Node {
  Word name;
  std::optional<Word> title;
  std::vector<RuleItem> items;
};

struct IncomeItem : Node {
  Word keyword;
  Literal amount;
};
// `reports_to P`, `holds F`, `responsible_for A`, `delegates A to P`, each
// with optional `from D` and `until D` (dates, kept as their words: an org
// of 100,000 people has this item several times each).
struct EdgeItem : Node {
  Tag<EdgeWord> kind;
  Word target;
  std::optional<Word> to;
  std::optional<Word> from;
  std::optional<Word> until;
};
using PersonItem = x3::variant<ErrorNode, IncomeItem, EdgeItem>;

struct Person : Node {
  Word id;
  std::optional<Word> name;
  std::vector<PersonItem> items;
};
using OrgItem = x3::variant<ErrorNode, Person>;

struct Org : Node {
  Word name;
  std::optional<Word> title;
  std::vector<OrgItem> persons;
};

// `NAME VALUE;` inside a scenario's breach or person block.
struct FactValue : Node {
  Word name;
  Literal value;
};
using PersonFactItem = x3::variant<ErrorNode, FactValue>;

struct PersonFacts : Node {
  Word person;
  std::vector<PersonFactItem> items;
};
using BreachFactItem = x3::variant<ErrorNode, FactValue, PersonFacts>;

struct ScenarioBreach : Node {
  Word type;
  Literal date;
  std::vector<BreachFactItem> items;
};

struct ExpectItem : Node {
  Tag<OutcomeWord> kind;
  std::optional<Literal> amount;
};
struct Expect : Node {
  Word person;
  std::vector<ExpectItem> items;
};
using ScenarioItem = x3::variant<ErrorNode, ScenarioBreach, Expect>;

struct Scenario : Node {
  Word title;
  std::optional<Word> org;
  std::vector<ScenarioItem> items;
};

struct Import : Node {
  Word keyword;
  Word path;
};

using Decl = x3::variant<ErrorNode, Regime, FunctionDecl, ResponsibilityDecl, FactDecl, TableDecl,
                         BreachDecl, RuleDecl, Org, Scenario, Import>;

// The scenarios that end a large file, which parse_file leaves unparsed
// when asked to: the checker parses, checks and frees them a piece at a
// time, so the tree of a million scenarios never exists at once. Found by
// a scan of the text (braces, strings, comments and each top-level
// declaration's first word), so a piece that does not parse cleanly sends
// the file back to being parsed whole.
struct ScenarioTail {
  uint32_t file_id = 0;
  std::string_view text;     // the whole file's text
  std::vector<size_t> cuts;  // piece k is [cuts[k], cuts[k + 1]); cuts[0] begins the tail
  size_t scenarios = 0;      // how many scenarios the tail holds
  // Its first pieces parsed ahead, while the rest of the model is parsed
  // and checked (on more than one thread); null otherwise.
  std::shared_ptr<TailReader> ahead;
  size_t pieces() const { return cuts.size() - 1; }
};

struct File {
  uint32_t file_id = 0;
  std::vector<Decl> decls;
  std::optional<ScenarioTail> tail;  // see ScenarioTail
  // What the tree's views point to besides the source (one per parsed piece).
  std::vector<std::unique_ptr<TextStore>> stores;
  // The file could not be read as a whole (invalid UTF-8): what it declares
  // is unknown, so checks of what is missing stay quiet.
  bool unreadable = false;
};

}  // namespace smr::ast
