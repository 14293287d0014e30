#include "dsl/json_input.h"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dsl/checker.h"
#include "dsl/tokens.hpp"

namespace smr {
namespace {

using Json = nlohmann::json;
using Segment = std::variant<std::string, size_t>;
using Path = std::vector<Segment>;

std::string path_text(const Path& path) {
  std::string out = "$";
  for (const auto& s : path) {
    if (const auto* key = std::get_if<std::string>(&s)) {
      out += "." + *key;
    } else {
      out += fmt::format("[{}]", std::get<size_t>(s));
    }
  }
  return out;
}

// ---- Finding a value's place in the text (nlohmann keeps no positions) --

size_t skip_ws(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
  return i;
}

size_t skip_string(std::string_view t, size_t i) {  // at the opening quote
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') ++i;
  }
  return i + 1;
}

// Skips one value, iteratively (no recursion on deep input).
size_t skip_value(std::string_view t, size_t i) {
  i = skip_ws(t, i);
  if (i >= t.size()) return i;
  if (t[i] == '"') return skip_string(t, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n') ++i;
    return i;
  }
  int depth = 0;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c == '"') {
      i = skip_string(t, i) - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return i;
}

// The offset of the value at `path` (of a document that parsed), or of the
// deepest part of the path that exists.
size_t locate(std::string_view t, const Path& path) {
  size_t i = skip_ws(t, 0);
  for (const auto& seg : path) {
    if (i >= t.size()) return 0;
    if (const auto* key = std::get_if<std::string>(&seg)) {
      if (t[i] != '{') return i;
      size_t j = skip_ws(t, i + 1);
      bool found = false;
      while (j < t.size() && t[j] == '"') {
        size_t end = skip_string(t, j);
        std::string_view name = t.substr(j + 1, end - j - 2);
        j = skip_ws(t, end);
        j = skip_ws(t, j + 1);  // past ':'
        if (name == *key) {
          i = j;
          found = true;
          break;
        }
        j = skip_ws(t, skip_value(t, j));
        if (j < t.size() && t[j] == ',') j = skip_ws(t, j + 1);
      }
      if (!found) return i;
    } else {
      if (t[i] != '[') return i;
      size_t j = skip_ws(t, i + 1);
      for (size_t k = 0; k < std::get<size_t>(seg) && j < t.size(); ++k) {
        j = skip_ws(t, skip_value(t, j));
        if (j < t.size() && t[j] == ',') j = skip_ws(t, j + 1);
      }
      i = j;
    }
  }
  return i;
}

// Reads one JSON document, reporting errors at `path` with its place.
class Reader {
 public:
  Reader(const SourceManager& sources, uint32_t file, Diagnostics& diags)
      : text_(sources.text(file)), file_(file), diags_(diags) {}

  bool parse(Json* out) {
    try {
      *out = Json::parse(text_);
      return true;
    } catch (const Json::parse_error& e) {
      std::string what = e.what();
      size_t colon = what.find(": ", what.find("column"));
      std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
      size_t at = e.byte > 0 ? std::min<size_t>(e.byte - 1, text_.size()) : 0;
      diags_.error({file_, static_cast<uint32_t>(at), 1}, "invalid JSON: " + detail);
      return false;
    } catch (const Json::exception& e) {
      // For example a number too large for any JSON number type.
      report_exception(e);
      return false;
    }
  }

  // An error nlohmann raised outside parsing (a number overflow): its
  // message names no position, so point at the number when it can be found.
  void report_exception(const nlohmann::json::exception& e) {
    std::string what = e.what();
    size_t bracket = what.find("] ");
    std::string detail = bracket == std::string::npos ? what : what.substr(bracket + 2);
    size_t at = 0;
    size_t open = detail.find('\''), close = detail.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      size_t found = text_.find(detail.substr(open + 1, close - open - 1));
      if (found != std::string_view::npos) at = found;
    }
    diags_.error({file_, static_cast<uint32_t>(at), 1}, "invalid JSON: " + detail);
    ++errors_;
  }

  SourceLoc loc(const Path& path) const {
    size_t at = locate(text_, path);
    size_t end = at < text_.size() ? skip_value(text_, at) : at;
    return {file_, static_cast<uint32_t>(at), static_cast<uint32_t>(std::max<size_t>(1, end - at))};
  }

