// Golden diagnostics: each folder of tests/golden holds an input.smr and
// the exact stderr of `smr check input.smr` run in that folder
// (expected.err), compared byte for byte. To re-bless after a deliberate
// change of wording, run the suite with SMR_BLESS=1 and review the diff:
//   SMR_BLESS=1 build/tests/smr_tests "[golden]" && git diff tests/golden
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support.h"

namespace fs = std::filesystem;

TEST_CASE("golden diagnostics match byte for byte", "[golden]") {
  bool bless = std::getenv("SMR_BLESS") != nullptr;
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SMR_SOURCE_DIR) / "tests/golden")) {
    if (!entry.is_directory()) continue;
    ++cases;
    fs::path dir = entry.path();
    std::string out, err;
    int code = smr::testing::run_smr("check input.smr", &out, &err, dir.string());
    fs::path expected = dir / "expected.err";
    if (bless) std::ofstream(expected, std::ios::binary) << err;
    INFO("case " << dir.filename().string() << " (re-bless with SMR_BLESS=1)");
    CHECK(err == smr::testing::read_file(expected.string()));
    CHECK(out.empty());
    CHECK(code == (err.find(": error: ") != std::string::npos ? 1 : 0));
  }
  CHECK(cases >= 7);
}
