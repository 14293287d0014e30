// libFuzzer target: any bytes as a .smr file, through the parser, the
// checker, the org checks and the diagnostic renderer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/compile.h"
#include "tests/fuzz/targets.h"

namespace smr::fuzz {

std::unique_ptr<Compilation> compile_bytes(const uint8_t* data, size_t size, bool warnings) {
  CompileOptions options;
  options.jobs = 1;
  options.org_warnings = warnings;
  return compile_text("fuzz.smr", std::string(reinterpret_cast<const char*>(data), size), options);
}

int parse_check_one(const uint8_t* data, size_t size) {
  auto c = compile_bytes(data, size, true);
  std::string text = c->sources.render_all(c->diags);
  check_plain_readers(std::string(reinterpret_cast<const char*>(data), size));
  return text.size() == static_cast<size_t>(-1);  // keep the rendering from being optimised away
}

}  // namespace smr::fuzz
