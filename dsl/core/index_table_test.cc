// The index of a vector's items by name: found, absent, duplicates, growth.
#include "dsl/core/index_table.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using smr::IndexTable;

TEST_CASE("an index table finds items by name and refuses a second of a name", "[index-table]") {
  std::vector<std::string> names;
  auto name_of = [&](uint32_t i) -> std::string_view { return names[i]; };
  IndexTable table;
  CHECK(table.find("x", name_of) == -1);  // empty
  // Past several rehashes (16 slots at first, half full at most).
  for (int i = 0; i < 100'000; ++i) {
    names.push_back("p" + std::to_string(i));
    REQUIRE(table.insert(static_cast<uint32_t>(i), name_of) == -1);
  }
  CHECK(table.size() == 100'000);
  CHECK(table.find("p0", name_of) == 0);
  CHECK(table.find("p77777", name_of) == 77'777);
  CHECK(table.find("p99999", name_of) == 99'999);
  CHECK(table.find("p100000", name_of) == -1);
  CHECK(table.find("", name_of) == -1);
  // A second item named like the first: not added, the first's place given.
  names.push_back("p123");
  CHECK(table.insert(100'000, name_of) == 123);
  CHECK(table.size() == 100'000);
  CHECK(table.find("p123", name_of) == 123);
  table.clear();
  CHECK(table.find("p1", name_of) == -1);
}

TEST_CASE("an index table reserved up front holds its items without growing", "[index-table]") {
  std::vector<std::string> names = {"b", "a", "c", "a"};
  auto name_of = [&](uint32_t i) -> std::string_view { return names[i]; };
  IndexTable table;
  table.reserve(names.size(), name_of);
  CHECK(table.insert(0, name_of) == -1);
  CHECK(table.insert(1, name_of) == -1);
  CHECK(table.insert(2, name_of) == -1);
  CHECK(table.insert(3, name_of) == 1);
  CHECK(table.find("a", name_of) == 1);
  CHECK(table.find("c", name_of) == 2);
}
