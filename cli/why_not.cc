// `eval --why-not PERSON`: for each breach and each rule, what that rule
// gave the person, or the first reason it gave nothing.
#include <fmt/format.h>

#include "cli/explanation.h"
#include "cli/json_text.h"
#include "cli/report.h"
#include "dsl/core/source.h"
#include "engine/model_text.h"

namespace smr::cli {
namespace {

using Reason = WhyNot::Reason;

const char* reason_name(Reason r) {
  switch (r) {
    case Reason::NotOn:
      return "not_on";
    case Reason::WhenFalse:
      return "when_false";
    case Reason::NotReached:
      return "not_reached";
    case Reason::WhereFalse:
      return "where_false";
    case Reason::ZeroFine:
      return "zero_fine";
    case Reason::Sanctioned:
      return "sanctioned";
    case Reason::Capped:
      return "capped";
  }
  return "?";
}

// `censure_no_steps, then censure to accountable`
std::string clause_label(const model::Model& m, const WhyNot& w) {
  const model::Rule& rule = m.rules[w.rule];
  if (w.clause < 0) return rule.id;
  const model::Clause& c = rule.clauses[w.clause];
  return fmt::format("{}, then {} to {}", rule.id, model::sanction_name(c.sanction),
                     selector_text(m, c.selector));
}

const Condition* last_condition(const WhyNot& w) {
  const auto& cs = w.explanation.conditions;
  return cs.empty() ? nullptr : &cs.back();
}

void append_not_reached_text(std::string& out, const model::Model& m, PathSharing& paths,
                             const model::Org& org, const WhyNot& w) {
  const std::string& who = org.persons[w.person].id;
  std::string reached = w.reached_count == 0 ? "no one" : "";
  for (size_t i = 0; i < w.reached.size(); ++i) {
    reached += (i ? ", " : "") + org.persons[w.reached[i].person].id;
  }
  if (w.reached_count > w.reached.size()) {
    reached += fmt::format(" and {} more", w.reached_count - w.reached.size());
  }
  out +=
      fmt::format("      {}: not reached; the selector reached {}\n", clause_label(m, w), reached);
  for (const auto& s : w.reached) {
    out += fmt::format("        {} via {}\n", org.persons[s.person].id,
                       paths.text(paths.view(s.path)));
  }
  if (w.would_reach.empty()) {
    out += fmt::format("        no selector reaches {} for this breach\n", who);
  } else {
    out += fmt::format("        {} would reach {} via {}\n", w.would_reach, who,
                       paths.text(paths.view(w.would_path)));
  }
}

void append_answer_text(std::string& out, const model::Model& m, PathSharing& paths,
                        const ScenarioResult& r, const WhyNot& w) {
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  switch (w.reason) {
    case Reason::NotOn:
      out += fmt::format("      {}: does not apply to breach type '{}'\n", m.rules[w.rule].id,
                         m.breach_types[sc.breaches[w.breach].type].id);
      return;
    case Reason::WhenFalse:
    case Reason::WhereFalse: {
      const Condition* c = last_condition(w);
      out += fmt::format("      {}: {}\n", clause_label(m, w),
                         c ? printable_message(condition_text(*c)) : "condition false");
      return;
    }
    case Reason::NotReached:
      append_not_reached_text(out, m, paths, org, w);
      return;
    case Reason::ZeroFine:
      out += fmt::format("      {}: the fine computed to {}: {}\n", clause_label(m, w),
                         money_text(m, w.amount), arithmetic_text(w.explanation.arithmetic));
      return;
    case Reason::Sanctioned: {
      std::string what = w.kind == model::SanctionKind::Fine
                             ? "fine " + money_text(m, w.amount)
                             : std::string(model::sanction_name(w.kind));
      out += fmt::format("      {}: sanctioned ({})\n", clause_label(m, w), what);
      return;
    }
    case Reason::Capped:
      out += fmt::format("      fine cap: fines of {} cut to {} ({} removed)\n",
                         money_text(m, w.cap->fined), money_text(m, w.cap->cap),
                         money_text(m, w.cap->removed));
      return;
  }
}

void append_answer_json(std::string& out, const model::Model& m, PathSharing& paths,
                        const ScenarioResult& r, const WhyNot& w) {
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  if (w.rule >= 0) {
    append_reason_head_json(out, m, sc, w.rule, w.breach);
  } else {
    out += "{\"rule\":null,\"breach\":";
    append_json_string(out, m.breach_types[sc.breaches[w.breach].type].id);
    out += ",\"date\":\"" + sc.breaches[w.breach].date.to_string() + "\"";
  }
  if (w.clause >= 0) {
    const model::Clause& c = m.rules[w.rule].clauses[w.clause];
    out += fmt::format(",\"clause\":{},\"sanction\":\"{}\",\"selector\":", w.clause + 1,
                       model::sanction_name(c.sanction));
    append_json_string(out, selector_text(m, c.selector));
  }
  out += fmt::format(",\"reason\":\"{}\"", reason_name(w.reason));
  if (w.reason == Reason::Sanctioned || w.reason == Reason::ZeroFine) {
    out += ",\"fine\":\"" + w.amount.to_string(2) + "\"";
  }
  if (w.reason == Reason::NotReached) {
    out += fmt::format(",\"reached_count\":{},\"reached\":[", w.reached_count);
    for (size_t i = 0; i < w.reached.size(); ++i) {
      out += i ? ",{\"person\":" : "{\"person\":";
      append_json_string(out, org.persons[w.reached[i].person].id);
      out += ",\"path\":";
      append_path_json(out, m, org, paths, w.reached[i].path);
      out += "}";
    }
    out += "],\"would_reach\":";
    if (w.would_reach.empty()) {
      out += "null";
    } else {
      out += "{\"selector\":";
      append_json_string(out, w.would_reach);
      out += ",\"path\":";
      append_path_json(out, m, org, paths, w.would_path);
      out += "}";
    }
  }
  if (w.cap) {
    out += ",\"fined\":\"" + w.cap->fined.to_string(2) + "\",\"cap\":\"" + w.cap->cap.to_string(2) +
           "\",\"removed\":\"" + w.cap->removed.to_string(2) + "\"";
  }
  append_trace_json(out, w.explanation);
  out += "}";
}

}  // namespace

void append_why_not_text(std::string& out, const model::Model& m, PathSharing& paths,
                         const ScenarioResult& r, const std::vector<std::string>& ids) {
  const model::Scenario& sc = *r.source;
  const model::Org& org = m.orgs[sc.org];
  for (const auto& id : ids) {
    int p = org.find_person(id);
    if (p < 0) {
      out += fmt::format("  why not {}: not in org {}\n", printable_message(id), org.id);
      continue;
    }
    PersonResult got = r.of(p);
    out += fmt::format("  why not {} ({}): {}\n", id, printable_message(org.persons[p].name),
                       got.sanctions.describe(m.currency));
    int breach = -1;
    for (const auto& w : r.why_not) {
      if (w.person != p) continue;
      if (w.breach != breach) {
        breach = w.breach;
        out += fmt::format("    {}\n", breach_label(m, sc.breaches[breach]));
      }
      append_answer_text(out, m, paths, r, w);
    }
  }
}

void append_why_not_json(std::string& out, const model::Model& m, PathSharing& paths,
                         const ScenarioResult& r, const std::vector<std::string>& ids) {
  const model::Org& org = m.orgs[r.source->org];
  out += ",\"why_not\":[";
  for (size_t i = 0; i < ids.size(); ++i) {
    int p = org.find_person(ids[i]);
    out += i ? ",{\"person\":" : "{\"person\":";
    append_json_string(out, ids[i]);
    out += ",\"in_org\":";
    append_json_bool(out, p >= 0);
    out += ",\"answers\":[";
    bool first = true;
    for (const auto& w : r.why_not) {
      if (p < 0 || w.person != p) continue;
      if (!first) out += ",";
      first = false;
      append_answer_json(out, m, paths, r, w);
    }
    out += "]}";
  }
  out += "]";
}

}  // namespace smr::cli
