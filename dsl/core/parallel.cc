#include "dsl/core/parallel.h"

#include <atomic>

namespace smr {

namespace {
std::atomic<int> injected_failures{0};
}  // namespace

void fail_next_thread_starts(int n) { injected_failures = n; }

bool take_injected_thread_failure() {
  int n = injected_failures.load(std::memory_order_relaxed);
  while (n > 0) {
    if (injected_failures.compare_exchange_weak(n, n - 1)) return true;
  }
  return false;
}

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace smr
