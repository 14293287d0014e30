#include "dsl/checker.h"

#include <chrono>

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
  using Clock = std::chrono::steady_clock;
  auto lap = [start = Clock::now()](double* into) mutable {
    auto now = Clock::now();
    if (into) *into = std::chrono::duration<double>(now - start).count();
    start = now;
  };
  CheckSeconds* s = options.seconds;
  check::declare_broken_names(c);
  check::check_regime(c);
  check::check_functions_and_areas(c);
  check::check_values(c);
  check::check_breach_types(c);
  check::check_rules(c);
  lap(s ? &s->declarations : nullptr);
  check::check_orgs(c);
  for (uint32_t file : options.org_json_files) json::read_orgs(*options.sources, file, c);
  lap(s ? &s->orgs : nullptr);
  check::check_scenarios(c);
  lap(s ? &s->scenarios : nullptr);
  if (options.tail_failed) *options.tail_failed = c.tail_failed;
  return model;
}

}  // namespace smr
