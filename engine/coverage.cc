#include "engine/coverage.h"

namespace smr {

Coverage::Coverage(const model::Model& m)
    : rule_sanctions(m.rules.size()),
      clause_sanctions(m.rules.size()),
      when(m.rules.size()),
      where(m.rules.size()),
      table_rows(m.tables.size()),
      table_defaults(m.tables.size()),
      breach_types(m.breach_types.size()) {
  for (size_t r = 0; r < m.rules.size(); ++r) {
    clause_sanctions[r].resize(m.rules[r].clauses.size());
    where[r].resize(m.rules[r].clauses.size());
  }
  for (size_t t = 0; t < m.tables.size(); ++t) {
    table_rows[t].resize(m.tables[t].versions.size());
    table_defaults[t].resize(m.tables[t].versions.size());
  }
}

void Coverage::merge(const Coverage& o) {
  for (size_t r = 0; r < rule_sanctions.size(); ++r) {
    rule_sanctions[r] += o.rule_sanctions[r];
    for (int b = 0; b < 2; ++b) when[r][b] += o.when[r][b];
    for (size_t c = 0; c < clause_sanctions[r].size(); ++c) {
      clause_sanctions[r][c] += o.clause_sanctions[r][c];
      for (int b = 0; b < 2; ++b) where[r][c][b] += o.where[r][c][b];
    }
  }
  for (size_t t = 0; t < table_rows.size(); ++t) {
    for (size_t v = 0; v < table_rows[t].size(); ++v) {
      for (const auto& [key, n] : o.table_rows[t][v]) table_rows[t][v][key] += n;
      table_defaults[t][v] += o.table_defaults[t][v];
    }
  }
  for (size_t b = 0; b < breach_types.size(); ++b) breach_types[b] += o.breach_types[b];
}

}  // namespace smr
