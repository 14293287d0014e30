// Hostile and careless input: each case ends in a clear diagnostic or a
// correct result, never a crash, a hang or a silent wrong answer.
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
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

TEST_CASE("a failed write to stdout or stderr ends in exit 2", "[robust][io]") {
  // The smr binary run directly, with its own redirections.
  auto exit_code = [](const std::string& args) {
    int status = std::system(fmt::format("{} {} </dev/null", SMR_BINARY, args).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  };
  std::string example = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
  std::string dir = temp_dir();
  CHECK(exit_code("eval " + example + " >/dev/full 2>" + dir + "/err") == 2);
  std::ifstream in(dir + "/err");
  std::string message;
  std::getline(in, message);
  CHECK(message == "smr: cannot write the output: No space left on device");
  write_file(dir + "/bad.smr", "regime \"R\" { }\n");
  CHECK(exit_code("check " + dir + "/bad.smr 2>/dev/full") == 2);
  CHECK(exit_code("check " + dir + "/bad.smr 2>&-") == 2);
  CHECK(exit_code("check " + dir + "/bad.smr 2>/dev/null") == 1);
}

TEST_CASE("--junit never overwrites a file of the model", "[robust][io]") {
  std::string dir = temp_dir();
  std::string model = dir + "/m.smr";
  write_file(model, "regime \"R\" { currency GBP; }\n");
  std::string out, err;
  CHECK(run_smr("test " + model + " --junit " + dir + "/../" + dir.substr(5) + "/m.smr", &out,
                &err) == 2);
  CHECK(err.find("would overwrite a file of the model") != std::string::npos);
  std::ifstream in(model);
  std::string first;
  std::getline(in, first);
  CHECK(first == "regime \"R\" { currency GBP; }");
}

TEST_CASE("numbers that cannot be held exactly and negative incomes are errors",
          "[robust][values]") {
  std::string dir = temp_dir();
  write_file(dir + "/v.smr", kRegime +
                                 "fact a: percent = 12.34567%;\nfact b: decimal = 0.1234567;\n"
                                 "fact c: percent = 12.3456%;\nfact d: decimal = 0.123456;\n"
                                 "org o { person p { relevant_income -5 GBP; } }\n");
  std::string out, err;
  CHECK(run_smr("check " + dir + "/v.smr", &out, &err) == 1);
  CHECK(err.find("v.smr:3:19: error: '12.34567%' has more than 4 decimal places") !=
        std::string::npos);
  CHECK(err.find("v.smr:4:19: error: '0.1234567' has more than 6 decimal places") !=
        std::string::npos);
  CHECK(err.find("v.smr:7:36: error: relevant_income cannot be negative") != std::string::npos);
  CHECK(err.find("smr: 3 errors") != std::string::npos);
}

TEST_CASE("JSON: duplicate keys, ids that are not ids, control characters", "[robust][json]") {
  std::string rules = std::string(SMR_SOURCE_DIR) + "/tests/data/json/rules.smr";
  std::string dir = temp_dir();
  write_file(dir + "/dup.json", R"({"id": "acme", "persons": [{"id": "ok", "id": "dup"}]})");
  std::string out, err;
  CHECK(run_smr("check " + rules + " --org-json " + dir + "/dup.json", &out, &err) == 1);
  CHECK(err.find("dup.json:1:41: error: duplicate key 'id'") != std::string::npos);
  // Past 16 keys an object's keys are hashed: a duplicate is still found.
  std::string wide = R"({"id": "acme", "persons": [], )";
  for (int k = 0; k < 30; ++k) wide += "\"k" + std::to_string(k) + "\": 1, ";
  wide += R"("k3": 2})";
  write_file(dir + "/wide.json", wide);
  CHECK(run_smr("check " + rules + " --org-json " + dir + "/wide.json", &out, &err) == 1);
  CHECK(err.find("duplicate key 'k3'") != std::string::npos);
  CHECK(err.find("duplicate key 'k2") == std::string::npos);
  // A key written with an escape is the same key.
  write_file(dir + "/escaped.json", R"({"id": "acme", "persons": [], "\u0069d": "x"})");
  CHECK(run_smr("check " + rules + " --org-json " + dir + "/escaped.json", &out, &err) == 1);
  CHECK(err.find("duplicate key 'id'") != std::string::npos);
  write_file(
      dir + "/ids.json",
      R"({"id": "acme", "persons": [{"id": "a b"}, {"id": ""}, {"id": "x\u0001y"}, {"id": "board"}]})");
  CHECK(run_smr("check " + rules + " --org-json " + dir + "/ids.json", &out, &err) == 1);
  CHECK(err.find("$.persons[0].id: 'a b' is not an id") != std::string::npos);
  CHECK(err.find("$.persons[1].id: '' is not an id") != std::string::npos);
  CHECK(err.find("$.persons[2].id: 'x\\x01y' is not an id") != std::string::npos);
  CHECK(err.find("$.persons[3].id: 'board' is not an id") != std::string::npos);
  CHECK(err.find('\x01') == std::string::npos);
}

TEST_CASE("names with control characters reach no output raw", "[robust][render]") {
  std::string dir = temp_dir();
  write_file(dir + "/n.smr",
             kRegime +
                 "responsibility a \"A\";\nbreach b { area a; }\n"
                 "rule r { then censure to accountable; }\n"
                 "org o { person p \"Evil\\tname\\n\" { holds F; responsible_for a; } }\n"
                 "scenario \"s\\n\" { breach b on 2022-01-01 { severity 1; } }\n");
  std::string out, err;
  CHECK(run_smr("eval " + dir + "/n.smr", &out, &err) == 0);
  CHECK(out.find("Evil\\x09name\\x0A") != std::string::npos);
  CHECK(out.find("scenario \"s\\x0A\"") != std::string::npos);
  CHECK(run_smr("graph " + dir + "/n.smr --date 2022-01-01", &out, &err) == 0);
  CHECK(out.find('\t') == std::string::npos);
}

TEST_CASE("an HR export of 100,000 persons checks in linear time", "[robust][json][stress]") {
  std::string dir = temp_dir();
  std::string json = R"({"id": "big", "persons": [{"id": "ceo", "holds": ["SMF1"]})";
  for (int i = 1; i < 100'000; ++i) {
    json += fmt::format(
        R"(, {{"id": "p{}", "reports_to": ["{}"], "holds": [{{"function": "SMF24", "from": )"
        R"("2020-01-01"}}]}})",
        i, i / 4 ? fmt::format("p{}", i / 4) : "ceo");
  }
  json += "]}";
  write_file(dir + "/big.json", json);
  std::string out, err;
  CHECK(run_smr("check " + std::string(SMR_SOURCE_DIR) + "/tests/data/json/rules.smr --org-json " +
                    dir + "/big.json",
                &out, &err) == 0);
}

TEST_CASE("a 500,000-term 'or' and '+' evaluate; a deep mixed chain is refused",
          "[robust][stress]") {
  std::string text =
      "regime \"R\" { currency GBP; }\nfunction F \"f\";\nresponsibility a \"A\";\n"
      "breach b { area a; }\nfact x: int = 0;\nrule r { when x == 1";
  for (int i = 1; i < 500'000; ++i) text += fmt::format(" or x == {}", i % 7 + 1);
  text += "; then censure to accountable; }\nrule s { when x";
  for (int i = 1; i < 500'000; ++i) text += " + x";
  text +=
      " == 1500000; then disqualification to accountable; }\n"
      "org o { person p { holds F; responsible_for a; } }\n"
      "scenario \"t\" { breach b on 2022-01-01 { severity 1; x 3; } expect p: censure, "
      "disqualification; }\n";
  std::string dir = temp_dir();
  write_file(dir + "/big.smr", text);
  std::string out, err;
  CHECK(run_smr("test " + dir + "/big.smr", &out, &err) == 0);
  CHECK(out == "PASS t\n1 passed, 0 failed\n");
  std::string mixed = "regime \"R\" { currency GBP; }\nfact x: int = 0;\nrule r { when x";
  for (int i = 0; i < 100'000; ++i) mixed += i % 2 ? " + x" : " - x";
  write_file(dir + "/mixed.smr", mixed + " > 0; then censure to board; }\n");
  CHECK(run_smr("check " + dir + "/mixed.smr", &out, &err) == 1);
  CHECK(
      err.find("mixed.smr:3:15: error: a 'when' condition nests more than 1000 operations deep") !=
      std::string::npos);
}

TEST_CASE("a JSON Lines scenario naming 8,000 unknown persons gets a bounded report",
          "[robust][json][stress]") {
  std::string persons;
  for (int i = 0; i < 8000; ++i) persons += fmt::format("{}\"ghost{}\": {{}}", i ? ", " : "", i);
  std::string line =
      R"({"name": "s", "breaches": [{"type": "grooming", "date": "2022-03-01", "severity": 3, )"
      R"("persons": {)" +
      persons + "}}]}\n";
  std::string dir = temp_dir();
  write_file(dir + "/ghosts.jsonl", line + line);
  std::string example = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
  std::string out, err;
  CHECK(run_smr("eval " + example + " --scenarios-jsonl " + dir + "/ghosts.jsonl", &out, &err) ==
        1);
  CHECK(out.empty());
  CHECK(err.find("ghosts.jsonl:1:") != std::string::npos);
  CHECK(err.find("ghosts.jsonl:2:") != std::string::npos);
  CHECK(err.find("smr: 7980 more errors on this line not shown\n") != std::string::npos);
  CHECK(err.size() < 40'000);
  CHECK(run_smr("eval " + example + " --scenarios-jsonl /dev/zero", &out, &err) == 2);
  CHECK(err == "smr: cannot read /dev/zero: is not a regular file or a pipe\n");
}

namespace {
const std::string kTeachModel =
    "regime \"R\" { currency GBP; }\nfunction CEO \"CEO\";\nresponsibility a \"A\";\n"
    "breach x { area a; }\nperson_fact cooperated: bool = false;\n"
    "org o { person kwok { holds CEO; responsible_for a; } person lau { holds CEO; } person ho { } "
    "}\n";

// The first diagnostic `smr check` gives for the model with `line` added.
std::string first_error(const std::string& line) {
  std::string dir = temp_dir();
  write_file(dir + "/t.smr", kTeachModel + line + "\n");
  std::string out, err;
  run_smr("check " + dir + "/t.smr", &out, &err);
  return err.substr(0, err.find('\n'));
}
}  // namespace

TEST_CASE("a new user's mistakes get messages that teach, never C++ type names",
          "[robust][teach]") {
  struct Case {
    std::string line, expected;
  };
  const Case cases[] = {
      {"scenario \"s\" { breach x on 2024-05-01 { severity 2; } expect kwok: disqualified; }",
       "7:68: error: expected an outcome (none, censure, fine AMOUNT, disqualification or "
       "criminal), found "
       "'disqualified'; smr calls this 'disqualification'"},
      {"scenario \"s\" { breach x on 2024-05-01 { severity 2; } expect lau: reprimand; }",
       "7:67: error: expected an outcome (none, censure, fine AMOUNT, disqualification or "
       "criminal), found "
       "'reprimand'; smr calls this 'censure'"},
      {"scenario \"s\" { breach x on 1 June 2024 { severity 2; } }",
       "7:28: error: expected a date written YYYY-MM-DD (such as 2024-06-01), found '1'"},
      {"scenario \"s\" { breach x on 2024/05/01 { severity 2; } }",
       "7:28: error: expected a date written YYYY-MM-DD (such as 2024-06-01), found '2024'"},
      {"scenario \"s\" { breach x on 01-01-2020 { severity 2; } }",
       "7:28: error: expected a date written YYYY-MM-DD (such as 2024-06-01), found '01'"},
      {"scenario \"s\" { breach x on 2022-01-01x { severity 2; } }",
       "7:28: error: expected a date written YYYY-MM-DD (such as 2024-06-01), found '2022'"},
      {"scenario \"s\" { breach x on 2024-05-01 { severity 2; person ho cooperated true; } }",
       "7:63: error: expected '{', found 'cooperated'; person facts go in a block: person ho { "
       "cooperated ...; }"},
      {"rule r { then censure to managers(-1); }",
       "7:35: error: expected a number of levels, as in managers(2), or a function, as in "
       "holders(SMF1), "
       "found '-'"},
      {"rule r { then censure to holders(); }",
       "7:34: error: expected a number of levels, as in managers(2), or a function, as in "
       "holders(SMF1), "
       "found ')'"},
      {"rule r { when severity = 5; then censure to accountable; }",
       "7:24: error: expected ';', found '='; '=' is not used here: compare with '==', and give a "
       "value as "
       "'severity 5;'"},
      {"scenario \"s\" { breach x on 2024-05-01 { severity = 5; } }",
       "7:41: error: expected a fact value or a person block, found 'severity'; '=' is not used "
       "here: write "
       "'NAME VALUE;', as in 'severity 5;'"},
      {"rule r { when severity > 2 && severity < 5; then censure to accountable; }",
       "7:28: error: expected ';', found '&'; write 'and' instead of '&&'"},
      {"rule r { when severity > 2 || severity < 5; then censure to accountable; }",
       "7:28: error: expected ';', found '|'; write 'or' instead of '||'"},
      {"rule r { when severity > 2; then reprimand to accountable; }",
       "7:34: error: expected sanction, found 'reprimand'; smr calls this 'censure'"},
      {"fact loss: money = 700_000 hkd;",
       "7:28: error: expected ';', found 'hkd'; money is written AMOUNT CODE with the code in "
       "capitals: 700_000 HKD"},
      {"fact loss: money = HK$700,000;",
       "7:20: error: expected value, found 'HK'; money is written AMOUNT CODE, such as 700_000 "
       "HKD"},
      {"rule r { when date > 99999; then censure to accountable; }",
       "7:15: error: a date cannot be compared with the number 99999: write dates as YYYY-MM-DD, "
       "with years "
       "1000 to 9999"},
      {"rule r { then censure to acountable; }",
       "7:26: error: expected a selector (accountable, delegates, managers, holders, board or "
       "involved), "
       "found "
       "'acountable'; did you mean 'accountable'?"},
      {"org p { person a { holds Ceo; } }",
       "7:26: error: unknown function 'Ceo'; did you mean 'CEO'?"},
      {"scenario \"s\" { breach x on 2024-05-01 { severity 2; } expect kowk: none; }",
       "7:62: error: unknown person 'kowk' in org 'o'; did you mean 'kwok'?"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    std::string got = first_error(c.line);
    CHECK(got.substr(got.find(".smr:") + 5) == c.expected);
  }
}

TEST_CASE("no syntax error of a broken-input corpus names a C++ type", "[robust][teach]") {
  const char* fragments[] = {"regime",
                             "{",
                             "}",
                             ";",
                             "rule r {",
                             "then",
                             "fine",
                             "to",
                             "managers(",
                             ")",
                             "of",
                             "when",
                             "severity",
                             ">=",
                             "3",
                             "org o {",
                             "person p {",
                             "holds",
                             "from",
                             "2022-01-01",
                             "scenario \"s\" {",
                             "breach x on",
                             "expect p:",
                             ",",
                             "table t: int -> percent {",
                             "1:",
                             "10%",
                             "default",
                             "if",
                             "else",
                             "(",
                             "import",
                             "\"x\"",
                             "fact f:",
                             "money",
                             "=",
                             "250 GBP",
                             "not",
                             "-",
                             "*"};
  std::string dir = temp_dir();
  std::string out, err;
  unsigned seed = 7;
  for (int file = 0; file < 40; ++file) {
    std::string text = kTeachModel;
    for (int k = 0; k < 30; ++k) {
      seed = seed * 1103515245u + 12345u;
      text += fragments[(seed >> 16) % (sizeof fragments / sizeof *fragments)];
      text += ' ';
    }
    write_file(dir + "/b.smr", text);
    run_smr("check " + dir + "/b.smr", &out, &err);
    INFO(text);
    CHECK(err.find("boost") == std::string::npos);
    CHECK(err.find("N3smr") == std::string::npos);
    CHECK(err.find("x3::") == std::string::npos);
  }
}

TEST_CASE("one mistake gives one error: no cascades", "[robust][teach]") {
  std::string dir = temp_dir();
  // A missing ';' after a function: its uses are not reported again.
  write_file(dir + "/semi.smr",
             "regime \"R\" { currency GBP; }\nfunction CEO \"CEO\"\nresponsibility a \"A\";\n"
             "breach x { area a; }\norg o { person p { holds CEO; responsible_for a; } }\n");
  std::string out, err;
  CHECK(run_smr("check " + dir + "/semi.smr", &out, &err) == 1);
  CHECK(err.find("semi.smr:3:1: error: expected ';', found 'responsibility'") != std::string::npos);
  CHECK(err.find("smr: 1 error,") != std::string::npos);
  // A missing '}' after one person: the others and the org are still read.
  write_file(
      dir + "/org.smr",
      "regime \"R\" { currency GBP; }\nfunction CEO \"CEO\";\nresponsibility a \"A\";\n"
      "breach x { area a; }\norg o {\n  person p { holds CEO; responsible_for a;\n"
      "  person q { holds CEO; reports_to p; }\n  person r { holds CEO; reports_to q; }\n}\n");
  write_file(dir + "/sc.smr",
             "scenario \"s\" in o { breach x on 2022-01-01 { severity 2; } expect p: none; expect "
             "r: none; }\n");
  CHECK(run_smr("check " + dir + "/org.smr " + dir + "/sc.smr", &out, &err) == 1);
  CHECK(err.find("org.smr:7:3: error: expected '}' to close the person's block, found 'person'") !=
        std::string::npos);
  CHECK(err.find("smr: 1 error,") != std::string::npos);
  // A broken 'then' gives no "no then clause" warning.
  write_file(dir + "/then.smr",
             "regime \"R\" { currency GBP; }\nrule r { then reprimand to board; }\n");
  CHECK(run_smr("check " + dir + "/then.smr", &out, &err) == 1);
  CHECK(err.find("no 'then' clause") == std::string::npos);
}

TEST_CASE("a vacancy that falls to the fallback function is a note; check ends with a summary",
          "[robust][teach]") {
  std::string dir = temp_dir();
  write_file(dir + "/v.smr",
             "regime \"R\" { currency GBP; unallocated falls_to CEO; }\nfunction CEO \"CEO\";\n"
             "responsibility a \"A\" prescribed;\n"
             "org o {\n  person ann { holds CEO from 2020-01-01; }\n"
             "  person bob { holds CEO from 2020-01-01; responsible_for a from 2021-01-01; }\n}\n");
  std::string out, err;
  CHECK(run_smr("check " + dir + "/v.smr", &out, &err) == 0);
  CHECK(err.find("v.smr:4:5: note: prescribed responsibility 'a' is unallocated in org 'o' from "
                 "2020-01-01 "
                 "until 2021-01-01 and falls to CEO (ann, bob)") != std::string::npos);
  CHECK(err.find("\nok: 1 file, 0 rules, 1 org, 0 scenarios, 0 warnings\n") != std::string::npos);
  CHECK(run_smr("eval " + dir + "/v.smr", &out, &err) == 0);
  CHECK(err.empty());  // notes and warnings are for `smr check`
}

TEST_CASE("a misspelt command or scenario name gets the closest one", "[robust][teach]") {
  std::string out, err;
  CHECK(run_smr("chek x.smr", &out, &err) == 2);
  CHECK(err ==
        "smr: unknown command 'chek'; did you mean 'check'?\n"
        "commands: check, eval, test, diff, explore, sweep, report, fmt, lsp, graph (smr COMMAND "
        "--help for each)\n");
  std::string example = std::string(SMR_SOURCE_DIR) + "/rulesets/example/example.smr";
  CHECK(run_smr("eval " + example + " --scenario \"repeated grooming failures\"", &out, &err) == 2);
  CHECK(err.find("did you mean \"Repeated grooming failures\"?") != std::string::npos);
}

TEST_CASE("10,000 unknown names and a 50,000-character name check in linear time",
          "[robust][stress]") {
  std::string text = "regime \"R\" { currency GBP; }\nfunction F \"f\";\norg o {\n";
  for (int i = 0; i < 10'000; ++i)
    text += fmt::format("  person p{:05} {{ reports_to q{:05}; }}\n", i, i);
  text += "}\nfact " + std::string(49'999, 'y') + "z: int = 0;\n";
  text += "rule r { when " + std::string(50'000, 'y') + " > 0; then censure to board; }\n";
  std::string dir = temp_dir();
  write_file(dir + "/u.smr", text);
  std::string out, err;
  CHECK(run_smr("check " + dir + "/u.smr", &out, &err) == 1);
  CHECK(err.find("u.smr:4:30: error: unknown person 'q00000' in org 'o'; did you mean 'p00000'?") !=
        std::string::npos);
  CHECK(err.find("smr: 9801 more diagnostics not shown\nsmr: 10001 errors, 0 warnings\n") !=
        std::string::npos);
}

TEST_CASE("explanations show each sanction's rule title and citations", "[explain][v2]") {
  std::string dir = temp_dir();
  write_file(dir + "/c.smr",
             "regime \"R\" { currency GBP; }\nfunction F \"f\";\nresponsibility a \"A\";\nbreach b "
             "{ area a; }\n"
             "rule r \"Duty of responsibility\" { cite \"FSMA 2000 s66A(5)\"; cite \"DEPP 6.2\"; "
             "then censure to accountable; }\n"
             "org o { person p { holds F; responsible_for a; } }\n"
             "scenario \"s\" { breach b on 2024-01-01 { severity 2; } }\n");
  std::string out, err;
  CHECK(run_smr("eval --explain " + dir + "/c.smr", &out, &err) == 0);
  CHECK(out.find("      censure by rule r for breach 'b' on 2024-01-01\n"
                 "        rule: Duty of responsibility — FSMA 2000 s66A(5); DEPP 6.2\n") !=
        std::string::npos);
  CHECK(run_smr("eval --explain --format json " + dir + "/c.smr", &out, &err) == 0);
  CHECK(
      out.find(
          R"x("rule":"r","title":"Duty of responsibility","citations":["FSMA 2000 s66A(5)","DEPP 6.2"])x") !=
      std::string::npos);
}
