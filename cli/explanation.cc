#include "cli/explanation.h"

#include <fmt/format.h>

#include "cli/json_text.h"
#include "cli/report.h"
#include "dsl/core/source.h"
#include "engine/model_text.h"

namespace smr::cli {
namespace {

void append_rule_line(std::string& out, const model::Rule& rule, const char* indent) {
  if (rule.title.empty() && rule.citations.empty()) return;
  std::string cites;
  for (const auto& c : rule.citations) cites += (cites.empty() ? "" : "; ") + printable_message(c);
  out += fmt::format("{}rule: {}{}{}\n", indent, printable_message(rule.title),
                     rule.title.empty() || cites.empty() ? "" : " — ", cites);
}

}  // namespace

void append_trace_text(std::string& out, const Explanation& e, const char* indent,
                       bool arithmetic) {
  if (!e.inputs.empty()) {
    out += indent;
    out += "inputs: ";
    for (size_t i = 0; i < e.inputs.size(); ++i) {
      out += (i ? "; " : "") + printable_message(input_text(e.inputs[i]));
    }
    out += "\n";
  }
  for (const auto& let : e.lets) {
    out += fmt::format("{}let {} = {}\n", indent, let.name, shown_text(let.value));
  }
  for (const auto& c : e.conditions) {
    out += fmt::format("{}{}\n", indent, printable_message(condition_text(c)));
  }
  if (arithmetic && !e.arithmetic.empty()) {
    out += fmt::format("{}arithmetic: {}\n", indent, arithmetic_text(e.arithmetic));
  }
}

namespace {

void append_shown_json(std::string& out, const Shown& s) {
  append_json_string(out, shown_text(s, false));
}

void append_inputs_json(std::string& out, const std::vector<Input>& inputs, bool sources) {
  out += "[";
  for (size_t i = 0; i < inputs.size(); ++i) {
    out += i ? ",{\"name\":" : "{\"name\":";
    append_json_string(out, inputs[i].name);
    out += ",\"value\":";
    append_shown_json(out, inputs[i].value);
    if (sources) {
      out += ",\"source\":";
      append_json_string(out, input_source_name(inputs[i].source));
    }
    out += "}";
  }
  out += "]";
}

void append_steps_json(std::string& out, const std::vector<Step>& steps) {
  out += "[";
  for (size_t i = 0; i < steps.size(); ++i) {
    out += i ? ",{\"op\":" : "{\"op\":";
    append_json_string(out, steps[i].op);
    out += ",\"operands\":[";
    for (size_t k = 0; k < steps[i].operands.size(); ++k) {
      const Operand& o = steps[i].operands[k];
      out += k ? "," : "";
      out += "{";
      if (!o.name.empty()) {
        out += "\"name\":";
        append_json_string(out, o.name);
        out += ",";
      }
      out += "\"value\":";
      append_shown_json(out, o.value);
      out += "}";
    }
    out += "],\"result\":";
    append_shown_json(out, steps[i].result);
    out += "}";
  }
  out += "]";
}

}  // namespace

void append_trace_json(std::string& out, const Explanation& e) {
  out += ",\"inputs\":";
  append_inputs_json(out, e.inputs, true);
  out += ",\"lets\":[";
  for (size_t i = 0; i < e.lets.size(); ++i) {
    out += i ? ",{\"name\":" : "{\"name\":";
    append_json_string(out, e.lets[i].name);
    out += ",\"value\":";
    append_shown_json(out, e.lets[i].value);
    out += "}";
  }
  out += "],\"conditions\":[";
  for (size_t i = 0; i < e.conditions.size(); ++i) {
    const Condition& c = e.conditions[i];
    out += i ? ",{\"kind\":" : "{\"kind\":";
    append_json_string(out, c.kind);
    out += ",\"text\":";
    append_json_string(out, c.text);
    out += ",\"value\":";
    append_json_bool(out, c.value);
    out += ",\"inputs\":";
    append_inputs_json(out, c.inputs, false);
    out += "}";
  }
  out += "],\"arithmetic\":";
  append_steps_json(out, e.arithmetic);
}

namespace {

void append_dates_json(std::string& out, const model::Interval& when) {
  if (when.from != Date::min()) out += ",\"from\":\"" + when.from.to_string() + "\"";
  if (when.until != Date::max()) out += ",\"until\":\"" + when.until.to_string() + "\"";
}

void append_root_json(std::string& out, const model::Model& m, const PathView& v) {
  using Root = SelectionPath::Root;
  switch (v.root) {
    case Root::Area:
      out += "{\"root\":\"area\",\"area\":";
      append_json_string(out, m.areas[v.root_index].id);
      break;
    case Root::Fallback:
      out += "{\"root\":\"fallback\",\"area\":";
      append_json_string(out, m.areas[v.root_index].id);
      out += ",\"function\":";
      append_json_string(out, m.functions[v.fallback_function].id);
      break;
    case Root::Function:
      out += "{\"root\":\"holders\",\"function\":";
      append_json_string(out, m.functions[v.root_index].id);
      break;
    case Root::Board:
      out += "{\"root\":\"board\"";
      break;
    case Root::Involved:
      out += "{\"root\":\"involved\"";
      break;
  }
  out += "}";
}

void append_edge_json(std::string& out, const model::Model& m, const model::Org& org,
                      const model::Edge& e) {
  out += "{\"edge\":\"";
  out += model::edge_name(e.kind);
  out += "\",\"person\":";
  append_json_string(out, org.persons[e.person].id);
  switch (e.kind) {
    case model::EdgeKind::ResponsibleFor:
      out += ",\"area\":";
      append_json_string(out, m.areas[e.target].id);
      break;
    case model::EdgeKind::Holds:
      out += ",\"function\":";
      append_json_string(out, m.functions[e.target].id);
      break;
    case model::EdgeKind::ReportsTo:
      out += ",\"manager\":";
      append_json_string(out, org.persons[e.target].id);
      break;
    case model::EdgeKind::Delegates:
      out += ",\"area\":";
      append_json_string(out, m.areas[e.area].id);
      out += ",\"to\":";
      append_json_string(out, org.persons[e.target].id);
      break;
  }
  append_dates_json(out, e.when);
  out += "}";
}

}  // namespace

void append_path_json(std::string& out, const model::Model& m, const model::Org& org,
                      PathSharing& paths, const SelectionPath& path) {
  PathView v = paths.view(path);
  out += "[";
  if (v.shared_person >= 0) {
    out += "{\"shared\":";
    append_json_string(out, org.persons[v.shared_person].id);
    out += "}";
  } else {
    append_root_json(out, m, v);
  }
  for (int e : v.edges) {
    out += ",";
    append_edge_json(out, m, org, org.edges[e]);
  }
  out += "]";
}

void append_reason_head_json(std::string& out, const model::Model& m, const model::Scenario& sc,
                             int rule_index, int breach) {
  const model::Rule& rule = m.rules[rule_index];
  const auto& b = sc.breaches[breach];
  out += "{\"rule\":";
  append_json_string(out, rule.id);
  out += ",\"title\":";
  append_json_string(out, rule.title);
  out += ",\"citations\":[";
  for (size_t k = 0; k < rule.citations.size(); ++k) {
    if (k) out += ",";
    append_json_string(out, rule.citations[k]);
  }
  out += "],\"breach\":";
  append_json_string(out, m.breach_types[b.type].id);
  out += ",\"date\":\"" + b.date.to_string() + "\"";
}

void append_explanation_text(std::string& out, const model::Model& m, PathSharing& paths,
                             const model::Scenario& sc, const SanctionRecord& rec) {
  const auto& b = sc.breaches[rec.breach];
  std::string what = rec.kind == model::SanctionKind::Fine
                         ? fmt::format("fine {}{}", money_text(m, rec.amount),
                                       rec.imposed ? "" : " (zero: not imposed)")
                         : model::sanction_name(rec.kind);
  const model::Rule& rule = m.rules[rec.rule];
  out += fmt::format("      {} by rule {} for {}\n", what, rule.id, breach_label(m, b));
  append_rule_line(out, rule, "        ");
  append_trace_text(out, rec.explanation(), "        ", false);
  out += fmt::format("        via {}\n", paths.text(paths.view(rec.path)));
  if (!rec.explanation().arithmetic.empty()) {
    out += fmt::format("        arithmetic: {}\n", arithmetic_text(rec.explanation().arithmetic));
  }
}

void append_explanation_json(std::string& out, const model::Model& m, PathSharing& paths,
                             const model::Scenario& sc, const SanctionRecord& rec) {
  append_reason_head_json(out, m, sc, rec.rule, rec.breach);
  out += ",\"sanction\":\"";
  out += model::sanction_name(rec.kind);
  out += "\"";
  if (rec.kind == model::SanctionKind::Fine) {
    out += ",\"fine\":\"" + rec.amount.to_string(2) + "\",\"imposed\":";
    append_json_bool(out, rec.imposed);
  }
  out += ",\"path\":";
  append_path_json(out, m, m.orgs[sc.org], paths, rec.path);
  append_trace_json(out, rec.explanation());
  out += "}";
}

void append_cap_text(std::string& out, const model::Model& m, const model::Scenario& sc,
                     const CapRecord& cap) {
  out += fmt::format("      fine cap for {}: fines of {} cut to {} ({} removed)\n",
                     breach_label(m, sc.breaches[cap.breach]), money_text(m, cap.fined),
                     money_text(m, cap.cap), money_text(m, cap.removed));
  append_trace_text(out, cap.explanation, "        ", true);
}

void append_cap_json(std::string& out, const model::Model& m, const model::Scenario& sc,
                     const CapRecord& cap) {
  const auto& b = sc.breaches[cap.breach];
  out += "{\"fine_cap\":true,\"breach\":";
  append_json_string(out, m.breach_types[b.type].id);
  out += ",\"date\":\"" + b.date.to_string() + "\",\"fined\":\"" + cap.fined.to_string(2) +
         "\",\"cap\":\"" + cap.cap.to_string(2) + "\",\"removed\":\"" + cap.removed.to_string(2) +
         "\"";
  append_trace_json(out, cap.explanation);
  out += "}";
}

}  // namespace smr::cli
