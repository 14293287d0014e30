#include "cli/output.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "dsl/core/parallel.h"

namespace smr::cli {

int jobs_of(const Options& o) { return o.jobs > 0 ? o.jobs : default_jobs(); }

void ResultWriter::write(Evaluated&& e) {
  if (!e.diagnostics.empty()) out_.flush();
  for (auto& d : e.diagnostics) {
    if (printed_ < kMaxPrintedDiagnostics) {
      fmt::print(stderr, "{}", d);
      ++printed_;
    } else {
      ++hidden_;
    }
  }
  if (e.failed) {
    failed_ = true;
    return;
  }
  if (e.text.empty()) return;  // a scenario left out: no separator either
  if (blank_line_between_ && out_.started()) out_.add("\n");
  out_.add(std::move(e.text));
}

ResultWriter::~ResultWriter() {
  out_.flush();
  if (hidden_) fmt::print(stderr, "smr: {} more diagnostics not shown\n", hidden_);
}

bool write_text_file(const std::string& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = std::strerror(errno);
    return false;
  }
  out << text;
  out.close();
  if (!out) *error = "write failed";
  return static_cast<bool>(out);
}

}  // namespace smr::cli
