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

int parse_check_one(const uint8_t* data, size_t size) {
  smr::SourceManager sources;
  smr::Diagnostics diags;
  uint32_t id = sources.add("fuzz.smr", std::string(reinterpret_cast<const char*>(data), size));
  std::vector<smr::ast::File> files;
  files.push_back(smr::parse_file(sources, id, diags));
  smr::model::Model model = smr::check_model(files, diags);
  if (!diags.has_errors()) smr::check_orgs(model, diags);
  diags.sort_by_place();
  std::string text = sources.render_all(diags);
  return text.size() == static_cast<size_t>(-1);  // keep the rendering from being optimised away
}

}  // namespace smr::fuzz
