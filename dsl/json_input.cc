#include "dsl/json_input.h"

#include "dsl/check_context.h"
#include "dsl/check_scenarios.h"
#include "dsl/json_line.h"
#include "dsl/json_reader.h"

namespace smr {
namespace json {
namespace {

std::optional<ast::Scenario> read_scenario(Reader& r);

}  // namespace

std::optional<ast::Scenario> scenario_from_json(const SourceManager& sources, uint32_t file_id,
                                                Diagnostics& diags, ast::TextStore& store) {
  Reader r(sources, file_id, diags, store);
  try {
    return read_scenario(r);
  } catch (const Json::exception& e) {
    r.report_exception(e);  // a safety net: every access is checked first
    return std::nullopt;
  }
}

namespace {

// One breach of a JSON scenario; nullopt when it has errors (reported).
std::optional<ast::ScenarioBreach> read_breach(Reader& r, const Json& b, const Path& bp) {
  if (!r.object(b, bp, {"type", "date", "severity", "facts", "persons"})) return std::nullopt;
  ast::ScenarioBreach br;
  br.loc = r.loc(bp);
  auto type = r.required_string(b, bp, "type");
  auto date = r.required_string(b, bp, "date");
  if (!type || !date) return std::nullopt;
  br.type = r.word(*type, with(bp, "type"));
  br.date.kind = ast::LiteralKind::Date;
  br.date.text = r.keep(std::move(*date));
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
        fv.name = r.word(key, value, vp);
        fv.value = *lit;
        add(fv);
      }
    }
  };
  if (b.contains("facts"))
    facts(b.at("facts"), with(bp, "facts"),
          [&](ast::FactValue& fv) { br.items.push_back(ast::BreachFactItem(std::move(fv))); });
  if (b.contains("persons")) {
    Path pp = with(bp, "persons");
    const Json& persons = b.at("persons");
    if (!persons.is_object()) {
      r.error(pp, "expected an object of person id: { fact: value }");
    } else {
      for (const auto& [pid, pfacts] : persons.items()) {
        ast::PersonFacts pf;
        pf.person = r.word(pid, pfacts, with(pp, pid));
        pf.loc = pf.person.loc;
        facts(pfacts, with(pp, pid),
              [&](ast::FactValue& fv) { pf.items.push_back(ast::PersonFactItem(std::move(fv))); });
        br.items.push_back(ast::BreachFactItem(std::move(pf)));
      }
    }
  }
  return br;
}

// The expectations of a JSON scenario, as `expect` items.
void read_expect(Reader& r, const Json& j, ast::Scenario& sc) {
  Path ep{std::string("expect")};
  const Json& expect = j.at("expect");
  if (!expect.is_object()) {
    r.error(ep, "expected an object of person id: [outcome, ...]");
  } else {
    for (const auto& [pid, outcomes] : expect.items()) {
      Path pp = with(ep, pid);
      ast::Expect ex;
      ex.person = r.word(pid, outcomes, pp);
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
        std::string kind = text->substr(0, space);
        item.kind.loc = r.loc(with(pp, k));
        if (!outcome_of_text(kind, &item.kind.value)) {
          r.error(with(pp, k),
                  fmt::format("'{}' is not an outcome (none, censure, \"fine AMOUNT\", "
                              "disqualification or criminal)",
                              kind));
          continue;
        }
        if (space != std::string::npos) {
          if (auto lit = r.literal(Json(text->substr(space + 1)), with(pp, k))) item.amount = lit;
        }
        ex.items.push_back(item);
      }
      if (ex.items.empty()) {
        ast::ExpectItem none;
        none.kind.value = ast::OutcomeWord::None;
        none.kind.loc = r.loc(pp);
        ex.items.push_back(none);
      }
      sc.items.push_back(ast::ScenarioItem(std::move(ex)));
    }
  }
}

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
    if (auto org = r.string(j.at("org"), {std::string("org")}))
      sc.org = r.word(*org, {std::string("org")});
  }
  const Json empty = Json::array();
  const Json& breaches = j.contains("breaches") ? j.at("breaches") : empty;
  if (!breaches.is_array()) r.error({std::string("breaches")}, "expected an array of breaches");
  for (size_t i = 0; breaches.is_array() && i < breaches.size(); ++i) {
    Path bp{std::string("breaches"), i};
    if (auto br = read_breach(r, breaches[i], bp))
      sc.items.push_back(ast::ScenarioItem(std::move(*br)));
  }
  if (j.contains("expect")) read_expect(r, j, sc);
  if (r.errors()) return std::nullopt;
  return sc;
}

}  // namespace

}  // namespace json

struct JsonScenarioReader::Impl {
  check::Symbols symbols;
  check::ScenarioChecker checker;
  explicit Impl(const model::Model& m) : symbols(check::Symbols::of(m)), checker(m, symbols) {}
};

JsonScenarioReader::JsonScenarioReader(const model::Model& model)
    : impl_(std::make_unique<Impl>(model)) {}
JsonScenarioReader::~JsonScenarioReader() = default;

std::optional<model::Scenario> JsonScenarioReader::read(const SourceManager& sources, uint32_t file,
                                                        Diagnostics& diags) const {
  if (long bad = find_invalid_utf8(sources.text(file)); bad >= 0) {
    diags.error({file, static_cast<uint32_t>(bad), 1}, "invalid UTF-8 byte sequence");
    return std::nullopt;
  }
  ast::TextStore store;
  // The plain form read directly; anything else by the full reader.
  auto tree = json::read_plain_scenario(sources.text(file), file, store);
  if (!tree) tree = json::scenario_from_json(sources, file, diags, store);
  if (!tree) return std::nullopt;
  return impl_->checker.check(*tree, diags);
}

}  // namespace smr
