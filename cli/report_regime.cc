// The parts of `smr report` that describe the model itself.
#include <fmt/format.h>

#include "cli/report_html.h"
#include "engine/model_text.h"

namespace smr::cli {
namespace {

void table_head(Html& h, std::initializer_list<std::string_view> columns) {
  h.open("table").open("thead").open("tr");
  for (auto c : columns) h.element("th", c);
  h.close("tr").close("thead").open("tbody");
}

void append_declarations(Html& h, const model::Model& m) {
  h.element("h3", "Functions");
  table_head(h, {"Function", "Title", "Board"});
  for (const auto& f : m.functions) {
    h.open("tr").element("td", f.id).element("td", f.title).element("td", f.board ? "yes" : "");
    h.close("tr");
  }
  h.close("tbody").close("table");
  h.element("h3", "Responsibilities");
  table_head(h, {"Responsibility", "Title", "Prescribed"});
  for (const auto& a : m.areas) {
    h.open("tr").element("td", a.id).element("td", a.title);
    h.element("td", a.prescribed ? "prescribed" : "").close("tr");
  }
  h.close("tbody").close("table");
  h.element("h3", "Breach types");
  table_head(h, {"Breach type", "Title", "Responsibility"});
  for (const auto& b : m.breach_types) {
    h.open("tr").element("td", b.id).element("td", b.title);
    h.element("td", titled(m.areas[b.area].title, m.areas[b.area].id)).close("tr");
  }
  h.close("tbody").close("table");
}

void append_rule(Html& h, const model::Model& m, const model::Rule& rule) {
  h.element("h3", titled(rule.title, rule.id), {{"id", "rule-" + rule.id}});
  if (!rule.citations.empty()) {
    h.open("p").element("strong", "Citations: ");
    for (size_t i = 0; i < rule.citations.size(); ++i) {
      h.text(i ? "; " : "").text(rule.citations[i]);
    }
    h.close("p");
  }
  std::string on;
  bool all = true;
  for (size_t t = 0; t < rule.applies_to.size(); ++t) {
    all = all && rule.applies_to[t];
    if (rule.applies_to[t]) on += (on.empty() ? "" : ", ") + m.breach_types[t].id;
  }
  h.open("p").element("strong", "Applies to: ").text(all ? "every breach type" : on).close("p");
  h.open("ul");
  for (const auto& let : rule.lets) {
    h.open("li").text("let ").element("code", let.name + " = " + expression_text(m, let.value));
    h.close("li");
  }
  if (rule.when)
    h.open("li").text("when ").element("code", expression_text(m, *rule.when)).close("li");
  for (const auto& c : rule.clauses) {
    std::string what = model::sanction_name(c.sanction);
    if (c.amount) what += " " + expression_text(m, *c.amount);
    h.open("li").text("then ").element("code", what + " to " + selector_text(m, c.selector));
    if (c.where) h.text(" where ").element("code", expression_text(m, *c.where));
    h.close("li");
  }
  h.close("ul");
}

void append_tables(Html& h, const model::Model& m) {
  for (const auto& t : m.tables) {
    for (const auto& v : t.versions) {
      std::string from = v.from == Date::min() ? "" : " (from " + v.from.to_string() + ")";
      h.element("h3", "Table " + t.name + from);
      table_head(h, {"Key", "Value"});
      for (const auto& [key, value] : v.entries) {
        h.open("tr").element("td", std::to_string(key));
        h.element("td", literal_text(value, m.currency)).close("tr");
      }
      if (v.default_value) {
        h.open("tr")
            .element("td", "default")
            .element("td", literal_text(*v.default_value, m.currency));
        h.close("tr");
      }
      h.close("tbody").close("table");
    }
  }
}

// Each comment line of the model's files that names a POLICY PARAMETER,
// with the comment lines around it that belong to the same comment.
void append_policy_parameters(Html& h, const Workspace& ws) {
  h.element("h2", "Policy parameters", {{"id", "policy"}});
  h.element("p",
            "Every comment in the model's files marked POLICY PARAMETER: the figures the "
            "drafters chose and a reviewer should decide.",
            {{"class", "note"}});
  int found = 0;
  for (uint32_t f = 1; f <= ws.sources.file_count(); ++f) {
    std::string_view text = ws.sources.text(f);
    size_t at = 0;
    for (int line = 1; at < text.size(); ++line) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string_view l(text.data() + at, end - at);
      size_t comment = l.find("//");
      if (comment != std::string_view::npos && l.find("POLICY PARAMETER", comment) != l.npos) {
        std::string file = ws.sources.path(f);
        file = file.substr(file.find_last_of('/') + 1);
        h.open("p", {{"class", "policy"}}).element("code", fmt::format("{}:{}", file, line));
        h.text(" ").text(l.substr(comment + 2)).close("p");
        ++found;
      }
      at = end + 1;
    }
  }
  if (!found) h.element("p", "No comment is marked POLICY PARAMETER.");
}

}  // namespace

