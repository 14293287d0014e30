#include "dsl/core/name_order.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace smr {

namespace {

// Below this many names std::sort is as quick as the radix passes' setup.
constexpr size_t kRadixFrom = 256;

size_t shared_prefix(const std::vector<std::string_view>& names) {
  std::string_view first = names.front();
  size_t shared = first.size();
  for (std::string_view n : names) {
    size_t k = 0;
    size_t limit = std::min(shared, n.size());
    while (k < limit && n[k] == first[k]) ++k;
    shared = k;
    if (shared == 0) break;
  }
  return shared;
}

// Eight bytes of `name` from `at`, as a number that sorts as the bytes do
// (past its end, zero bytes, which sort first, as a shorter name does).
uint64_t key_at(std::string_view name, size_t at) {
  uint64_t key = 0;
  for (size_t i = at; i < at + 8; ++i) {
    key = (key << 8) | (i < name.size() ? static_cast<unsigned char>(name[i]) : 0u);
  }
  return key;
}

// `order` sorted by keys[order[i]], stably, a byte at a time from the
// lowest; bytes that are the same in every key are skipped.
void radix_sort(std::vector<uint32_t>& order, const std::vector<uint64_t>& keys) {
  uint64_t any = 0, all = ~uint64_t{0};
  for (uint64_t k : keys) {
    any |= k;
    all &= k;
  }
  std::vector<uint32_t> next(order.size());
  for (int shift = 0; shift < 64; shift += 8) {
    if ((((any ^ all) >> shift) & 0xFF) == 0) continue;
    std::array<uint32_t, 257> start{};
    for (uint32_t i : order) ++start[((keys[i] >> shift) & 0xFF) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    for (uint32_t i : order) next[start[(keys[i] >> shift) & 0xFF]++] = i;
    order.swap(next);
  }
}

}  // namespace

std::vector<uint32_t> name_order(const std::vector<std::string_view>& names) {
  std::vector<uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0u);
  auto by_name = [&](uint32_t a, uint32_t b) { return names[a] < names[b]; };
  if (names.size() < kRadixFrom) {
    std::stable_sort(order.begin(), order.end(), by_name);
    return order;
  }
  size_t at = shared_prefix(names);
  std::vector<uint64_t> keys(names.size());
  for (size_t i = 0; i < names.size(); ++i) keys[i] = key_at(names[i], at);
  radix_sort(order, keys);
  // Names equal in the eight bytes: ordered by the rest (stably: a run is
  // in position order already).
  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin + 1;
    while (end < order.size() && keys[order[end]] == keys[order[begin]]) ++end;
    if (end - begin > 1) std::stable_sort(order.begin() + begin, order.begin() + end, by_name);
    begin = end;
  }
  return order;
}

}  // namespace smr