  void error(const Path& path, const std::string& message) {
    diags_.error(loc(path), fmt::format("{}: {}", path_text(path), message));
    ++errors_;
  }
  int errors() const { return errors_; }

  // Checks that `j` is an object with only `allowed` keys.
  bool object(const Json& j, const Path& path, std::initializer_list<const char*> allowed) {
    if (!j.is_object()) {
      error(path, fmt::format("expected an object, not {}", j.type_name()));
      return false;
    }
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const auto& [key, value] : j.items()) {
      if (std::find(names.begin(), names.end(), key) != names.end()) continue;
      Path p = path;
      p.push_back(key);
      std::string hint = closest_name(key, names);
      error(p, hint.empty() ? fmt::format("unknown field '{}'", key)
                            : fmt::format("unknown field '{}'; did you mean '{}'?", key, hint));
    }
    return true;
  }

  std::optional<std::string> string(const Json& j, const Path& path) {
    if (j.is_string()) return j.get<std::string>();
    error(path, fmt::format("expected a string, not {}", j.type_name()));
    return std::nullopt;
  }

  std::optional<std::string> required_string(const Json& obj, const Path& path, const char* key) {
    Path p = path;
    p.push_back(std::string(key));
    if (!obj.contains(key)) {
      error(path, fmt::format("missing field '{}'", key));
      return std::nullopt;
    }
    return string(obj.at(key), p);
  }

  // A JSON value as a literal of the language: true/false, an integer, or a
  // string holding any literal ("0.375", "12.5%", "250000 GBP", "2022-09-01").
  std::optional<ast::Literal> literal(const Json& j, const Path& path) {
    ast::Literal lit;
    lit.loc = loc(path);
    if (j.is_boolean()) {
      lit.kind = ast::LiteralKind::Bool;
      lit.text = j.get<bool>() ? "true" : "false";
      return lit;
    }
    if (j.is_number_integer()) {
      lit.kind = ast::LiteralKind::Int;
      lit.text = j.dump();
      return lit;
    }
    if (j.is_number_float()) {
      error(path, "write decimals as strings (\"0.375\", \"12.5%\", \"250000.50 GBP\"): binary floating point is not exact");
      return std::nullopt;
    }
    if (j.is_string()) {
      std::string s = j.get<std::string>();
      const char* error_at = nullptr;
      std::string message;
      const char* end = parser::scan_literal(s.data(), s.data() + s.size(), true, &lit, &error_at, &message);
      if (end == s.data() + s.size() && !s.empty()) return lit;
      error(path, fmt::format("'{}' is not a value (write 12, \"0.375\", \"12.5%\", \"250000 GBP\" or \"2022-09-01\")", s));
      return std::nullopt;
    }
    error(path, fmt::format("expected a value, not {}", j.type_name()));
    return std::nullopt;
  }

  ast::Word word(const std::string& text, const Path& path) {
    ast::Word w;
    w.text = text;
    w.loc = loc(path);
    return w;
  }

 private:
  std::string_view text_;
  uint32_t file_;
  Diagnostics& diags_;
  int errors_ = 0;
};

Path with(Path p, Segment s) {
  p.push_back(std::move(s));
  return p;
}

// ---- Orgs ------------------------------------------------------------------

class OrgReader {
 public:
  OrgReader(Reader& r, model::Model& m) : r_(r), m_(m) {
    for (size_t i = 0; i < m.functions.size(); ++i) functions_[m.functions[i].id] = static_cast<int>(i);
    for (size_t i = 0; i < m.areas.size(); ++i) areas_[m.areas[i].id] = static_cast<int>(i);
  }

