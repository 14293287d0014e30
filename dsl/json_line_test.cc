// The plain-form reader of streamed scenario lines against the full JSON
// reader: the same syntax tree, places included, on every line it accepts.
#include "dsl/json_line.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "dsl/json_reader.h"
#include "dsl/tree_dump_test.h"
#include "tests/random_picks.h"

using namespace smr;
using smr::testing::dump;

namespace {

// A line read by both readers; the trees view the line and the stores.
struct Both {
  SourceManager sources;
  ast::TextStore plain_store, full_store;
  std::optional<ast::Scenario> plain, full;
  std::string errors;
};

std::unique_ptr<Both> read_both(const std::string& line) {
  auto b = std::make_unique<Both>();
  uint32_t id = b->sources.add("s.jsonl", line, 1);
  Diagnostics diags;
  b->plain = json::read_plain_scenario(b->sources.text(id), id, b->plain_store);
  b->full = json::scenario_from_json(b->sources, id, diags, b->full_store);
  b->errors = b->sources.render_all(diags);
  return b;
}

// Random scenario lines: plain ones, and ones with every thing the plain
// reader leaves to the full one (escapes, decimals, null, -0, repeated and
// unknown keys, values of the wrong kind, odd spacing, trailing text).
class LineMaker : testing::RandomPicks {
 public:
  explicit LineMaker(uint32_t seed) : RandomPicks(seed) {}

