// Maps and sets keyed by std::string that can be searched with a
// std::string_view (the syntax tree's names are views into the source), so
// that no lookup builds a string.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace smr {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::set<std::string, std::less<>>;

}  // namespace smr
