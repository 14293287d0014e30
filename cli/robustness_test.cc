// Hostile and careless input: each case ends in a clear diagnostic or a
// correct result, never a crash, a hang or a silent wrong answer.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/support.h"

using smr::testing::run_smr;
using smr::testing::temp_dir;
using smr::testing::write_file;

namespace {
const std::string kRegime = "regime \"R\" { currency GBP; }\nfunction F \"f\";\n";
}  // namespace

TEST_CASE("only regular files are read: devices and FIFOs are refused at once", "[robust][files]") {
  std::string out, err;
  CHECK(run_smr("check /dev/zero", &out, &err) == 2);
  CHECK(err == "smr: cannot read /dev/zero: is not a regular file (a device, pipe or socket)\n");
  std::string dir = temp_dir();
  REQUIRE(mkfifo((dir + "/fifo.smr").c_str(), 0600) == 0);
  write_file(dir + "/a.smr", kRegime + "import \"fifo.smr\";\nimport \"/dev/zero\";\n");
  CHECK(run_smr("check " + dir + "/a.smr", &out, &err) == 1);
  CHECK(err.find("a.smr:3:8: error: cannot read imported file '" + dir +
                 "/fifo.smr': is not a regular file") != std::string::npos);
  CHECK(
      err.find("a.smr:4:8: error: cannot import '/dev/zero': imports must stay inside the model's "
               "directory") != std::string::npos);
}

TEST_CASE("imports stay inside the model's directory unless --root widens it", "[robust][files]") {
  std::string dir = temp_dir();
  REQUIRE(mkdir((dir + "/rules").c_str(), 0700) == 0);
  write_file(dir + "/secret.env", "API_KEY=hunter2\n");
  write_file(dir + "/shared.smr", "function G \"g\";\n");
  write_file(dir + "/rules/m.smr",
             kRegime + "import \"../secret.env\";\nimport \"/proc/self/environ\";\n");
  std::string out, err;
  CHECK(run_smr("check " + dir + "/rules/m.smr", &out, &err) == 1);
  CHECK(err.find("cannot import '" + dir + "/secret.env'") != std::string::npos);
  CHECK(err.find("cannot import '/proc/self/environ'") != std::string::npos);
  CHECK(err.find("hunter2") == std::string::npos);  // nothing of the file is shown
  write_file(dir + "/rules/ok.smr", kRegime + "import \"../shared.smr\";\n");
  CHECK(run_smr("check " + dir + "/rules/ok.smr", &out, &err) == 1);
  CHECK(run_smr("check " + dir + "/rules/ok.smr --root " + dir, &out, &err) == 0);
}

TEST_CASE("an unterminated block comment is an error at its start", "[robust][syntax]") {
  std::string dir = temp_dir();
  write_file(dir + "/c.smr", kRegime + "/* stray\nrule r { then censure to accountable; }\n");
  std::string out, err;
  CHECK(run_smr("check " + dir + "/c.smr", &out, &err) == 1);
  CHECK(err.find("c.smr:3:1: error: unterminated comment: this '/*' has no closing '*/'") !=
        std::string::npos);
  write_file(dir + "/fine.smr",
             kRegime + "// a /* in a line comment\nfunction G \"/* in a string\";\n");
  CHECK(run_smr("check " + dir + "/fine.smr", &out, &err) == 0);
}

TEST_CASE("a byte order mark is accepted; invalid UTF-8 gives one error, no cascade",
          "[robust][syntax]") {
  std::string dir = temp_dir();
  write_file(dir + "/bom.smr", "\xEF\xBB\xBF" + kRegime);
  std::string out, err;
  CHECK(run_smr("check " + dir + "/bom.smr", &out, &err) == 0);
  write_file(dir + "/bad.smr", "regime \"R\" { currency \xFF; }\n");
  CHECK(run_smr("check " + dir + "/bad.smr", &out, &err) == 1);
  CHECK(err.find(
            "bad.smr:1:23: error: invalid UTF-8 byte sequence\nregime \"R\" { currency ?; }\n") !=
        std::string::npos);
  CHECK(err.find("no regime") == std::string::npos);
  CHECK(err.find("smr: 1 error,") != std::string::npos);
}

TEST_CASE("an error on a huge line shows only the part around the caret", "[robust][render]") {
  std::string dir = temp_dir();
  std::string line = "rule r { when ";
  for (int i = 0; i < 1'000'000; ++i) line += "1 + ";
  line += "zz > 0; then censure to board; }\n";
  write_file(dir + "/long.smr", kRegime + line);
  std::string out, err;
  CHECK(run_smr("check " + dir + "/long.smr", &out, &err) == 1);
  CHECK(err.size() < 2000);
  CHECK(err.find("long.smr:3:4000015: error: unknown name 'zz'") != std::string::npos);
  CHECK(err.find("\n...1 + 1 + 1 + ") != std::string::npos);
  CHECK(err.find(" + 1 + zz > 0; then censure to board; }\n") != std::string::npos);
}
