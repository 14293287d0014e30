#include "dsl/checker.h"

#include "dsl/check_context.h"
#include "dsl/check_scenarios.h"
#include "dsl/json_reader.h"

namespace smr {

model::Model check_model(std::vector<ast::File>& files, Diagnostics& diags,
                         const CheckOptions& options) {
  model::Model model;
  check::Declarations decls(files);
  check::Symbols symbols;
  check::Context c{decls, model, symbols, diags, options.jobs};
  check::declare_broken_names(c);
  check::check_regime(c);
  check::check_functions_and_areas(c);
  check::check_values(c);
  check::check_breach_types(c);
  check::check_rules(c);
  check::check_orgs(c);
  for (uint32_t file : options.org_json_files) json::read_orgs(*options.sources, file, c);
  check::check_scenarios(c);
  return model;
}

}  // namespace smr
