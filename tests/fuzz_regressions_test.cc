// Every input a fuzzer once crashed on, replayed through the same target
// body: each must now run to the end (the sanitizer build checks memory).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/fuzz/targets.h"

namespace {

int replay_all(const std::string& folder, int (*target)(const uint8_t*, size_t)) {
  std::filesystem::path dir =
      std::filesystem::path(SMR_SOURCE_DIR) / "tests/fuzz/regressions" / folder;
  int n = 0;
  if (!std::filesystem::exists(dir)) return 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    INFO(entry.path().string());
    CHECK_NOTHROW(target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("saved fuzz inputs run to the end", "[fuzz]") {
  int n = replay_all("parse_check", smr::fuzz::parse_check_one) +
          replay_all("eval", smr::fuzz::eval_one) + replay_all("json", smr::fuzz::json_one);
  CHECK(n >= 1);
}
