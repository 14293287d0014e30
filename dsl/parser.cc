#include "dsl/parser.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <thread>

#include "dsl/core/parallel.h"
#include "dsl/grammar.hpp"
#include "dsl/lexer.h"

namespace smr {

namespace {

// Parses [first, last) of a file whose text starts at `begin`.
std::vector<ast::Decl> parse_range(uint32_t file_id, const char* begin, const char* first,
                                   const char* last, Diagnostics& diags, const std::string& path,
                                   ast::TextStore& store, size_t expected_bytes = 0) {
  std::vector<ast::Decl> decls;
  // About one declaration a line or two; the first piece of a file parsed
  // in pieces has room for the others' declarations, appended to it.
  decls.reserve(std::max(expected_bytes, static_cast<size_t>(last - first)) / 96);
  parser::ParseState state;
  state.file_id = file_id;
  state.begin = begin;
  state.end = last;
  state.diags = &diags;
  state.store = &store;
  try {
    // The context built here must match parser::context_type (config.hpp).
    boost::spirit::x3::phrase_parse(
        first, last, boost::spirit::x3::with<parser::parse_state_tag>(state)[file_grammar()],
        parser::Skipper{}, decls);
  } catch (const parser::TooManyErrors&) {
    diags.note({}, "too many syntax errors in " + path + "; stopped parsing it");
  }
  return decls;
}

// Offsets where a top-level declaration ends (brace depth 0, after `;` or
// `}`), about `pieces` apart. Strings and comments are skipped.
std::vector<size_t> split_points(std::string_view text, int pieces) {
  std::vector<size_t> out;
  size_t step = text.size() / pieces, next = step;
  int depth = 0;
  for (size_t i = 0; i < text.size() && static_cast<int>(out.size()) < pieces - 1; ++i) {
    char c = text[i];
    if (c == '"') {
      while (++i < text.size() && text[i] != '"' && text[i] != '\n') {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    }
    if ((c == '}' || c == ';') && depth == 0 && i + 1 >= next) {
      out.push_back(i + 1);
      next = i + 1 + step;
    }
  }
  return out;
}

}  // namespace

ast::File parse_file(const SourceManager& sources, uint32_t file_id, Diagnostics& diags,
                     int threads) {
  ast::File out;
  out.file_id = file_id;
  const std::string& text = sources.text(file_id);
  if (long bad = find_invalid_utf8(text); bad >= 0) {
    diags.error({file_id, static_cast<uint32_t>(bad), 1}, "invalid UTF-8 byte sequence");
    out.unreadable = true;
    return out;
  }
  if (long open = parser::find_unterminated_comment(text); open >= 0) {
    diags.error(
        {file_id, static_cast<uint32_t>(open), 2},
        "unterminated comment: this '/*' has no closing '*/', so the rest of the file would be "
        "ignored");
  }
  const char* begin = text.data();
  const char* end = begin + text.size();
  // A byte order mark, as some editors write, is not part of the text.
  size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  constexpr size_t kParallelFrom = size_t{4} << 20;
  std::vector<size_t> cuts = threads > 1 && text.size() >= kParallelFrom
                                 ? split_points(text, threads)
                                 : std::vector<size_t>{};
  if (!cuts.empty()) {
    // Large files: parse pieces between top-level declarations at once. A
    // syntax error anywhere means the pieces may be cut wrongly, so the file
    // is then parsed again in one go for the exact diagnostics.
    cuts.insert(cuts.begin(), start);
    cuts.push_back(text.size());
    size_t n = cuts.size() - 1;
    std::vector<std::vector<ast::Decl>> parts(n);
    std::vector<Diagnostics> part_diags(n);
    std::vector<std::unique_ptr<ast::TextStore>> stores;
    for (size_t k = 0; k < n; ++k) stores.push_back(std::make_unique<ast::TextStore>());
    TaskGroup workers;
    auto parse_part = [&](size_t k) {
      parts[k] = parse_range(file_id, begin, begin + cuts[k], begin + cuts[k + 1], part_diags[k],
                             sources.path(file_id), *stores[k], k == 0 ? text.size() : 0);
    };
    // Every piece on a worker thread (the calling thread waits): the tree
    // then lives in the heaps of the threads that check the scenarios and
    // free it, which reuse its memory.
    for (size_t k = 0; k < n; ++k) {
      if (!workers.start([&, k] { parse_part(k); })) parse_part(k);  // no thread: here
    }
    workers.wait();
    bool clean = std::none_of(part_diags.begin(), part_diags.end(),
                              [](const Diagnostics& d) { return d.has_errors(); });
    if (clean) {
      size_t total = 0;
      for (const auto& p : parts) total += p.size();
      out.decls = std::move(parts[0]);
      out.decls.reserve(total);  // room already, as a rule: nothing moves
      for (size_t k = 1; k < n; ++k)
        std::move(parts[k].begin(), parts[k].end(), std::back_inserter(out.decls));
      out.stores = std::move(stores);
      return out;
    }
  }
  out.stores.push_back(std::make_unique<ast::TextStore>());
  out.decls = parse_range(file_id, begin, begin + start, end, diags, sources.path(file_id),
                          *out.stores.back());
  return out;
}

}  // namespace smr
