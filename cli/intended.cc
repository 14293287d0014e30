#include "cli/intended.h"

#include <fmt/format.h>

#include <fstream>
#include <map>

#include "cli/output.h"
#include "dsl/core/source.h"

namespace smr::cli {

std::optional<std::vector<IntendedChange>> load_intended(const std::string& path,
                                                         const std::string& currency, int* code) {
  SourceManager sources;
  Diagnostics diags;
  std::vector<IntendedChange> changes;
  std::string error;
  if (!read_intended(path, currency, sources, diags, &changes, &error)) {
    fmt::print(stderr, "smr diff: --intended: {}\n", error);
    *code = 2;
    return std::nullopt;
  }
  if (diags.has_errors()) {
    fmt::print(stderr, "{}", sources.render_all(diags));
    *code = 1;
    return std::nullopt;
  }
  return changes;
}

IntendedVerdict compare_intended(const std::vector<IntendedChange>& intended,
                                 const std::vector<ActualChange>& actual) {
  IntendedVerdict v;
  std::map<std::pair<std::string, std::string>, const IntendedChange*> listed;
  for (const auto& c : intended) listed[{c.scenario, c.person}] = &c;
  for (const auto& a : actual) {
    auto it = listed.find({a.scenario, a.person});
    if (it == listed.end()) {
      v.unintended.push_back(a);
      continue;
    }
    const IntendedChange& c = *it->second;
    if (c.before == a.before && c.after == a.after) {
      ++v.as_intended;
    } else {
      v.different.emplace_back(c, a);
    }
    listed.erase(it);
  }
  for (const auto& c : intended) {
    if (listed.count({c.scenario, c.person})) v.missing.push_back(c);
  }
  return v;
}

std::string verdict_text(const IntendedVerdict& v, const std::string& cur) {
  std::string out;
  for (const auto& a : v.unintended) {
    out += "unintended: " + intended_line(a.scenario, a.person, a.before, a.after, cur) + "\n";
  }
  for (const auto& c : v.missing) {
    out += "did not happen: " + intended_line(c.scenario, c.person, c.before, c.after, cur) + "\n";
  }
  for (const auto& [c, a] : v.different) {
    out += "happened differently: " + intended_line(c.scenario, c.person, c.before, c.after, cur) +
           "\n  but got: " + intended_line(a.scenario, a.person, a.before, a.after, cur) + "\n";
  }
  size_t listed = v.as_intended + v.missing.size() + v.different.size();
  out += fmt::format(
      "intended: {} of {} listed changes as intended; {} unintended, {} did not "
      "happen, {} happened differently\n",
      v.as_intended, listed, v.unintended.size(), v.missing.size(), v.different.size());
  return out;
}

nlohmann::ordered_json verdict_json(const IntendedVerdict& v, const std::string& cur) {
  auto lines = nlohmann::ordered_json::array();
  auto line = [&](const std::string& s, const std::string& p, const model::Sanctions& b,
                  const model::Sanctions& a) { return intended_line(s, p, b, a, cur); };
  nlohmann::ordered_json j;
  j["ok"] = v.ok();
  j["as_intended"] = v.as_intended;
  j["unintended"] = lines;
  for (const auto& a : v.unintended)
    j["unintended"].push_back(line(a.scenario, a.person, a.before, a.after));
  j["did_not_happen"] = lines;
  for (const auto& c : v.missing)
    j["did_not_happen"].push_back(line(c.scenario, c.person, c.before, c.after));
  j["happened_differently"] = lines;
  for (const auto& [c, a] : v.different) {
    j["happened_differently"].push_back(
        {{"intended", line(c.scenario, c.person, c.before, c.after)},
         {"actual", line(a.scenario, a.person, a.before, a.after)}});
  }
  return j;
}

bool write_intended(const std::string& path, const std::vector<ActualChange>& changes,
                    const std::string& currency) {
  std::string text = fmt::format(
      "// Intended outcome changes ({}), written by smr diff --write-intended.\n"
      "// Review each line; smr diff --intended checks that exactly these happen.\n",
      changes.size());
  for (const auto& a : changes) {
    text += intended_line(a.scenario, a.person, a.before, a.after, currency) + "\n";
  }
  std::string error;
  if (write_text_file(path, text, &error)) return true;
  fmt::print(stderr, "smr diff: --write-intended: cannot write {}: {}\n", path, error);
  return false;
}

}  // namespace smr::cli
