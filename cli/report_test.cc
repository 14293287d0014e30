// smr report as a reader sees it: each bundled regime rendered by headless
// Chromium (the DOM holds every outcome row, fine and picture; the page
// logs no console error), the file well-formed and self-contained, a
// base/head report with the changed people highlighted, and a model of
// hostile strings that cannot inject markup.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {

std::string files_of(const std::string& name) {
  std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/" + name + "/";
  return dir + "regime.smr " + dir + "rules.smr " + dir + "org.smr " + dir + "scenarios.smr";
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The page as headless Chromium builds it; its console log in *console.
std::string chromium_dom(const std::string& html, std::string* console) {
  std::string dir = temp_dir();
  std::string cmd =
      "chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr "
      "--v=0 --dump-dom file://" +
      html + " >" + dir + "/dom.html 2>" + dir + "/log.txt";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string log = smr::testing::read_file(dir + "/log.txt");
  console->clear();
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(":CONSOLE") != std::string::npos) *console += line + "\n";
  }
  return smr::testing::read_file(dir + "/dom.html");
}

// Counts what a page could run or fetch: elements that load or run
// something, event-handler attributes, links that leave the page.
struct Walker : pugi::xml_tree_walker {
  int active = 0, styles = 0;
  bool for_each(pugi::xml_node& n) override {
    std::string name = n.name();
    if (name == "script" || name == "iframe" || name == "img" || name == "link" ||
        name == "object" || name == "embed" || name == "image")
      ++active;
    styles += name == "style";
    for (auto a : n.attributes()) {
      std::string attr = a.name(), value = a.value();
      if (attr.rfind("on", 0) == 0 || attr == "src") ++active;
      if ((attr == "href" || attr == "xlink:href") && value.rfind("#", 0) != 0) ++active;
    }
    return true;
  }
};

// Well-formed XML, and nothing the page would fetch or run.
void check_self_contained(const std::string& html) {
  pugi::xml_document doc;
  auto parsed = doc.load_string(html.c_str());
  INFO(parsed.description() << " at " << parsed.offset);
  REQUIRE(parsed);
  Walker w;
  doc.traverse(w);
  CHECK(w.active == 0);
  CHECK(w.styles == 1);  // the page's own stylesheet
  CHECK(count(html, "url(") == 0);
}

}  // namespace

TEST_CASE("report: every bundled regime in Chromium, every outcome row and fine", "[report]") {
  for (const char* name : {"online_safety", "uk_smcr", "ie_sear", "au_far"}) {
    INFO(name);
    std::string dir = temp_dir(), out, err;
    REQUIRE(run_smr("report " + files_of(name) + " -o " + dir + "/r.html", &out, &err) == 0);
    CHECK(out.empty());
    std::string html = smr::testing::read_file(dir + "/r.html");
    check_self_contained(html);
    // What the rows must say, from smr eval.
    REQUIRE(run_smr("eval --format json " + files_of(name), &out, nullptr) == 0);
    size_t sanctioned = 0, scenarios = 0;
    std::vector<std::string> fines;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      auto j = nlohmann::json::parse(line);
      ++scenarios;
      for (const auto& p : j["persons"]) {
        ++sanctioned;
        if (p["fine"] != "0.00") fines.push_back(p["id"].get<std::string>());
      }
    }
    std::string console;
    std::string dom = chromium_dom(dir + "/r.html", &console);
    CHECK(console.empty());
    CHECK(count(dom, "<section class=\"scenario\"") == scenarios);
    CHECK(count(dom, "<tr data-person=\"") == sanctioned);
    CHECK(count(dom, "<svg") == scenarios);  // an org picture per scenario
    CHECK(count(dom, "class=\"money\">") >= fines.size());
    CHECK(dom.find("id=\"coverage\"") != std::string::npos);
  }
}

TEST_CASE("report: the worked example's outcomes and explanation", "[report]") {
  std::string dir = temp_dir(), out;
  std::string example = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
  REQUIRE(run_smr("report " + example + " -o " + dir + "/r.html", &out, nullptr) == 0);
  std::string console;
  std::string dom = chromium_dom(dir + "/r.html", &console);
  CHECK(console.empty());
  CHECK(dom.find("<tr data-person=\"bob\" class=\"outcome\"><td>Bob Jones (bob)</td>\n<td>Chief "
                 "Operations (SMF24)</td>") != std::string::npos);
  CHECK(dom.find("<td class=\"money\">108,000.00 GBP</td>") != std::string::npos);
  CHECK(dom.find("relevant_income 180,000.00 × seriousness[4] 30% = 54,000.00") !=
        std::string::npos);
  CHECK(dom.find("DEPP 6.5B.2G") != std::string::npos);
  CHECK(dom.find("table seriousness") == std::string::npos);  // a heading, not the coverage text
  CHECK(dom.find("Table seriousness") != std::string::npos);
}

