// The order of names by their bytes: against std::stable_sort on many
// kinds of name lists, and a hand-worked small one.
#include "dsl/core/name_order.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using smr::name_order;

namespace {

std::vector<uint32_t> reference(const std::vector<std::string_view>& names) {
  std::vector<uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
  return order;
}

// `prefix` followed by `n` (appended: GCC 12 warns, wrongly, of
// "literal" + std::string).
std::string numbered(std::string prefix, int n) { return prefix.append(std::to_string(n)); }

std::vector<uint32_t> order_of(const std::vector<std::string>& owned) {
  std::vector<std::string_view> names(owned.begin(), owned.end());
  return name_order(names);
}

}  // namespace

TEST_CASE("name order: by bytes, a duplicate after its first", "[name-order]") {
  CHECK(order_of({}).empty());
  CHECK(order_of({"b", "a", "c", "a"}) == std::vector<uint32_t>{1, 3, 0, 2});
  // Past the radix threshold: "p10" sorts before "p2", a shorter name
  // before its extensions, duplicates in list order.
  std::vector<std::string> names;
  for (int i = 0; i < 1000; ++i) names.push_back(numbered("p", i));
  names.push_back("p2");  // 1000: a second "p2"
  names.push_back("p");   // 1001: a prefix of all the others
  std::vector<uint32_t> order = order_of(names);
  REQUIRE(order.size() == names.size());
  CHECK(order[0] == 1001);  // "p"
  CHECK(order[1] == 0);     // "p0"
  CHECK(order[2] == 1);     // "p1"
  CHECK(order[3] == 10);    // "p10"
  auto two = std::find(order.begin(), order.end(), 2u);
  REQUIRE(two + 1 != order.end());
  CHECK(*(two + 1) == 1000);  // the second "p2" right after the first
}

TEST_CASE("name order equals a stable sort on many kinds of names", "[name-order]") {
  std::mt19937 rng(7);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  struct Kind {
    const char* what;
    std::function<std::string(int)> make;
  };
  std::vector<Kind> kinds = {
      {"short ids", [&](int) { return numbered("p", pick(5000)); }},
      {"a long shared prefix", [&](int) { return numbered("person_0000000", pick(100000)); }},
      {"equal in eight bytes past the prefix, then differing",
       [&](int) { return numbered("abxxxxxxxxxx", pick(300)); }},
      {"capitals, digits, '_', empty names",
       [&](int) {
         static const char kChars[] = "AZaz09_";
         std::string s;
         for (int k = pick(12); k > 0; --k) s += kChars[pick(7)];
         return s;
       }},
      {"NUL and high bytes",
       [&](int) {
         std::string s = "id";
         for (int k = pick(10); k > 0; --k)
           s += static_cast<char>(pick(3) == 0 ? 0 : 0x80 + pick(128));
         return s;
       }},
      {"one name breaking the shared prefix",
       [&](int i) { return i == 700 ? std::string("a") : numbered("zz_", pick(2000)); }},
  };
  for (const Kind& kind : kinds) {
    for (int size : {0, 1, 5, 255, 256, 257, 3000, 20000}) {
      std::vector<std::string> owned;
      for (int i = 0; i < size; ++i) owned.push_back(kind.make(i));
      std::vector<std::string_view> names(owned.begin(), owned.end());
      INFO(kind.what << ", " << size << " names");
      CHECK(name_order(names) == reference(names));
    }
  }
}
