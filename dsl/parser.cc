#include "dsl/parser.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <thread>

#include "dsl/core/parallel.h"
#include "dsl/grammar.hpp"
#include "dsl/lexer.h"
#include "dsl/plain_scenarios.h"
#include "dsl/tail_reader.h"

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

// Cuts [0, size) into up to `pieces` pieces of about the same size, from
// the offsets where top-level declarations end, offered in order: a cut at
// the first end past each step.
class SplitPicker {
 public:
  SplitPicker(size_t size, int pieces) : size_(size), step_(size / pieces), next_(step_) {
    wanted_ = static_cast<size_t>(pieces - 1);
  }
  bool done() const { return cuts_.size() >= wanted_; }
  // False once the cuts are chosen or `at` is past the text.
  bool offer(size_t at) {
    if (done() || at >= size_) return false;
    if (at >= next_) {
      cuts_.push_back(at);
      next_ = at + step_;
    }
    return true;
  }
  std::vector<size_t> take() { return std::move(cuts_); }

 private:
  size_t size_, step_, next_, wanted_;
  std::vector<size_t> cuts_;
};

// Of `ends` (where top-level declarations end, ascending), the cuts.
std::vector<size_t> pick_splits(const std::vector<size_t>& ends, size_t size, int pieces) {
  SplitPicker picker(size, pieces);
  for (size_t at : ends) {
    if (!picker.offer(at)) break;
  }
  return picker.take();
}

// The cuts, from a scan of `text` that stops once they are chosen.
std::vector<size_t> split_points(std::string_view text, int pieces) {
  SplitPicker picker(text.size(), pieces);
  for (size_t at = 0; !picker.done();) {
    at = parser::top_level_end(text, at);
    if (at == std::string_view::npos || !picker.offer(at)) break;
  }
  return picker.take();
}

// True when the declaration after `at` (past blanks and comments) begins
// with the keyword `scenario`.
bool starts_scenario(std::string_view text, size_t at) {
  const char* end = text.data() + text.size();
  const char* p = parser::skip_space(text.data() + at, end);
  constexpr std::string_view kKeyword = "scenario";
  return static_cast<size_t>(end - p) > kKeyword.size() &&
         std::string_view(p, kKeyword.size()) == kKeyword &&
         !parser::is_ident_char(p[kKeyword.size()]);
}

// The scenarios that end `text` (from `start`), cut into pieces of about
// `piece_bytes` at their boundaries; nullopt when the file does not end in
// scenarios or its braces do not balance. `ends` gets where top-level
// declarations end, about `piece_bytes` apart: where the head can be cut.
std::optional<ast::ScenarioTail> find_scenario_tail(std::string_view text, size_t start,
                                                    size_t piece_bytes, std::vector<size_t>* ends) {
  ast::ScenarioTail tail;
  bool in_tail = false;
  ends->clear();
  for (size_t at = start;;) {
    const char* rest = parser::skip_space(text.data() + at, text.data() + text.size());
    if (rest == text.data() + text.size()) break;  // only blanks and comments left
    bool scenario = starts_scenario(text, at);
    size_t end = parser::top_level_end(text, at);
    if (end == std::string_view::npos) return std::nullopt;
    if (!scenario) {
      in_tail = false;
    } else if (!in_tail) {
      in_tail = true;
      tail.cuts.assign(1, at);
      tail.scenarios = 0;
    }
    if (scenario) {
      ++tail.scenarios;
      if (end - tail.cuts.back() >= piece_bytes) tail.cuts.push_back(end);
    }
    if (ends->empty() || end - ends->back() >= piece_bytes) ends->push_back(end);
    at = end;
  }
  if (!in_tail) return std::nullopt;
  if (tail.cuts.back() != text.size()) tail.cuts.push_back(text.size());
  if (tail.cuts.size() < 2) return std::nullopt;
  return tail;
}

// Parses [first, last) of `text` in up to `pieces` pieces at once, cut
// between top-level declarations: the declarations, or nullopt when a
// piece has a syntax error (pieces may then be cut wrongly, so the caller
// parses the file in one go for the exact diagnostics).
std::optional<std::vector<ast::Decl>> parse_in_pieces(
    uint32_t file_id, std::string_view text, size_t first, size_t last, int pieces,
    const std::vector<size_t>* ends, const std::string& path,
    std::vector<std::unique_ptr<ast::TextStore>>& stores) {
  std::vector<size_t> cuts = pieces <= 1 ? std::vector<size_t>{}
                             : ends      ? pick_splits(*ends, last, pieces)
                                         : split_points(text.substr(0, last), pieces);
  cuts.erase(std::remove_if(cuts.begin(), cuts.end(), [&](size_t c) { return c <= first; }),
             cuts.end());
  cuts.insert(cuts.begin(), first);
  cuts.push_back(last);
  size_t n = cuts.size() - 1;
  std::vector<std::vector<ast::Decl>> parts(n);
  std::vector<Diagnostics> part_diags(n);
  std::vector<std::unique_ptr<ast::TextStore>> part_stores;
  for (size_t k = 0; k < n; ++k) part_stores.push_back(std::make_unique<ast::TextStore>());
  const char* begin = text.data();
  TaskGroup workers;
  auto parse_part = [&](size_t k) {
    parts[k] = parse_range(file_id, begin, begin + cuts[k], begin + cuts[k + 1], part_diags[k],
                           path, *part_stores[k], k == 0 ? last - first : 0);
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
  if (!clean) return std::nullopt;
  size_t total = 0;
  for (const auto& p : parts) total += p.size();
  std::vector<ast::Decl> decls = std::move(parts[0]);
  decls.reserve(total);  // room already, as a rule: nothing moves
  for (size_t k = 1; k < n; ++k)
    std::move(parts[k].begin(), parts[k].end(), std::back_inserter(decls));
  for (auto& st : part_stores) stores.push_back(std::move(st));
  return decls;
}

}  // namespace