void append_regime_html(Html& h, const Workspace& ws) {
  const model::Model& m = ws.model;
  h.element("h2", "The regime at a glance", {{"id", "regime"}});
  std::string falls;
  for (int f : m.fallback_functions) falls += (falls.empty() ? "" : ", then ") + m.functions[f].id;
  h.open("p").text(fmt::format("Currency {}; one person's fines {}. ", m.currency,
                               m.fines_max ? "do not add up: the largest counts" : "add up"));
  if (!falls.empty())
    h.text("An unallocated responsibility falls to the holders of " + falls + ". ");
  if (m.fine_cap)
    h.text("Each person's fines for one breach are capped at ")
        .element("code", expression_text(m, *m.fine_cap));
  h.close("p");
  append_declarations(h, m);
  h.element("h2", "Rules", {{"id", "rules"}});
  for (const auto& rule : m.rules) append_rule(h, m, rule);
  if (!m.tables.empty()) h.element("h2", "Tables", {{"id", "tables"}});
  append_tables(h, m);
  append_policy_parameters(h, ws);
}

void append_coverage_html(Html& h, const model::Model& m, const Coverage& c) {
  h.element("h2", "Rule coverage", {{"id", "coverage"}});
  h.element("p",
            "How often each rule sanctioned someone in the scenarios of this report, and "
            "the conditions the scenarios never took both ways.",
            {{"class", "note"}});
  table_head(h, {"Rule", "Sanctions", "Conditions never true or never false"});
  int never = 0;
  for (size_t r = 0; r < m.rules.size(); ++r) {
    const model::Rule& rule = m.rules[r];
    std::string one_sided;
    auto mark = [&](const std::string& what, const std::array<int64_t, 2>& n) {
      if (n[0] && n[1]) return;
      one_sided +=
          (one_sided.empty() ? "" : "; ") + what + (n[1] == 0 ? " never true" : " never false");
    };
    if (rule.when) mark("when " + expression_text(m, *rule.when, 80), c.when[r]);
    for (size_t k = 0; k < rule.clauses.size(); ++k) {
      if (rule.clauses[k].where)
        mark("where " + expression_text(m, *rule.clauses[k].where, 80), c.where[r][k]);
    }
    never += c.rule_sanctions[r] == 0;
    h.open("tr").element("td", titled(rule.title, rule.id));
    if (c.rule_sanctions[r] == 0) {
      h.open("td").element("span", "never fired", {{"class", "never"}}).close("td");
    } else {
      h.element("td", std::to_string(c.rule_sanctions[r]));
    }
    h.element("td", one_sided).close("tr");
  }
  h.close("tbody").close("table");
  std::string idle;
  for (size_t b = 0; b < m.breach_types.size(); ++b) {
    if (!c.breach_types[b]) idle += (idle.empty() ? "" : ", ") + m.breach_types[b].id;
  }
  h.element("p", fmt::format("{} of {} rules never fired. {}", never, m.rules.size(),
                             idle.empty() ? "Every breach type is exercised."
                                          : "Breach types no scenario exercises: " + idle + "."));
}

}  // namespace smr::cli
