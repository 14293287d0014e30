// libFuzzer target: any bytes as a .smr file, through the parser, the
// checker, the org checks and the diagnostic renderer.
#include "tests/fuzz/targets.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "dsl/checker.h"
#include "dsl/parser.h"
#include "engine/org_checks.h"

namespace smr::fuzz {

model::Model compile_bytes(const uint8_t* data, size_t size, SourceManager& sources, Diagnostics& diags,
                           bool warnings) {
  uint32_t id = sources.add("fuzz.smr", std::string(reinterpret_cast<const char*>(data), size));
  std::vector<ast::File> files;
  files.push_back(parse_file(sources, id, diags));
  model::Model model = check_model(files, diags);
  if (!diags.has_errors()) check_orgs(model, diags, warnings);
  return model;
}

int parse_check_one(const uint8_t* data, size_t size) {
  smr::SourceManager sources;
  smr::Diagnostics diags;
  compile_bytes(data, size, sources, diags, true);
  diags.sort_by_place();
  std::string text = sources.render_all(diags);
  return text.size() == static_cast<size_t>(-1);  // keep the rendering from being optimised away
}

}  // namespace smr::fuzz
