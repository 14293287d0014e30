#include "cli/lsp_index.h"

#include <fmt/format.h>

#include "engine/explain.h"
#include "engine/model_text.h"

namespace smr::cli {

DocumentIndex::DocumentIndex(const std::string& path, const std::string& text) {
  CompileOptions o;
  o.jobs = 1;
  c_ = compile({SourceText{path, text}}, {}, o);
  index_model();
}

std::vector<const Declaration*> DocumentIndex::find(const std::string& name) const {
  std::vector<const Declaration*> out;
  for (const auto& d : declarations_) {
    if (d.name == name) out.push_back(&d);
  }
  return out;
}

namespace {

std::string fact_detail(const model::FactDef& f) {
  std::string type = f.percent ? "percent" : model::type_name(f.type);
  return f.default_value ? fmt::format("{} = {}", type, constant_text(*f.default_value)) : type;
}

}  // namespace

void DocumentIndex::index_model() {
  const model::Model& m = c_->model;
  // LSP SymbolKind numbers: 12 Function, 5 Class, 13 Variable, 14 Constant,
  // 19 Object, 6 Method, 2 Module, 10 Enum, 23 Struct.
  for (const auto& f : m.functions)
    declarations_.push_back({f.id, "function", f.title + (f.board ? " (board)" : ""), f.loc, 12});
  for (const auto& a : m.areas)
    declarations_.push_back(
        {a.id, "responsibility", a.title + (a.prescribed ? " (prescribed)" : ""), a.loc, 5});
  for (const auto& f : m.facts)
    declarations_.push_back({f.name, "fact", fact_detail(f), f.loc, 13});
  for (const auto& f : m.person_facts)
    declarations_.push_back({f.name, "person fact", fact_detail(f), f.loc, 13});
  for (const auto& t : m.tables)
    declarations_.push_back(
        {t.name, "table",
         fmt::format("int -> {}", t.percent ? "percent" : model::type_name(t.value_type)), t.loc,
         14});
  for (const auto& b : m.breach_types) {
    std::string area = b.area >= 0 ? m.areas[b.area].id : "";
    declarations_.push_back(
        {b.id, "breach type", b.title + (area.empty() ? "" : "; area " + area), b.loc, 10});
  }
  for (const auto& r : m.rules) {
    std::string cites;
    for (const auto& c : r.citations) cites += (cites.empty() ? "" : "; ") + c;
    declarations_.push_back(
        {r.id, "rule", r.title + (cites.empty() ? "" : " — " + cites), r.loc, 6});
  }
  for (const auto& org : m.orgs) {
    declarations_.push_back({org.id, "org", org.title, org.loc, 2});
    std::vector<std::string> roles(org.persons.size());
    for (const auto& e : org.edges) {
      std::string what = e.kind == model::EdgeKind::Holds ? "holds " + m.functions[e.target].id
                         : e.kind == model::EdgeKind::ResponsibleFor
                             ? "responsible for " + m.areas[e.target].id
                             : "";
      if (!what.empty())
        roles[e.person] += (roles[e.person].empty() ? "" : "; ") + what + describe_dates(e.when);
    }
    for (size_t p = 0; p < org.persons.size(); ++p) {
      const auto& person = org.persons[p];
      declarations_.push_back(
          {person.id, "person",
           fmt::format("{} in {}{}", person.name, org.id, roles[p].empty() ? "" : ": " + roles[p]),
           person.loc, 19});
    }
  }
}

size_t offset_of(const std::string& text, int line, int character) {
  size_t at = 0;
  for (int l = 0; l < line && at < text.size(); ++l) {
    size_t nl = text.find('\n', at);
    if (nl == std::string::npos) return text.size();
    at = nl + 1;
  }
  for (int units = 0; at < text.size() && text[at] != '\n' && units < character;) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    int bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += bytes == 4 ? 2 : 1;  // UTF-16 code units
    at += bytes;
  }
  return std::min(at, text.size());
}

std::pair<int, int> position_of(std::string_view text, size_t offset) {
  int line = 0, character = 0;
  for (size_t at = 0; at < offset && at < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c == '\n') {
      ++line;
      character = 0;
      ++at;
      continue;
    }
    int bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    character += bytes == 4 ? 2 : 1;
    at += bytes;
  }
  return {line, character};
}

}  // namespace smr::cli