ast::File parse_file(const SourceManager& sources, uint32_t file_id, Diagnostics& diags,
                     int threads, bool defer_scenarios) {
  ast::File out;
  out.file_id = file_id;
  std::string_view text = sources.text(file_id);
  // A byte order mark, as some editors write, is not part of the text.
  size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  constexpr size_t kLargeFile = size_t{4} << 20;
  constexpr size_t kTailPiece = size_t{128} << 10;
  // The scenarios that end a large file are left to the checker, which
  // parses them a piece at a time (see ast::ScenarioTail). The scan that
  // finds them runs beside the checks of the text below (used only if they
  // pass); it also finds where the declarations before them can be cut.
  std::optional<ast::ScenarioTail> tail;
  std::vector<size_t> ends;
  bool scanned = false;
  auto scan = [&] {
    tail = find_scenario_tail(text, start, kTailPiece, &ends);
    scanned = true;
  };
  TaskGroup scanner;  // waited for before any return
  bool scanning = defer_scenarios && text.size() >= kLargeFile;
  if (scanning && threads > 1 && !scanner.start(scan)) scan();
  if (long bad = find_invalid_utf8(text); bad >= 0) {
    diags.error({file_id, static_cast<uint32_t>(bad), 1}, "invalid UTF-8 byte sequence");
    out.unreadable = true;
    return out;
  }
  bool clean = true;
  if (long open = parser::find_unterminated_comment(text); open >= 0) {
    diags.error(
        {file_id, static_cast<uint32_t>(open), 2},
        "unterminated comment: this '/*' has no closing '*/', so the rest of the file would be "
        "ignored");
    clean = false;
  }
  const char* begin = text.data();
  const std::string& path = sources.path(file_id);
  if (scanning && threads <= 1) scan();
  scanner.wait();
  if (clean && text.size() >= kLargeFile) {
    if (tail) {
      tail->file_id = file_id;
      tail->text = text;
      // What another core parses while the head is parsed and checked on
      // one (an org is one declaration): 8 MiB of scenarios, a tree of
      // about 50 MB (the whole tail of 100,000 scenarios is 13.5 MB).
      constexpr size_t kReadAhead = size_t{8} << 20;
      if (threads > 1) tail->ahead = std::make_shared<TailReader>(*tail, kReadAhead);
    }
    size_t head_end = tail ? tail->cuts.front() : text.size();
    int pieces = threads > 1 && head_end - start >= kLargeFile ? threads : 1;
    std::vector<std::unique_ptr<ast::TextStore>> stores;
    std::optional<std::vector<ast::Decl>> head;
    if (pieces > 1 || tail) {
      head = parse_in_pieces(file_id, text, start, head_end, pieces, scanned ? &ends : nullptr,
                             path, stores);
    }
    if (head) {
      out.decls = std::move(*head);
      out.stores = std::move(stores);
      out.tail = std::move(tail);
      return out;
    }
  }
  out.stores.push_back(std::make_unique<ast::TextStore>());
  out.decls = parse_range(file_id, begin, begin + start, begin + text.size(), diags, path,
                          *out.stores.back());
  return out;
}

std::vector<ast::Decl> parse_piece(const ast::ScenarioTail& tail, size_t piece, Diagnostics& diags,
                                   ast::TextStore& store) {
  const char* begin = tail.text.data();
  size_t first = tail.cuts[piece], last = tail.cuts[piece + 1];
  // The scenarios in the plain form read directly; from the first that is
  // not, the grammar reads the rest of the piece (and reports its errors).
  std::vector<ast::Decl> decls;
  decls.reserve((last - first) / 96);
  size_t rest = read_plain_scenarios(tail.text, first, last, tail.file_id, store, &decls);
  if (rest == last) return decls;
  std::vector<ast::Decl> parsed =
      parse_range(tail.file_id, begin, begin + rest, begin + last, diags, "", store);
  if (decls.empty()) return parsed;
  std::move(parsed.begin(), parsed.end(), std::back_inserter(decls));
  return decls;
}

}  // namespace smr
