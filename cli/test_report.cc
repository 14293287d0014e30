#include "cli/test_report.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace smr::cli {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
      out += '?';  // not allowed in XML 1.0
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string junit_xml(const Workspace& ws, const std::vector<TestCase>& cases) {
  int failures = 0, errors = 0;
  for (const auto& c : cases) {
    if (c.errored) {
      ++errors;
    } else if (!c.differences.empty()) {
      ++failures;
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuite name=\"smr\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">\n",
      cases.size(), failures, errors);
  for (const auto& c : cases) {
    const auto& sc = ws.model.scenarios[c.scenario];
    std::string file = sc.loc.valid() ? ws.sources.path(sc.loc.file) : "";
    out += fmt::format("  <testcase classname=\"{}\" name=\"{}\"", xml_escape(file),
                       xml_escape(sc.title));
    if (c.differences.empty()) {
      out += "/>\n";
      continue;
    }
    std::string text;
    for (const auto& d : c.differences) text += d + "\n";
    const char* tag = c.errored ? "error" : "failure";
    std::string message = c.errored ? "evaluation failed"
                                    : fmt::format("{} expectation{} not met", c.differences.size(),
                                                  c.differences.size() == 1 ? "" : "s");
    out += fmt::format(">\n    <{} message=\"{}\">{}</{}>\n  </testcase>\n", tag, message,
                       xml_escape(text), tag);
  }
  out += "</testsuite>\n";
  return out;
}

bool write_junit(const Workspace& ws, const std::vector<TestCase>& cases, const std::string& path,
                 std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = std::strerror(errno);
    return false;
  }
  out << junit_xml(ws, cases);
  out.close();
  if (!out) {
    *error = "write failed";
    return false;
  }
  return true;
}

std::string coverage_report(const model::Model& m, const std::vector<int>& sanctions_by_rule) {
  size_t width = 4;
  for (const auto& r : m.rules) width = std::max(width, r.id.size());
  std::string out = "coverage:\n";
  int never = 0;
  for (size_t i = 0; i < m.rules.size(); ++i) {
    int n = sanctions_by_rule[i];
    out += fmt::format("  {:<{}}  {:>5} sanction{}{}\n", m.rules[i].id, width, n, n == 1 ? "" : "s",
                       n == 0 ? "  never fired" : "");
    never += n == 0;
  }
  out += fmt::format("{} of {} rules never fired\n", never, m.rules.size());
  return out;
}

}  // namespace smr::cli
