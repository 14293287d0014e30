#include "cli/workspace.h"

#include <fmt/format.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>

namespace smr::cli {

// More diagnostics than this are counted, not printed: a broken generated
// file must not flood a terminal or a CI log.
constexpr int kMaxPrintedDiagnostics = 200;

std::unique_ptr<Workspace> load_workspace(const std::vector<std::string>& files, int* exit_code,
                                          const LoadOptions& options) {
  std::string prefix = options.label.empty() ? "" : options.label + ": ";
  std::vector<std::string> org_json;
  if (!options.org_json.empty()) org_json.push_back(options.org_json);
  CompileOptions co;
  co.jobs = options.jobs;
  co.org_warnings = options.warnings;
  co.keep_syntax_to_exit = true;
  co.import_roots = options.roots;
  auto ws = compile_files(files, org_json, co);
  if (!ws->unreadable.empty()) {
    fmt::print(stderr, "smr: {}cannot read {}\n", prefix, ws->unreadable);
    *exit_code = 2;
    return nullptr;
  }
  bool warnings = options.warnings;
  int errors = ws->diags.error_count();
  int shown_warnings = warnings ? ws->diags.warning_count() : 0;
  std::string text;
  bool keep = false;  // a note goes with the message before it
  int shown = 0, hidden = 0;
  for (const auto& d : ws->diags.all()) {
    if (d.severity != Severity::Note || d.standalone) {
      keep = d.severity == Severity::Error || warnings;
      if (keep && ++shown > kMaxPrintedDiagnostics) {
        keep = false;
        ++hidden;
      }
    }
    if (keep) text += ws->sources.render(d);
  }
  if (hidden) text += fmt::format("smr: {} more diagnostics not shown\n", hidden);
  if (!text.empty()) fmt::print(stderr, "{}", text);
  auto count = [](size_t n, const char* what) {
    return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
  };
  if (!errors && options.summary) {
    const model::Model& m = ws->model;
    fmt::print(stderr, "ok: {}, {}, {}, {}, {}\n", count(ws->root_of.size(), "file"),
               count(m.rules.size(), "rule"), count(m.orgs.size(), "org"),
               count(m.scenarios.size(), "scenario"),
               count(static_cast<size_t>(shown_warnings), "warning"));
  } else if (errors || shown_warnings) {
    fmt::print(stderr, "smr: {}{}, {}\n", prefix, count(static_cast<size_t>(errors), "error"),
               count(static_cast<size_t>(shown_warnings), "warning"));
  }
  if (errors) {
    *exit_code = 1;
    return nullptr;
  }
  *exit_code = 0;
  return ws;
}

void release_at_exit(std::unique_ptr<Workspace> ws) {
  // The process ends right after the command: freeing a model of millions of
  // nodes would only cost time, so leave it to the operating system.
  // Held through a pointer that is never destroyed, so leak checkers still
  // see the workspace as reachable.
  static auto* kept = new std::vector<Workspace*>();
  kept->push_back(ws.release());
}

void report(const Workspace& ws, const Diagnostic& d) {
  fmt::print(stderr, "{}", ws.sources.render(d));
}

namespace {
int stdout_errno = 0;  // the first failed write to stdout
}  // namespace

void emit(const std::string& text) {
  bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
  ok = std::fflush(stdout) == 0 && ok;
  if (!ok && stdout_errno == 0) stdout_errno = errno ? errno : EIO;
}

void emit(const std::vector<std::string>& texts) {
  if (texts.empty()) return;
  if (std::fflush(stdout) != 0 && stdout_errno == 0) stdout_errno = errno ? errno : EIO;
  std::vector<iovec> iov;
  iov.reserve(texts.size());
  for (const auto& t : texts) iov.push_back({const_cast<char*>(t.data()), t.size()});
  size_t first = 0;  // the first piece not yet written whole
  while (first < iov.size() && stdout_errno == 0) {
    int count = static_cast<int>(std::min<size_t>(iov.size() - first, IOV_MAX));
    ssize_t n = ::writev(STDOUT_FILENO, iov.data() + first, count);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      stdout_errno = n < 0 && errno ? errno : EIO;
      break;
    }
    // Past what was written: whole pieces, then part of one.
    auto done = static_cast<size_t>(n);
    while (first < iov.size() && done >= iov[first].iov_len) done -= iov[first++].iov_len;
    if (done > 0) {
      iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + done;
      iov[first].iov_len -= done;
    }
  }
}

int output_errno() { return stdout_errno; }

bool load_versions(const Options& o, std::unique_ptr<Workspace>* base,
                   std::unique_ptr<Workspace>* head, int* exit_code) {
  std::vector<std::string> base_files = o.base, head_files = o.head;
  base_files.insert(base_files.end(), o.files.begin(), o.files.end());
  head_files.insert(head_files.end(), o.files.begin(), o.files.end());
  int base_code = 0, head_code = 0;
  *base =
      load_workspace(base_files, &base_code, {false, false, "base", o.org_json, o.jobs, o.roots});
  *head =
      load_workspace(head_files, &head_code, {false, false, "head", o.org_json, o.jobs, o.roots});
  *exit_code = std::max(base_code, head_code);
  return *base && *head;
}

}  // namespace smr::cli
