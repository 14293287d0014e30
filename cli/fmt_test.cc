// smr fmt from the command line: in place, --check, --diff, stdin; the
// bundled rulesets are formatted, and a formatted model is the same model.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {

const char* kMessy = "rule r { when severity>=2; then censure to accountable; }\n";
const char* kTidy = "rule r {\n  when severity >= 2;\n  then censure to accountable;\n}\n";

}  // namespace

TEST_CASE("fmt --check and --diff change nothing and exit 1; fmt rewrites", "[fmt]") {
  std::string dir = temp_dir(), out, err;
  write_file(dir + "/a.smr", kMessy);
  write_file(dir + "/b.smr", kTidy);
  CHECK(run_smr("fmt --check " + dir + "/a.smr " + dir + "/b.smr", &out, &err) == 1);
  CHECK(out == dir + "/a.smr\n");
  CHECK(run_smr("fmt --diff " + dir + "/a.smr", &out, &err) == 1);
  CHECK(out == "--- " + dir + "/a.smr\n+++ " + dir + "/a.smr (formatted)\n@@ -1,1 +1,4 @@\n" +
                   "-rule r { when severity>=2; then censure to accountable; }\n+rule r {\n" +
                   "+  when severity >= 2;\n+  then censure to accountable;\n+}\n");
  CHECK(smr::testing::read_file(dir + "/a.smr") == kMessy);
  CHECK(run_smr("fmt " + dir + "/a.smr " + dir + "/b.smr", &out, &err) == 0);
  CHECK(smr::testing::read_file(dir + "/a.smr") == kTidy);
  CHECK(run_smr("fmt --check " + dir + "/a.smr", &out, &err) == 0);
  CHECK(run_smr("fmt - < " + dir + "/b.smr", &out, &err) == 0);
  CHECK(out == kTidy);
  CHECK(run_smr("fmt " + dir + "/missing.smr", &out, &err) == 2);
  // Not a regular file: read as the compiler reads, never run forever.
  CHECK(run_smr("fmt " + dir, &out, &err) == 2);
  CHECK(err == "smr fmt: cannot read " + dir + ": is a directory\n");
  CHECK(run_smr("fmt /dev/zero", &out, &err) == 2);
  CHECK(err ==
        "smr fmt: cannot read /dev/zero: is not a regular file (a device, pipe or socket)\n");
}

TEST_CASE("fmt: the bundled rulesets are formatted, and formatting keeps the model",
          "[fmt][rulesets]") {
  std::string src = std::string(SMR_SOURCE_DIR) + "/rulesets/";
  std::string out, err;
  CHECK(run_smr("fmt --check " + src + "*/*.smr", &out, &err) == 0);
  CHECK(out.empty());
  // A messy copy of uk_smcr (every line joined): formatted, it evaluates
  // to the same JSON, explanations included.
  std::string dir = temp_dir();
  std::string files;
  for (const char* f : {"regime.smr", "rules.smr", "org.smr", "scenarios.smr"}) {
    std::string text = smr::testing::read_file(src + "uk_smcr/" + f), joined;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      size_t comment = line.find("//");
      bool quoted_comment = comment != std::string::npos &&
                            std::count(line.begin(), line.begin() + comment, '"') % 2 == 1;
      if (comment != std::string::npos && !quoted_comment) line.erase(comment);
      joined += line + " ";
    }
    write_file(dir + "/" + f, joined + "\n");
    files += " " + dir + "/" + f;
  }
  std::string original, formatted;
  REQUIRE(run_smr("eval --format json --explain --all-persons" + files, &original, &err) == 0);
  REQUIRE(run_smr("fmt" + files, &out, &err) == 0);
  REQUIRE(run_smr("eval --format json --explain --all-persons" + files, &formatted, &err) == 0);
  CHECK(formatted == original);
  CHECK(run_smr("fmt --check" + files, &out, &err) == 0);
}