  void read_org(const Json& j, const Path& path) {
    if (!r_.object(j, path, {"id", "title", "persons"})) return;
    int before = r_.errors();
    model::Org org;
    auto id = r_.required_string(j, path, "id");
    if (!id) return;
    org.id = *id;
    org.loc = r_.loc(with(path, "id"));
    if (j.contains("title")) org.title = r_.string(j.at("title"), with(path, "title")).value_or("");
    if (!j.contains("persons") || !j.at("persons").is_array()) {
      r_.error(path, "missing array 'persons'");
      return;
    }
    const Json& persons = j.at("persons");
    // Persons first (sorted by id, as the checker sorts them), then edges.
    std::vector<std::pair<std::string, size_t>> ids;
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < persons.size(); ++i) {
      Path p = with(with(path, "persons"), i);
      if (!r_.object(persons[i], p, {"id", "name", "relevant_income", "reports_to", "holds", "responsible_for", "delegates"})) continue;
      auto pid = r_.required_string(persons[i], p, "id");
      if (!pid) continue;
      if (!first.emplace(*pid, i).second) {
        r_.error(with(p, "id"), fmt::format("duplicate person '{}' (first at $.persons[{}])", *pid, first[*pid]));
        continue;
      }
      ids.emplace_back(*pid, i);
    }
    std::sort(ids.begin(), ids.end());
    for (const auto& [pid, i] : ids) {
      Path p = with(with(path, "persons"), i);
      const Json& pj = persons[i];
      std::string name = pj.contains("name") ? r_.string(pj.at("name"), with(p, "name")).value_or(pid) : pid;
      org.persons.push_back({pid, name, Decimal(), r_.loc(with(p, "id"))});
    }
    org.index_persons();
    for (const auto& [pid, i] : ids) read_person(org, org.find_person(pid), persons[i], with(with(path, "persons"), i));
    if (r_.errors() == before) m_.orgs.push_back(std::move(org));
  }

 private:
  void read_person(model::Org& org, int self, const Json& pj, const Path& p) {
    if (pj.contains("relevant_income")) {
      Path ip = with(p, "relevant_income");
      if (auto lit = r_.literal(pj.at("relevant_income"), ip)) {
        bool negative = !lit->text.empty() && lit->text[0] == '-';
        auto d = Decimal::parse(negative ? lit->text.substr(1) : lit->text);
        bool ok = d && !negative && (lit->kind == ast::LiteralKind::Int || lit->kind == ast::LiteralKind::Decimal ||
                                     (lit->kind == ast::LiteralKind::Money && lit->unit == m_.currency));
        if (ok) {
          org.persons[self].relevant_income = *d;
        } else {
          r_.error(ip, fmt::format("relevant_income must be an amount in {} (180000, \"180000.50\" or \"180000 {}\")",
                                   m_.currency, m_.currency));
        }
      }
    }
    edges(org, self, pj, p, "reports_to", model::EdgeKind::ReportsTo, "person");
    edges(org, self, pj, p, "holds", model::EdgeKind::Holds, "function");
    edges(org, self, pj, p, "responsible_for", model::EdgeKind::ResponsibleFor, "area");
    edges(org, self, pj, p, "delegates", model::EdgeKind::Delegates, "area");
  }

  int lookup(const std::map<std::string, int>& names, const std::string& name, const Path& p, const char* what) {
    auto it = names.find(name);
    if (it != names.end()) return it->second;
    std::vector<std::string> all;
    for (const auto& [n, i] : names) all.push_back(n);
    std::string hint = closest_name(name, all);
    r_.error(p, hint.empty() ? fmt::format("unknown {} '{}'", what, name)
                             : fmt::format("unknown {} '{}'; did you mean '{}'?", what, name, hint));
    return -1;
  }

  int person(const model::Org& org, const std::string& id, const Path& p) {
    int found = org.find_person(id);
    if (found < 0) r_.error(p, fmt::format("unknown person '{}' in org '{}'", id, org.id));
    return found;
  }

  // A list of edges: each a plain name, or an object with the name under
  // `key` and optional "from" and "until" (and "to" for delegations).
  void edges(model::Org& org, int self, const Json& pj, const Path& p, const char* field, model::EdgeKind kind,
             const char* key) {
    if (!pj.contains(field)) return;
    Path fp = with(p, field);
    const Json& list = pj.at(field);
    if (!list.is_array()) {
      r_.error(fp, "expected an array");
      return;
    }
    for (size_t i = 0; i < list.size(); ++i) {
      Path ep = with(fp, i);
      const Json& e = list[i];
      std::string target;
      Path tp = ep;
      model::Edge edge;
      edge.kind = kind;
      edge.person = self;
      edge.loc = r_.loc(ep);
      if (e.is_string() && kind != model::EdgeKind::Delegates) {
        target = e.get<std::string>();
      } else {
        bool delegates = kind == model::EdgeKind::Delegates;
        if (!r_.object(e, ep, delegates ? std::initializer_list<const char*>{"area", "to", "from", "until"}
                                        : std::initializer_list<const char*>{key, "from", "until"})) continue;
        auto t = r_.required_string(e, ep, key);
        if (!t) continue;
        target = *t;
        tp = with(ep, key);
        if (!dates(e, ep, &edge.when)) continue;
        if (delegates) {
          auto to = r_.required_string(e, ep, "to");
          if (!to) continue;
          edge.target = person(org, *to, with(ep, "to"));
          edge.area = lookup(areas_, target, tp, "responsibility");
          if (edge.target >= 0 && edge.area >= 0) org.edges.push_back(edge);
          continue;
        }
      }
      switch (kind) {
        case model::EdgeKind::ReportsTo: edge.target = person(org, target, tp); break;
        case model::EdgeKind::Holds: edge.target = lookup(functions_, target, tp, "function"); break;
        default: edge.target = lookup(areas_, target, tp, "responsibility"); break;
      }
      if (edge.target >= 0) org.edges.push_back(edge);
    }
  }

  bool dates(const Json& e, const Path& ep, model::Interval* when) {
    for (const char* key : {"from", "until"}) {
      if (!e.contains(key)) continue;
      Path dp = with(ep, key);
      auto s = r_.string(e.at(key), dp);
      if (!s) return false;
      auto d = Date::parse(*s);
      if (!d) {
        r_.error(dp, fmt::format("invalid date '{}' (write YYYY-MM-DD)", *s));
        return false;
      }
      (std::string(key) == "from" ? when->from : when->until) = *d;
    }
    if (e.contains("from") && e.contains("until") && when->until <= when->from) {
      r_.error(with(ep, "until"), fmt::format("'until {}' is not after 'from {}'", when->until.to_string(),
                                              when->from.to_string()));
      return false;
    }
    return true;
  }

  Reader& r_;
  model::Model& m_;
  std::map<std::string, int> functions_, areas_;
};