  std::string line() {
    std::vector<std::string> members;
    if (chance(95))
      members.push_back(member(
          "name", pick({R"("s1")", R"("Scénario 7")", R"("")", R"("a\"b")", R"("x y")", "3"})));
    if (chance(30)) members.push_back(member("org", pick({R"("acme")", R"("o\u0041")", "true"})));
    if (chance(90)) {
      std::vector<std::string> breaches;
      for (int n = below(4); n > 0; --n) breaches.push_back(breach());
      members.push_back(member("breaches", "[" + join(breaches) + space() + "]"));
    }
    if (chance(25)) members.push_back(member("expect", expect()));
    if (chance(3)) members.push_back(member("nmae", R"("x")"));
    if (chance(3) && !members.empty()) members.push_back(members.front());
    shuffle(members.begin(), members.end());
    std::string out = space() + "{" + join(members) + space() + "}" + space();
    if (chance(2)) out += pick({"x", "{}", ","});
    return out;
  }

 private:
  std::string breach() {
    if (chance(3)) return pick({"3", "null", "[]"});
    std::vector<std::string> members;
    if (chance(97)) members.push_back(member("type", pick({R"("b")", R"("grooming")", "7"})));
    if (chance(97)) {
      members.push_back(member("date", pick({R"("2022-03-01")", R"("2022-13-40")", "20220301"})));
    }
    if (chance(70)) members.push_back(member("severity", value()));
    if (chance(50)) members.push_back(member("facts", facts()));
    if (chance(50)) {
      std::vector<std::string> persons;
      for (int n = below(3); n > 0; --n) {
        persons.push_back(member(pick({"ann", "bob", "c\\u00e9", "ann"}), facts()));
      }
      members.push_back(
          member("persons", chance(95) ? "{" + join(persons) + space() + "}" : std::string("[]")));
    }
    shuffle(members.begin(), members.end());
    return space() + "{" + join(members) + space() + "}";
  }

  std::string facts() {
    if (chance(3)) return pick({"[]", R"("x")", "1"});
    std::vector<std::string> members;
    for (int n = below(4); n > 0; --n) {
      members.push_back(
          member(pick({"loss", "users", "reasonable_steps", "rate", "loss"}), value()));
    }
    return "{" + join(members) + space() + "}";
  }

  std::string expect() {
    std::vector<std::string> members;
    for (int n = below(3); n > 0; --n) {
      std::vector<std::string> outcomes;
      for (int k = below(3); k > 0; --k) {
        outcomes.push_back(
            pick({R"("censure")", R"("fine 1000 GBP")", R"("fine 12.50 GBP")", R"("reprimand")",
                  R"("fine ")", R"("none")", R"("criminal")", R"("fine  10 GBP")", "5"}));
      }
      members.push_back(
          member(pick({"ann", "bob"}), chance(95) ? "[" + join(outcomes) + space() + "]" : "{}"));
    }
    return "{" + join(members) + space() + "}";
  }

  std::string value() {
    return pick({"3",
                 "0",
                 "-2",
                 "-0",
                 "007",
                 "123456789012345678",
                 "1234567890123456789",
                 "99999999999999999999999",
                 "3.5",
                 "1e3",
                 "true",
                 "false",
                 "null",
                 "tru",
                 R"("4")",
                 R"("1000 GBP")",
                 R"("1_000.50 GBP")",
                 R"("12.5%")",
                 R"("0.375")",
                 R"("2022-09-01")",
                 R"("30 days")",
                 R"("- 5")",
                 R"("")",
                 R"("abc")",
                 R"("5 \u0047BP")",
                 "[1]"});
  }

  std::string member(const std::string& key, const std::string& value) {
    return space() + "\"" + key + "\"" + space() + ":" + space() + value + space();
  }
  std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + parts[i];
    return out;
  }
  std::string space() { return chance(70) ? "" : pick({" ", "  ", "\t", "\r", " \n "}); }
};

}  // namespace

TEST_CASE("a plain scenario line is read directly, each place worked out by hand", "[json-line]") {
  std::string line =
      R"({"name": "s1", "breaches": [{"type": "b", "date": "2022-03-01", "severity": 4}]})";
  auto b = read_both(line);
  REQUIRE(b->plain);
  CHECK(dump(*b->plain) ==
        "scenario 's1'@9+4@0+80 org -\n"
        "breach 'b'@37+3 4:'2022-03-01'/''@50+12@28+50\n"
        "fact 'severity'@76+1=0:'4'/''@76+1@0+0\n");
  REQUIRE(b->full);
  CHECK(dump(*b->full) == dump(*b->plain));
}

TEST_CASE("a number's place ends at the number, whatever space follows", "[json-line]") {
  for (const char* after : {" ", "\t", "\r", "\n", ""}) {
    std::string line = std::string(R"({"name": "s", "breaches": [{"type": "b", "date": "d", )") +
                       R"("severity": 12)" + after + "}]}";
    auto b = read_both(line);
    REQUIRE(b->plain);
    REQUIRE(b->full);
    CHECK(dump(*b->full) == dump(*b->plain));
    CHECK(dump(*b->plain).find("'12'/''@66+2") != std::string::npos);
  }
}

TEST_CASE("the plain reader gives the full reader's tree on every line it accepts", "[json-line]") {
  LineMaker maker(20261130);
  int accepted = 0, full_only = 0, neither = 0;
  constexpr int kLines = 20'000;
  for (int i = 0; i < kLines; ++i) {
    std::string line = maker.line();
    auto b = read_both(line);
    if (b->plain) {
      ++accepted;
      INFO(line);
      REQUIRE(b->full);
      REQUIRE(b->errors.empty());
      REQUIRE(dump(*b->plain) == dump(*b->full));
    } else if (b->full) {
      ++full_only;
    } else {
      ++neither;
    }
  }
  // Both kinds of line are made often enough to test the comparison and the
  // hand-over; the plain form is most lines without their oddities.
  CHECK(accepted > kLines / 10);
  CHECK(full_only > kLines / 20);
  CHECK(neither > kLines / 10);
}

TEST_CASE("a line a thousand times the usual size is read in one pass; hostile ones are declined",
          "[json-line]") {
  // 20,000 breaches on one line (a scenario usually has one to three).
  std::string line = R"({"name": "big", "breaches": [)";
  constexpr int kBreaches = 20'000;
  for (int i = 0; i < kBreaches; ++i) {
    line += fmt::format(R"({}{{"type": "b{}", "date": "2022-03-01", "severity": {}}})",
                        i ? ", " : "", i, 1 + i % 5);
  }
  line += "]}";
  auto big = read_both(line);
  REQUIRE(big->plain);
  REQUIRE(big->full);
  CHECK(big->plain->items.size() == kBreaches);
  CHECK(dump(*big->plain) == dump(*big->full));

  // 300 people in one breach: past the keys compared with each other, so
  // the full reader (which hashes them) reads the line, with no error.
  std::string persons;
  for (int i = 0; i < 300; ++i) {
    persons += fmt::format(R"({}"p{}": {{"reasonable_steps": true}})", i ? ", " : "", i);
  }
  auto many = read_both(R"({"name": "m", "breaches": [{"type": "b", "date": "2022-03-01", )"
                        R"("severity": 2, "persons": {)" +
                        persons + "}}]}");
  CHECK_FALSE(many->plain);
  REQUIRE(many->full);
  CHECK(many->errors.empty());
  const auto& breach = boost::get<ast::ScenarioBreach>(many->full->items.at(0));
  CHECK(breach.items.size() == 301);  // severity and 300 person blocks

  // 100,000 nested arrays where a value belongs, a repeated key and an
  // unterminated string: declined at once, left to the full reader.
  ast::TextStore store;
  std::string deep =
      R"({"name": "d", "breaches": [{"type": "b", "date": "2022-03-01", "severity": )" +
      std::string(100'000, '[');
  CHECK_FALSE(json::read_plain_scenario(deep, 1, store));
  CHECK_FALSE(json::read_plain_scenario(R"({"name": "a", "name": "b"})", 1, store));
  CHECK_FALSE(json::read_plain_scenario(R"({"name": "a)", 1, store));
}
