// Part of the parse_check target: the same bytes read as a piece of a
// large file's scenario tail (plain scenarios read directly, the grammar
// from the first that is not) must give what the grammar alone gives.
#include <cstdlib>
#include <string>

#include "dsl/core/source.h"
#include "dsl/lexer.h"
#include "dsl/parser.h"
#include "dsl/scenario_dump_test.h"
#include "tests/fuzz/targets.h"

namespace smr::fuzz {
namespace {

std::string dump_decls(const std::vector<ast::Decl>& decls) {
  std::string out;
  for (const auto& d : decls) {
    const auto* sc = boost::get<ast::Scenario>(&d);
    out += sc ? testing::dump(*sc) : std::to_string(d.get().which()) + "\n";
  }
  return out;
}

std::string errors(const SourceManager& sources, const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::Error) out += sources.render(d);
  }
  return out;
}

}  // namespace

void check_tail_piece(const std::string& text) {
  // What parse_file looks at before the grammar, and a tail never holds.
  if (find_invalid_utf8(text) >= 0 || parser::find_unterminated_comment(text) >= 0 ||
      text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    return;
  }
  SourceManager sources;
  uint32_t id = sources.add("fuzz.smr", text);
  Diagnostics grammar_diags, piece_diags;
  ast::File whole = parse_file(sources, id, grammar_diags, 1, false);
  ast::ScenarioTail tail;
  tail.file_id = id;
  tail.text = sources.text(id);
  tail.cuts = {0, text.size()};
  ast::TextStore store;
  std::vector<ast::Decl> piece = parse_piece(tail, 0, piece_diags, store);
  if (dump_decls(piece) != dump_decls(whole.decls) ||
      errors(sources, piece_diags) != errors(sources, grammar_diags)) {
    std::abort();  // the plain reader and the grammar disagree
  }
}

}  // namespace smr::fuzz
