// Orgs exported from an HR system, as JSON (schema in README.md), built by
// the same OrgBuilder as .smr orgs.
#include <string>

#include "dsl/json_reader.h"
#include "dsl/org_builder.h"

namespace smr::json {
namespace {

std::string prefix(const Path& p) { return path_text(p) + ": "; }

// Ids must be names a .smr file could use: scenarios and rules refer to them.
bool is_identifier(const std::string& s) {
  if (s.empty() || !parser::is_ident_start(s[0])) return false;
  for (char c : s) {
    if (!parser::is_ident_char(c)) return false;
  }
  return !parser::is_reserved(s);
}

class OrgReader {
 public:
  OrgReader(Reader& r, check::Context& c) : r_(r), c_(c) {}

  void read_org(const Json& j, const Path& path) {
    if (!r_.object(j, path, {"id", "title", "persons"})) return;
    int before = r_.errors() + c_.diags.error_count();
    auto id = r_.required_string(j, path, "id");
    if (!id || !identifier(*id, with(path, "id"))) return;
    std::string title;
    if (j.contains("title")) title = r_.string(j.at("title"), with(path, "title")).value_or("");
    if (!j.contains("persons") || !j.at("persons").is_array()) {
      r_.error(path, "missing array 'persons'");
      return;
    }
    if (c_.symbols.orgs.find(*id) >= 0) {
      r_.error(with(path, "id"), fmt::format("duplicate org '{}'", *id));
      return;
    }
    check::OrgBuilder b(c_.symbols, c_.diags, *id, title, r_.loc(with(path, "id")));
    const Json& persons = j.at("persons");
    Path pp = with(path, "persons");
    std::vector<size_t> read;  // indices of the persons added
    for (size_t i = 0; i < persons.size(); ++i) {
      Path p = with(pp, i);
      if (!r_.object(persons[i], p,
                     {"id", "name", "relevant_income", "reports_to", "holds", "responsible_for",
                      "delegates"})) {
        continue;
      }
      auto pid = r_.required_string(persons[i], p, "id");
      if (!pid || !identifier(*pid, with(p, "id"))) continue;
      const Json& pj = persons[i];
      std::string name =
          pj.contains("name") ? r_.string(pj.at("name"), with(p, "name")).value_or(*pid) : *pid;
      b.add_person(*pid, name, r_.loc(pj.at("id"), with(p, "id")));
      read.push_back(i);
    }
    b.set_person_prefix([&](size_t k) { return prefix(with(with(pp, read[k]), "id")); });
    std::vector<int> index = b.index_persons();
    for (size_t k = 0; k < read.size(); ++k) {
      if (index[k] >= 0) read_person(b, index[k], persons[read[k]], with(pp, read[k]));
    }
    if (r_.errors() + c_.diags.error_count() != before) return;
    c_.symbols.orgs.declare(*id, r_.loc(with(path, "id")), c_.model.orgs.size(), c_.diags);
    c_.model.orgs.push_back(b.finish());
  }

 private:
  bool identifier(const std::string& id, const Path& p) {
    if (is_identifier(id)) return true;
    r_.error(p,
             fmt::format("'{}' is not an id: use letters, digits and _, not starting with a digit, "
                         "and not a reserved word",
                         id));
    return false;
  }

  void read_income(check::OrgBuilder& b, int self, const Json& value, const Path& ip) {
    auto lit = r_.literal(value, ip);
    if (!lit) return;
    const std::string& currency = c_.model.currency;
    bool negative = !lit->text.empty() && lit->text[0] == '-';
    auto d = Decimal::parse(negative ? lit->text.substr(1) : lit->text);
    bool ok = d && !negative && written_fraction_digits(lit->text) <= 2 &&
              (lit->kind == ast::LiteralKind::Int || lit->kind == ast::LiteralKind::Decimal ||
               (lit->kind == ast::LiteralKind::Money && lit->unit == currency));
    if (ok) {
      b.set_income(self, *d);
    } else {
      r_.error(
          ip,
          fmt::format(
              "relevant_income must be an amount in {} (180000, \"180000.50\" or \"180000 {}\")",
              currency, currency));
    }
  }

