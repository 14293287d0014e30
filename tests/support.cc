#include "tests/support.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/report.h"
#include "engine/evaluator.h"

namespace smr::testing {

namespace {
std::string line_of(const SourceManager& s, const Diagnostic& d) {
  const char* kind = d.severity == Severity::Error     ? "error"
                     : d.severity == Severity::Warning ? "warning"
                                                       : "note";
  auto lc = s.line_col(d.loc);
  return fmt::format("{}:{}: {}: {}", lc.line, lc.column, kind, d.message);
}
}  // namespace

std::vector<std::string> Compiled::lines() const {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(line_of(sources, d));
  return out;
}

std::vector<std::string> Compiled::errors() const {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::Error) out.push_back(line_of(sources, d));
  }
  return out;
}

std::unique_ptr<Compiled> compile(const std::string& text) {
  return std::make_unique<Compiled>(compile_text("test.smr", text, {1, true, false}));
}

ScenarioResult run(const Compiled& c, const std::string& title, bool explain) {
  if (c.diags.has_errors()) throw std::runtime_error("model has errors: " + c.errors().front());
  for (size_t s = 0; s < c.model.scenarios.size(); ++s) {
    if (c.model.scenarios[s].title != title) continue;
    return evaluate_scenario(c.model, c.compilation->graph(c.model.scenarios[s].org),
                             static_cast<int>(s), {explain});
  }
  throw std::runtime_error("no scenario " + title);
}

PersonResult person(const Compiled& c, const ScenarioResult& r, const std::string& id) {
  const auto& org = c.model.orgs[c.model.scenarios[r.scenario].org];
  int p = org.find_person(id);
  if (p < 0) throw std::runtime_error("no person " + id);
  return r.of(p);
}

std::string outcome(const Compiled& c, const ScenarioResult& r, const std::string& id) {
  const PersonResult p = person(c, r, id);
  return p.sanctions.describe(c.model.currency);
}

int run_smr(const std::string& args, std::string* out, std::string* err, const std::string& cwd) {
  std::string dir = temp_dir();
  // No terminal input unless the arguments redirect stdin themselves.
  std::string input = args.find(" < ") == std::string::npos ? " </dev/null" : "";
  std::string cd = cwd.empty() ? "" : fmt::format("cd '{}' && ", cwd);
  std::string cmd =
      fmt::format("{}{} {} >{}/out 2>{}/err{}", cd, SMR_BINARY, args, dir, dir, input);
  int status = std::system(cmd.c_str());
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  if (out) *out = slurp(dir + "/out");
  if (err) *err = slurp(dir + "/err");
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string temp_dir() {
  char tmpl[] = "/tmp/smr-test-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace smr::testing