void read_orgs(Reader& reader, model::Model& model);

}  // namespace

void load_org_json(const SourceManager& sources, uint32_t file_id, model::Model& model, Diagnostics& diags) {
  Reader reader(sources, file_id, diags);
  try {
    read_orgs(reader, model);
  } catch (const Json::exception& e) {
    reader.report_exception(e);  // a safety net: every access is checked first
  }
}

namespace {

void read_orgs(Reader& reader, model::Model& model) {
  Json doc;
  if (!reader.parse(&doc)) return;
  OrgReader orgs(reader, model);
  if (doc.is_object() && doc.contains("orgs")) {
    if (!reader.object(doc, {}, {"orgs"})) return;
    const Json& list = doc.at("orgs");
    if (!list.is_array()) {
      reader.error({std::string("orgs")}, "expected an array of orgs");
      return;
    }
    for (size_t i = 0; i < list.size(); ++i) orgs.read_org(list[i], {std::string("orgs"), i});
  } else {
    orgs.read_org(doc, {});
  }
}

std::optional<ast::Scenario> read_scenario(Reader& r);

}  // namespace

std::optional<ast::Scenario> scenario_from_json(const SourceManager& sources, uint32_t file_id,
                                                Diagnostics& diags) {
  Reader r(sources, file_id, diags);
  try {
    return read_scenario(r);
  } catch (const Json::exception& e) {
    r.report_exception(e);  // a safety net: every access is checked first
    return std::nullopt;
  }
}

