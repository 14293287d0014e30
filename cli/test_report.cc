#include "cli/test_report.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/html.h"
#include "cli/output.h"
#include "dsl/core/source.h"
#include "engine/model_text.h"

namespace smr::cli {

std::string junit_xml(const Workspace& ws, const std::vector<TestCase>& cases) {
  int failures = 0, errors = 0;
  for (const auto& c : cases) {
    if (c.errored) {
      ++errors;
    } else if (!c.differences.empty()) {
      ++failures;
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuite name=\"smr\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">\n",
      cases.size(), failures, errors);
  for (const auto& c : cases) {
    const auto& sc = ws.model.scenarios[c.scenario];
    std::string file = sc.loc.valid() ? ws.sources.path(sc.loc.file) : "";
    out += fmt::format("  <testcase classname=\"{}\" name=\"{}\"", escape_html(file),
                       escape_html(sc.title));
    if (c.differences.empty()) {
      out += "/>\n";
      continue;
    }
    std::string text;
    for (const auto& d : c.differences) text += d + "\n";
    const char* tag = c.errored ? "error" : "failure";
    std::string message = c.errored ? "evaluation failed"
                                    : fmt::format("{} expectation{} not met", c.differences.size(),
                                                  c.differences.size() == 1 ? "" : "s");
    out += fmt::format(">\n    <{} message=\"{}\">{}</{}>\n  </testcase>\n", tag, message,
                       escape_html(text), tag);
  }
  out += "</testsuite>\n";
  return out;
}

bool write_junit(const Workspace& ws, const std::vector<TestCase>& cases, const std::string& path,
                 std::string* error) {
  return write_text_file(path, junit_xml(ws, cases), error);
}

namespace {

std::string condition_counts(const std::array<int64_t, 2>& n) {
  const char* mark = n[0] == 0 && n[1] == 0 ? "  never evaluated"
                     : n[0] == 0            ? "  never false"
                     : n[1] == 0            ? "  never true"
                                            : "";
  return fmt::format("true {}, false {}{}", n[1], n[0], mark);
}

std::string clause_label(const model::Model& m, const model::Clause& c) {
  return fmt::format("then {} to {}", model::sanction_name(c.sanction),
                     selector_text(m, c.selector));
}

std::string plural(int64_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void append_rules(std::string& out, const model::Model& m, const Coverage& c) {
  size_t width = 4;
  for (const auto& r : m.rules) width = std::max(width, r.id.size());
  for (size_t i = 0; i < m.rules.size(); ++i) {
    const model::Rule& rule = m.rules[i];
    int64_t n = c.rule_sanctions[i];
    out += fmt::format("  {:<{}}  {:>5} sanction{}{}\n", rule.id, width, n, n == 1 ? "" : "s",
                       n == 0 ? "  never fired" : "");
    if (rule.when) {
      out += fmt::format("    when {}: {}\n", printable_message(expression_text(m, *rule.when, 80)),
                         condition_counts(c.when[i]));
    }
    for (size_t k = 0; k < rule.clauses.size(); ++k) {
      const model::Clause& clause = rule.clauses[k];
      out += fmt::format("    {}: {}\n", clause_label(m, clause),
                         plural(c.clause_sanctions[i][k], "sanction"));
      if (clause.where) {
        out += fmt::format("      where {}: {}\n",
                           printable_message(expression_text(m, *clause.where, 80)),
                           condition_counts(c.where[i][k]));
      }
    }
  }
}

// Each table row and default with its uses; the count of those never used.
int64_t append_tables(std::string& out, const model::Model& m, const Coverage& c) {
  int64_t unused = 0;
  for (size_t t = 0; t < m.tables.size(); ++t) {
    const model::Table& table = m.tables[t];
    for (size_t v = 0; v < table.versions.size(); ++v) {
      const auto& version = table.versions[v];
      std::string from = version.from == Date::min() ? "" : " from " + version.from.to_string();
      std::string rows;
      for (const auto& [key, value] : version.entries) {
        auto it = c.table_rows[t][v].find(key);
        int64_t n = it == c.table_rows[t][v].end() ? 0 : it->second;
        rows += fmt::format("{}{}: {}", rows.empty() ? "" : ", ", key,
                            n ? plural(n, "use") : "never used");
        unused += n == 0;
      }
      if (version.default_value) {
        int64_t n = c.table_defaults[t][v];
        rows += fmt::format("{}default: {}", rows.empty() ? "" : ", ",
                            n ? plural(n, "use") : "never used");
        unused += n == 0;
      }
      out += fmt::format("  table {}{}: {}\n", table.name, from, rows);
    }
  }
  return unused;
}

}  // namespace

std::string coverage_report(const model::Model& m, const Coverage& c) {
  std::string out = "coverage:\n";
  append_rules(out, m, c);
  int64_t unused_rows = append_tables(out, m, c);
  std::string idle;
  for (size_t b = 0; b < m.breach_types.size(); ++b) {
    if (c.breach_types[b] == 0) idle += (idle.empty() ? "" : ", ") + m.breach_types[b].id;
  }
  out += idle.empty() ? "every breach type is exercised\n"
                      : fmt::format("breach types no scenario exercises: {}\n", idle);
  size_t rows = 0;
  for (const auto& t : m.tables)
    for (const auto& v : t.versions) rows += v.entries.size() + (v.default_value ? 1 : 0);
  out += fmt::format("{} of {} table rows never used\n", unused_rows, rows);
  int never = 0;
  for (int64_t n : c.rule_sanctions) never += n == 0;
  out += fmt::format("{} of {} rules never fired\n", never, m.rules.size());
  return out;
}

std::string coverage_json(const model::Model& m, const Coverage& c) {
  using Json = nlohmann::ordered_json;
  auto counts = [](const std::array<int64_t, 2>& n) {
    return Json{{"true", n[1]}, {"false", n[0]}};
  };
  Json j{{"rules", Json::array()}, {"tables", Json::array()}, {"breach_types", Json::array()}};
  for (size_t i = 0; i < m.rules.size(); ++i) {
    const model::Rule& rule = m.rules[i];
    Json jr{{"rule", rule.id}, {"sanctions", c.rule_sanctions[i]}};
    jr["when"] = rule.when
                     ? Json{{"text", expression_text(m, *rule.when)}, {"counts", counts(c.when[i])}}
                     : Json();
    jr["clauses"] = Json::array();
    for (size_t k = 0; k < rule.clauses.size(); ++k) {
      const auto& clause = rule.clauses[k];
      Json jc{{"clause", k + 1},
              {"sanction", model::sanction_name(clause.sanction)},
              {"selector", selector_text(m, clause.selector)},
              {"sanctions", c.clause_sanctions[i][k]}};
      jc["where"] = clause.where ? Json{{"text", expression_text(m, *clause.where)},
                                        {"counts", counts(c.where[i][k])}}
                                 : Json();
      jr["clauses"].push_back(std::move(jc));
    }
    j["rules"].push_back(std::move(jr));
  }
  for (size_t t = 0; t < m.tables.size(); ++t) {
    for (size_t v = 0; v < m.tables[t].versions.size(); ++v) {
      const auto& version = m.tables[t].versions[v];
      Json jt{{"table", m.tables[t].name},
              {"from", version.from == Date::min() ? Json() : Json(version.from.to_string())},
              {"rows", Json::array()}};
      for (const auto& [key, value] : version.entries) {
        auto it = c.table_rows[t][v].find(key);
        jt["rows"].push_back(
            {{"key", key}, {"uses", it == c.table_rows[t][v].end() ? 0 : it->second}});
      }
      jt["default"] = version.default_value ? Json{{"uses", c.table_defaults[t][v]}} : Json();
      j["tables"].push_back(std::move(jt));
    }
  }
  for (size_t b = 0; b < m.breach_types.size(); ++b)
    j["breach_types"].push_back(
        {{"breach_type", m.breach_types[b].id}, {"breaches", c.breach_types[b]}});
  return j.dump() + "\n";
}

}  // namespace smr::cli
