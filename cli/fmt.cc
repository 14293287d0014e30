// smr fmt: rewrite .smr files in the canonical layout (dsl/format.h);
// --check lists the files that would change (exit 1), --diff shows how.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/workspace.h"
#include "dsl/format.h"

namespace smr::cli {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A unified diff of two texts (whole-line hunks with 2 lines of context);
// a longest-common-subsequence table when it is small enough, one
// replacement hunk otherwise.
std::string unified_diff(const std::string& path, const std::string& a, const std::string& b) {
  std::vector<std::string> x = lines_of(a), y = lines_of(b);
  size_t n = x.size(), m = y.size();
  std::vector<std::pair<char, std::string>> ops;
  if (n * m <= 4'000'000) {  // the table: at most 16 MB
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] == y[j]) {
        ops.push_back({' ', x[i++]});
        ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push_back({'-', x[i++]});
      } else {
        ops.push_back({'+', y[j++]});
      }
    }
  } else {
    for (const auto& l : x) ops.push_back({'-', l});
    for (const auto& l : y) ops.push_back({'+', l});
  }
  std::string out = fmt::format("--- {}\n+++ {} (formatted)\n", path, path);
  constexpr size_t kContext = 2;
  for (size_t k = 0; k < ops.size();) {
    if (ops[k].first == ' ') {
      ++k;
      continue;
    }
    size_t start = k >= kContext ? k - kContext : 0, end = k;
    while (end < ops.size()) {  // extend while changes are near
      size_t next = end;
      while (next < ops.size() && ops[next].first == ' ') ++next;
      if (next == ops.size() || next - end > 2 * kContext) break;
      end = next + 1;
    }
    end = std::min(ops.size(), end + kContext);
    size_t old_line = 1, new_line = 1;
    for (size_t q = 0; q < start; ++q) {
      old_line += ops[q].first != '+';
      new_line += ops[q].first != '-';
    }
    size_t old_n = 0, new_n = 0;
    for (size_t q = start; q < end; ++q) {
      old_n += ops[q].first != '+';
      new_n += ops[q].first != '-';
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_line, old_n, new_line, new_n);
    for (size_t q = start; q < end; ++q) out += fmt::format("{}{}\n", ops[q].first, ops[q].second);
    k = end;
  }
  return out;
}

}  // namespace

int run_fmt(const Options& o) {
  if (o.files.size() == 1 && o.files[0] == "-") {  // stdin to stdout, for editors
    std::string text;
    char chunk[1 << 16];
    constexpr size_t kMax = size_t{512} << 20;  // as the largest model file
    while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
      text.append(chunk, static_cast<size_t>(std::cin.gcount()));
      if (text.size() > kMax) {
        fmt::print(stderr, "smr fmt: the input is larger than 512 MiB\n");
        return 2;
      }
    }
    emit(format_smr(text));
    return 0;
  }
  int changed = 0;
  std::string out;
  for (const auto& path : o.files) {
    std::string text, error;
    if (!read_source_file(path, &text, &error)) {
      fmt::print(stderr, "smr fmt: cannot read {}: {}\n", path, error);
      return 2;
    }
    std::string formatted = format_smr(text);
    if (formatted == text) continue;
    ++changed;
    if (o.diff) out += unified_diff(path, text, formatted);
    if (o.check) {
      if (!o.diff) out += path + "\n";
      continue;
    }
    if (o.diff) continue;
    if (!write_text_file(path, formatted, &error)) {
      fmt::print(stderr, "smr fmt: cannot write {}: {}\n", path, error);
      return 2;
    }
  }
  emit(out);
  return (o.check || o.diff) && changed ? 1 : 0;
}

}  // namespace smr::cli
