// smr sweep: one scenario re-evaluated for every combination of the varied
// inputs, a row per combination with each person's outcome and fine.
#include "engine/sweep.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/report.h"
#include "cli/workspace.h"
#include "dsl/core/parallel.h"
#include "dsl/core/source.h"
#include "engine/evaluator.h"
#include "engine/model_text.h"

namespace smr::cli {
namespace {

using Json = nlohmann::ordered_json;
using model::Type;
using model::Value;

// One --vary: the input and the values it takes.
struct Axis {
  SweepInput input;
  std::vector<Value> values;
};

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

// A number as the input's type writes it: `12`, `0.5`, `30%`, `250_000 GBP`.
std::optional<Value> parse_number(std::string text, const SweepInput& in, const std::string& cur,
                                  std::string* error) {
  Value v;
  v.type = in.kind == SweepInput::Kind::Severity ? Type::Int : in.type;
  v.percent = in.percent;
  text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
  text = trim(text);
  bool percent = !text.empty() && text.back() == '%';
  if (percent) text.pop_back();
  if (text.size() > 3 && text.compare(text.size() - cur.size(), cur.size(), cur) == 0)
    text = trim(text.substr(0, text.size() - cur.size()));
  auto d = Decimal::parse(text);
  if (d && percent) d = divide(*d, *Decimal::from_int(100));
  if (!d || (v.type == Type::Int && !d->is_integer())) {
    *error = fmt::format("'{}' is not a{} value for {}", text,
                         v.type == Type::Int ? " whole-number" : "", in.name);
    return std::nullopt;
  }
  v.number = *d;
  return v;
}

std::optional<Value> parse_value(const std::string& text, const SweepInput& in,
                                 const std::string& cur, std::string* error) {
  Value v;
  v.type = in.type;
  if (in.type == Type::Date) {
    auto d = Date::parse(trim(text));
    if (!d) *error = fmt::format("'{}' is not a date (YYYY-MM-DD) for {}", text, in.name);
    if (!d) return std::nullopt;
    v.date = *d;
    return v;
  }
  if (in.type == Type::Bool) {
    std::string t = trim(text);
    if (t != "true" && t != "false") *error = fmt::format("{} takes true or false", in.name);
    v.boolean = t == "true";
    return t == "true" || t == "false" ? std::optional<Value>(v) : std::nullopt;
  }
  return parse_number(text, in, cur, error);
}

// FROM..TO[:STEP] as values: numbers step by STEP (default 1, or 1%);
// dates by `N days` or `N months` (default 1 day); booleans take both.
bool expand(const std::string& range, const std::string& cur, Axis& axis, int64_t max,
            std::string* error) {
  size_t dots = range.find("..");
  if (dots == std::string::npos) {
    *error = fmt::format("--vary {}: expected FROM..TO[:STEP]", axis.input.name);
    return false;
  }
  size_t colon = range.find(':', dots);
  std::string from = range.substr(0, dots),
              to = range.substr(dots + 2, colon == std::string::npos ? colon : colon - dots - 2),
              step = colon == std::string::npos ? "" : range.substr(colon + 1);
  auto a = parse_value(from, axis.input, cur, error);
  auto b = a ? parse_value(to, axis.input, cur, error) : std::nullopt;
  if (!a || !b) return false;
  if (axis.input.type == Type::Bool) {
    axis.values = {*a};
    if (a->boolean != b->boolean) axis.values.push_back(*b);
    return true;
  }
  if (axis.input.type == Type::Date) {
    std::string s = trim(step);
    bool months = s.find('m') != std::string::npos;
    int64_t n = s.empty() ? 1 : std::strtoll(s.c_str(), nullptr, 10);
    if (n <= 0) {
      *error = fmt::format("--vary {}: the step must be a positive number of days or months",
                           axis.input.name);
      return false;
    }
    for (int64_t k = 0;; ++k) {
      Date d = months ? a->date.minus_months(-k * n) : Date::from_days(a->date.days() + k * n);
      if (b->date < d || static_cast<int64_t>(axis.values.size()) > max) break;
      Value v = *a;
      v.date = d;
      axis.values.push_back(v);
    }
    return true;
  }
  Value unit = *a;
  unit.number = a->percent ? *Decimal::parse("0.01") : *Decimal::from_int(1);
  auto st = step.empty() ? std::optional<Value>(unit) : parse_value(step, axis.input, cur, error);
  if (!st) return false;
  if (!st->number.is_negative() && st->number.is_zero()) *error = "a step must not be zero";
  if (st->number.is_negative() || st->number.is_zero()) {
    if (error->empty()) *error = "a step must be positive";
    return false;
  }
  for (Value v = *a; !(b->number < v.number);) {
    axis.values.push_back(v);
    auto next = add(v.number, st->number);
    if (!next || static_cast<int64_t>(axis.values.size()) > max) break;
    v.number = *next;
  }
  return true;
}

}  // namespace

namespace {

struct Row {
  std::vector<Value> values;
  std::vector<std::pair<int, model::Sanctions>> persons;  // sanctioned, by person
  std::string error;
};

std::string value_text(const Value& v, const std::string& cur) { return literal_text(v, cur); }

std::string fine_text(const model::Sanctions& s) { return s.fine.value_or(Decimal()).to_string(2); }

const model::Sanctions* find(const Row& r, int person) {
  for (const auto& [p, s] : r.persons) {
    if (p == person) return &s;
  }
  return nullptr;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string render(const Options& o, const model::Model& m, const model::Scenario& sc,
                   const std::vector<Axis>& axes, const std::vector<Row>& rows,
                   const std::vector<int>& people) {
  const model::Org& org = m.orgs[sc.org];
  const std::string& cur = m.currency;
  if (o.format == "json") {
    Json j{{"scenario", sc.title}, {"inputs", Json::array()}, {"persons", Json::array()}};
    for (const auto& a : axes) j["inputs"].push_back(a.input.name);
    for (int p : people) j["persons"].push_back(org.persons[p].id);
    j["rows"] = Json::array();
    for (const auto& r : rows) {
      Json jr{{"values", Json::object()}};
      for (size_t i = 0; i < axes.size(); ++i)
        jr["values"][axes[i].input.name] = value_text(r.values[i], cur);
      if (!r.error.empty()) jr["error"] = r.error;
      jr["persons"] = Json::object();
      for (const auto& [p, s] : r.persons)
        jr["persons"][org.persons[p].id] = {{"outcome", model::outcome_name(s.headline())},
                                            {"fine", fine_text(s)}};
      j["rows"].push_back(std::move(jr));
    }
    return j.dump() + "\n";
  }
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> head;
  for (const auto& a : axes) head.push_back(a.input.name);
  for (int p : people) {
    head.push_back(org.persons[p].id + (o.format == "csv" ? " outcome" : ""));
    if (o.format == "csv") head.push_back(org.persons[p].id + " fine");
  }
  table.push_back(head);
  for (const auto& r : rows) {
    std::vector<std::string> line;
    for (const auto& v : r.values) line.push_back(value_text(v, cur));
    for (int p : people) {
      const model::Sanctions* s = find(r, p);
      model::Sanctions none;
      if (!r.error.empty()) {
        line.push_back("error: " + r.error);
        if (o.format == "csv") line.push_back("");
      } else if (o.format == "csv") {
        line.push_back(model::outcome_name((s ? *s : none).headline()));
        line.push_back(fine_text(s ? *s : none));
      } else {
        line.push_back((s ? *s : none).describe(cur));
      }
    }
    table.push_back(std::move(line));
  }
  std::string out;
  if (o.format == "csv") {
    for (const auto& line : table) {
      for (size_t i = 0; i < line.size(); ++i) out += (i ? "," : "") + csv_field(line[i]);
      out += "\n";
    }
    return out;
  }
  std::vector<size_t> width(head.size(), 0);
  for (const auto& line : table)
    for (size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
  out = fmt::format("scenario \"{}\" (org {})\n", printable_message(sc.title), org.id);
  for (const auto& line : table) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i)
      text += fmt::format("{}{:<{}}", i ? "  " : "", line[i], width[i]);
    text.erase(text.find_last_not_of(' ') + 1);
    out += text + "\n";
  }
  if (people.empty()) out += "no one is sanctioned in any row\n";
  return out;
}

// The --vary options as axes; false (reported) on a bad one.
bool read_axes(const Options& o, const model::Model& m, int org, std::vector<Axis>* axes) {
  for (const auto& spec : o.vary) {
    size_t eq = spec.find('=');
    std::string error;
    std::optional<SweepInput> in;
    if (eq == std::string::npos) {
      error = "expected NAME=FROM..TO[:STEP]";
    } else {
      in = resolve_sweep_input(m, org, trim(spec.substr(0, eq)), &error);
    }
    Axis axis;
    if (in) axis.input = *in;
    if (!in || !expand(spec.substr(eq + 1), m.currency, axis, o.sweep_max, &error)) {
      fmt::print(stderr, "smr sweep: --vary {}: {}\n", printable_message(spec), error);
      return false;
    }
    axes->push_back(std::move(axis));
  }
  return true;
}

}  // namespace

int run_sweep(const Options& o) {
  int code = 0;
  auto ws = load_workspace(o.files, &code, {false, false, "", o.org_json, o.jobs, o.roots});
  if (!ws) return code;
  const model::Model& m = ws->model;
  int s = find_scenario_or_report(m, o.scenario, "sweep");
  if (s < 0) return 2;
  const model::Scenario& sc = m.scenarios[s];
  std::vector<Axis> axes;
  if (!read_axes(o, m, sc.org, &axes)) return 2;
  uint64_t combinations = 1;
  for (const auto& a : axes) combinations *= std::max<size_t>(1, a.values.size());
  for (const auto& a : axes) {
    if (a.values.size() > static_cast<size_t>(o.sweep_max)) combinations = UINT64_MAX;
  }
  if (combinations > static_cast<uint64_t>(o.sweep_max)) {
    fmt::print(stderr, "smr sweep: more than {} combinations; narrow the ranges or raise --max\n",
               o.sweep_max);
    return 2;
  }
  std::vector<Row> rows;
  std::set<int> people;
  ordered_parallel_map<Row>(
      combinations, jobs_of(o), 64,
      [&](size_t i) {
        Row row;
        model::Scenario variant = sc;
        for (size_t k = axes.size(); k-- > 0;) {  // the first input varies slowest
          const Value& v = axes[k].values[i % axes[k].values.size()];
          i /= axes[k].values.size();
          apply_sweep_input(axes[k].input, v, variant);
          row.values.insert(row.values.begin(), v);
        }
        ScenarioResult r = evaluate_scenario(m, ws->graph(sc.org), variant, {});
        if (r.error) row.error = r.error->message;
        for (const auto& p : r.persons) {
          if (p.sanctioned()) row.persons.push_back({p.person, p.sanctions});
        }
        return row;
      },
      [&](Row&& r) {
        for (const auto& [p, s] : r.persons) people.insert(p);
        code = r.error.empty() ? code : 1;
        rows.push_back(std::move(r));
      });
  emit(render(o, m, sc, axes, rows, std::vector<int>(people.begin(), people.end())));
  release_at_exit(std::move(ws));
  return code;
}

}  // namespace smr::cli