  void read_person(check::OrgBuilder& b, int self, const Json& pj, const Path& p) {
    if (pj.contains("relevant_income"))
      read_income(b, self, pj.at("relevant_income"), with(p, "relevant_income"));
    edges(b, self, pj, p, "reports_to", model::EdgeKind::ReportsTo, "person");
    edges(b, self, pj, p, "holds", model::EdgeKind::Holds, "function");
    edges(b, self, pj, p, "responsible_for", model::EdgeKind::ResponsibleFor, "area");
    edges(b, self, pj, p, "delegates", model::EdgeKind::Delegates, "area");
  }

  int target(check::OrgBuilder& b, model::EdgeKind kind, const std::string& name, const Path& tp) {
    int found = kind == model::EdgeKind::ReportsTo ? b.find_person(name)
                : kind == model::EdgeKind::Holds   ? b.find_function(name)
                                                   : b.find_area(name);
    if (found >= 0) return found;  // the usual case: no place or message to work out
    switch (kind) {
      case model::EdgeKind::ReportsTo:
        return b.person(name, r_.loc(tp), prefix(tp));
      case model::EdgeKind::Holds:
        return b.function(name, r_.loc(tp), prefix(tp));
      default:
        return b.area(name, r_.loc(tp), prefix(tp));
    }
  }

  // One edge: a plain name, or an object with the name under `key` and
  // optional "from" and "until" (and "to" for delegations).
  void edge(check::OrgBuilder& b, int self, const Json& e, const Path& ep, model::EdgeKind kind,
            const char* key) {
    model::Edge edge;
    edge.kind = kind;
    edge.person = self;
    edge.loc = r_.loc(e, ep);
    bool delegates = kind == model::EdgeKind::Delegates;
    if (e.is_string() && !delegates) {
      edge.target = target(b, kind, e.get<std::string>(), ep);
      if (edge.target >= 0) b.add_edge(edge);
      return;
    }
    if (!r_.object(e, ep,
                   delegates ? std::initializer_list<const char*>{"area", "to", "from", "until"}
                             : std::initializer_list<const char*>{key, "from", "until"})) {
      return;
    }
    auto name = r_.required_string(e, ep, key);
    if (!name || !dates(b, e, ep, &edge.when)) return;
    Path tp = with(ep, key);
    if (delegates) {
      auto to = r_.required_string(e, ep, "to");
      if (!to) return;
      edge.area = target(b, model::EdgeKind::Delegates, *name, tp);
      edge.target = target(b, model::EdgeKind::ReportsTo, *to, with(ep, "to"));
      if (edge.target >= 0 && edge.area >= 0) b.add_edge(edge);
      return;
    }
    edge.target = target(b, kind, *name, tp);
    if (edge.target >= 0) b.add_edge(edge);
  }

  void edges(check::OrgBuilder& b, int self, const Json& pj, const Path& p, const char* field,
             model::EdgeKind kind, const char* key) {
    if (!pj.contains(field)) return;
    Path fp = with(p, field);
    const Json& list = pj.at(field);
    if (!list.is_array()) {
      r_.error(fp, "expected an array");
      return;
    }
    for (size_t i = 0; i < list.size(); ++i) edge(b, self, list[i], with(fp, i), kind, key);
  }

  bool dates(check::OrgBuilder& b, const Json& e, const Path& ep, model::Interval* when) {
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
    bool has_from = e.contains("from"), has_until = e.contains("until");
    if (!has_from || !has_until || when->from < when->until) return true;
    Path up = with(ep, "until");
    return b.valid_interval(*when, has_from, has_until, r_.loc(up), prefix(up));
  }

  Reader& r_;
  check::Context& c_;
};

void read_all(Reader& reader, check::Context& c) {
  Json doc;
  if (!reader.parse(&doc)) return;
  OrgReader orgs(reader, c);
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

}  // namespace

void read_orgs(const SourceManager& sources, uint32_t file, check::Context& c) {
  // The org is checked as it is read: its syntax tree is gone afterwards.
  ast::TextStore store;
  Reader reader(sources, file, c.diags, store);
  try {
    read_all(reader, c);
  } catch (const Json::exception& e) {
    reader.report_exception(e);  // a safety net: every access is checked first
  }
}

}  // namespace smr::json
