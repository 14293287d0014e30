// The reports of `smr test` for CI systems: JUnit XML and rule coverage.
#pragma once

#include <string>
#include <vector>

#include "cli/workspace.h"
#include "engine/coverage.h"

namespace smr::cli {

// One scenario run by `smr test`.
struct TestCase {
  int scenario = -1;
  std::vector<std::string> differences;  // empty: passed
  bool errored = false;                  // evaluation failed
};

// One testsuite, one testcase per scenario; a failure (or an error, when the
// evaluation failed) carries the difference text.
std::string junit_xml(const Workspace& ws, const std::vector<TestCase>& cases);
bool write_junit(const Workspace& ws, const std::vector<TestCase>& cases, const std::string& path,
                 std::string* error);

// Every rule with the sanctions it produced (`never fired` on those with
// none), each `then` clause's sanctions, each `when` and `where` with how
// often it was true and false (`never false` / `never true` marked), each
// table row and default with its uses, the breach types no scenario
// exercises, and a last line counting the rules that never fired.
std::string coverage_report(const model::Model& m, const Coverage& c);
// The same as one JSON object, for tools (`smr test --coverage-json FILE`).
std::string coverage_json(const model::Model& m, const Coverage& c);

}  // namespace smr::cli
