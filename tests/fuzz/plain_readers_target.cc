// Part of the parse_check target: the same bytes read by the grammar with
// its plain org reader, and as a piece of a large file's scenario tail
// (plain scenarios read directly, the grammar from the first that is not),
// must give what the grammar alone gives.
#include <cstdlib>
#include <string>

#include "dsl/core/source.h"
#include "dsl/lexer.h"
#include "dsl/parser.h"
#include "dsl/plain_orgs.h"
#include "dsl/tree_dump_test.h"
#include "tests/fuzz/targets.h"

namespace smr::fuzz {
namespace {

std::string errors(const SourceManager& sources, const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::Error) out += sources.render(d);
  }
  return out;
}

}  // namespace

void check_plain_readers(const std::string& text) {
  // What parse_file looks at before the grammar, and a tail never holds.
  if (find_invalid_utf8(text) >= 0 || parser::find_unterminated_comment(text) >= 0 ||
      text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    return;
  }
  SourceManager sources;
  uint32_t id = sources.add("fuzz.smr", text);
  Diagnostics grammar_diags, plain_org_diags, piece_diags;
  enable_plain_orgs(false);
  ast::File whole = parse_file(sources, id, grammar_diags, 1, false);
  enable_plain_orgs(true);
  ast::File with_plain_orgs = parse_file(sources, id, plain_org_diags, 1, false);
  ast::ScenarioTail tail;
  tail.file_id = id;
  tail.text = sources.text(id);
  tail.cuts = {0, text.size()};
  ast::TextStore store;
  std::vector<ast::Decl> piece = parse_piece(tail, 0, piece_diags, store);
  std::string decls = testing::dump_decls(whole.decls), errs = errors(sources, grammar_diags);
  if (testing::dump_decls(with_plain_orgs.decls) != decls ||
      errors(sources, plain_org_diags) != errs || testing::dump_decls(piece) != decls ||
      errors(sources, piece_diags) != errs) {
    std::abort();  // the plain reader and the grammar disagree
  }
}

}  // namespace smr::fuzz