namespace {

std::optional<ast::Scenario> read_scenario(Reader& r) {
  Json j;
  if (!r.parse(&j)) return std::nullopt;
  if (!r.object(j, {}, {"name", "org", "breaches", "expect"})) return std::nullopt;
  ast::Scenario sc;
  sc.loc = r.loc({});
  auto name = r.required_string(j, {}, "name");
  if (!name) return std::nullopt;
  sc.title = r.word(*name, {std::string("name")});
  if (j.contains("org")) {
    if (auto org = r.string(j.at("org"), {std::string("org")})) sc.org = r.word(*org, {std::string("org")});
  }
  const Json empty = Json::array();
  const Json& breaches = j.contains("breaches") ? j.at("breaches") : empty;
  if (!breaches.is_array()) r.error({std::string("breaches")}, "expected an array of breaches");
  for (size_t i = 0; breaches.is_array() && i < breaches.size(); ++i) {
    Path bp{std::string("breaches"), i};
    const Json& b = breaches[i];
    if (!r.object(b, bp, {"type", "date", "severity", "facts", "persons"})) continue;
    ast::ScenarioBreach br;
    br.loc = r.loc(bp);
    auto type = r.required_string(b, bp, "type");
    auto date = r.required_string(b, bp, "date");
    if (!type || !date) continue;
    br.type = r.word(*type, with(bp, "type"));
    br.date.kind = ast::LiteralKind::Date;
    br.date.text = *date;
    br.date.loc = r.loc(with(bp, "date"));
    if (b.contains("severity")) {
      if (auto lit = r.literal(b.at("severity"), with(bp, "severity"))) {
        ast::FactValue fv;
        fv.name = r.word("severity", with(bp, "severity"));
        fv.value = *lit;
        br.items.push_back(ast::BreachFactItem(std::move(fv)));
      }
    }
    auto facts = [&](const Json& obj, const Path& p, auto&& add) {
      if (!obj.is_object()) {
        r.error(p, "expected an object of name: value");
        return;
      }
      for (const auto& [key, value] : obj.items()) {
        Path vp = with(p, key);
        if (auto lit = r.literal(value, vp)) {
          ast::FactValue fv;
          fv.name = r.word(key, vp);
          fv.value = *lit;
          add(fv);
        }
      }
    };
    if (b.contains("facts")) facts(b.at("facts"), with(bp, "facts"), [&](ast::FactValue& fv) { br.items.push_back(ast::BreachFactItem(std::move(fv))); });
    if (b.contains("persons")) {
      Path pp = with(bp, "persons");
      const Json& persons = b.at("persons");
      if (!persons.is_object()) {
        r.error(pp, "expected an object of person id: { fact: value }");
      } else {
        for (const auto& [pid, pfacts] : persons.items()) {
          ast::PersonFacts pf;
          pf.person = r.word(pid, with(pp, pid));
          pf.loc = pf.person.loc;
          facts(pfacts, with(pp, pid), [&](ast::FactValue& fv) { pf.items.push_back(ast::PersonFactItem(std::move(fv))); });
          br.items.push_back(ast::BreachFactItem(std::move(pf)));
        }
      }
    }
    sc.items.push_back(ast::ScenarioItem(std::move(br)));
  }
  if (j.contains("expect")) {
    Path ep{std::string("expect")};
    const Json& expect = j.at("expect");
    if (!expect.is_object()) {
      r.error(ep, "expected an object of person id: [outcome, ...]");
    } else {
      for (const auto& [pid, outcomes] : expect.items()) {
        Path pp = with(ep, pid);
        ast::Expect ex;
        ex.person = r.word(pid, pp);
        ex.loc = ex.person.loc;
        if (!outcomes.is_array()) {
          r.error(pp, "expected an array such as [\"censure\", \"fine 1000 GBP\"] or []");
          continue;
        }
        for (size_t k = 0; k < outcomes.size(); ++k) {
          auto text = r.string(outcomes[k], with(pp, k));
          if (!text) continue;
          ast::ExpectItem item;
          size_t space = text->find(' ');
          item.kind = r.word(text->substr(0, space), with(pp, k));
          if (space != std::string::npos) {
            if (auto lit = r.literal(Json(text->substr(space + 1)), with(pp, k))) item.amount = lit;
          }
          ex.items.push_back(item);
        }
        if (ex.items.empty()) {
          ast::ExpectItem none;
          none.kind = r.word("none", pp);
          ex.items.push_back(none);
        }
        sc.items.push_back(ast::ScenarioItem(std::move(ex)));
      }
    }
  }
  if (r.errors()) return std::nullopt;
  return sc;
}

}  // namespace

}  // namespace smr