TEST_CASE("report --base --head: the changed people highlighted, the manifest judged", "[report]") {
  std::string dir = std::string(SMR_SOURCE_DIR) + "/rulesets/online_safety/";
  std::string tmp = temp_dir(), out, err;
  std::string versions = "--base " + dir + "rules_act.smr --head " + dir + "rules.smr " + dir +
                         "regime.smr " + dir + "org.smr " + dir + "scenarios.smr";
  REQUIRE(run_smr("diff --write-intended " + tmp + "/m.txt " + versions, &out, &err) == 0);
  REQUIRE(run_smr("report -o " + tmp + "/r.html --intended " + tmp + "/m.txt " + versions, &out,
                  &err) == 0);
  std::string html = smr::testing::read_file(tmp + "/r.html");
  check_self_contained(html);
  std::string console;
  std::string dom = chromium_dom(tmp + "/r.html", &console);
  CHECK(console.empty());
  // 29 changed person-outcomes: a row each in the diff table, and each
  // person's row in its scenario's table marked too.
  CHECK(count(dom, "<tr class=\"changed\" data-person=") == 29);
  CHECK(count(dom, "class=\"outcome changed\"") == 29);
  CHECK(dom.find("<tr class=\"changed\" data-person=\"tsd_new\"><td>Grooming undetected: a first "
                 "failure is censured</td>\n<td>tsd_new</td>\n<td>none</td>\n<td>censure</td>") !=
        std::string::npos);
  CHECK(dom.find("class=\"verdict-ok\">The changes are exactly the intended ones.") !=
        std::string::npos);
}

TEST_CASE("report: hostile strings in a model cannot inject markup", "[report]") {
  {  // the check itself sees an image, its source and its handler
    pugi::xml_document bad;
    REQUIRE(bad.load_string("<p><img src='x' onerror='a()'/><a href='#ok'>x</a></p>"));
    Walker w;
    bad.traverse(w);
    CHECK(w.active == 3);
  }
  std::string dir = temp_dir(), out, err;
  write_file(dir + "/evil.smr", R"(regime "<script>alert('r')</script> & co" { currency GBP; }
function CEO "Chief <b>Exec</b> \"quoted\" 'single' &amp; \ttab\nnewline";
responsibility data "<img src=x onerror=alert(1)>";
breach leak "</td></tr></table><script>alert(2)</script>" { area data; }
rule r "<iframe src=javascript:alert(3)>" { cite "<a href='javascript:alert(4)'>x</a>"; then censure to accountable; }
org o "<svg onload=alert(5)>" {
  person p "</title><script>alert(6)</script>" { holds CEO; responsible_for data; }
}
scenario "<style>body{display:none}</style>" { breach leak on 2022-01-01 { severity 2; } }
)");
  REQUIRE(run_smr("report " + dir + "/evil.smr -o " + dir + "/r.html", &out, &err) == 0);
  std::string html = smr::testing::read_file(dir + "/r.html");
  // Well-formed; no element, handler or link of the model's making, in the
  // SVG either (Graphviz escaped what it was given).
  check_self_contained(html);
  CHECK(html.find("&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt; &amp; co") != std::string::npos);
  std::string console;
  std::string dom = chromium_dom(dir + "/r.html", &console);
  CHECK(console.empty());
  CHECK(count(dom, "<script") == 0);
  CHECK(count(dom, "<section class=\"scenario\"") == 1);
  CHECK(dom.find("<tr data-person=\"p\"") != std::string::npos);
}

TEST_CASE("report: usage errors and an unwritable file leave nothing behind", "[report]") {
  std::string dir = temp_dir(), out, err;
  std::string example = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
  CHECK(run_smr("report " + example, &out, &err) == 2);  // -o is required
  CHECK(run_smr("report " + example + " -o " + dir + "/no/such/r.html", &out, &err) == 2);
  CHECK(err.find("smr report: cannot write ") != std::string::npos);
  CHECK(run_smr("report " + example + " --scenario Nope -o " + dir + "/r.html", &out, &err) == 2);
  CHECK(err == "smr report: no scenario named \"Nope\"\n");
  CHECK_FALSE(std::ifstream(dir + "/r.html").good());
}
