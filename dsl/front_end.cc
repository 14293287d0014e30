#include "dsl/front_end.h"

#include <chrono>
#include <mutex>

#include "dsl/checker.h"
#include "dsl/loader.h"

namespace smr {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// One load and check of the model; `tail_failed` as CheckOptions says.
FrontEndOutput build_once(const FrontEndInput& input, SourceManager& sources, Diagnostics& diags,
                          bool defer_scenarios, bool* tail_failed) {
  FrontEndOutput out;
  auto start = std::chrono::steady_clock::now();
  LoadResult loaded =
      load_model(input.files, sources, diags, input.jobs, input.import_roots, defer_scenarios);
  out.parse_seconds = seconds_since(start);
  if (!loaded.unreadable.empty()) {
    out.unreadable = loaded.unreadable;
    return out;
  }
  out.root_of = std::move(loaded.root_of);
  CheckOptions options;
  options.jobs = input.jobs;
  options.sources = &sources;
  for (const SourceText& org : input.org_json) {
    FileText text;
    std::string error;
    if (org.text) {
      text = FileText(*org.text);
    } else if (!read_file_text(org.path, &text, &error)) {
      out.unreadable = org.path + ": " + error;
      return out;
    }
    options.org_json_files.push_back(sources.add(org.path, std::move(text)));
  }
  // Check even after syntax errors, so one run reports as much as it can.
  start = std::chrono::steady_clock::now();
  options.seconds = &out.check_parts;
  options.tail_failed = tail_failed;
  out.model = check_model(loaded.files, diags, options);
  out.check_seconds = seconds_since(start);
  if (input.keep_syntax_to_exit) {
    // Held through a pointer that is never destroyed, so leak checkers still
    // see the trees as reachable.
    static auto* kept = new std::vector<std::vector<ast::File>>();
    static std::mutex kept_mutex;
    std::lock_guard lock(kept_mutex);
    kept->push_back(std::move(loaded.files));
  }
  return out;
}

}  // namespace

FrontEndOutput build_model(const FrontEndInput& input, SourceManager& sources, Diagnostics& diags) {
  // Large files' scenario tails are parsed while they are checked; should
  // one not parse cleanly, everything is done again the plain way, so that
  // the diagnostics are exactly those of parsing the file whole.
  uint32_t files_before = sources.file_count();
  Diagnostics attempt = diags;
  bool tail_failed = false;
  FrontEndOutput out = build_once(input, sources, attempt, input.stream_scenarios, &tail_failed);
  if (!tail_failed) {
    diags = std::move(attempt);
    return out;
  }
  double seconds = out.parse_seconds + out.check_seconds;
  out = FrontEndOutput();  // frees the partial model before the second load
  sources.keep_first(files_before);
  out = build_once(input, sources, diags, false, nullptr);
  out.parse_seconds += seconds;
  return out;
}

}  // namespace smr
