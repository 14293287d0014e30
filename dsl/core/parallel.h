// An ordered parallel map: work items are produced on several threads and
// consumed in input order on the calling thread, with a bounded window so
// memory does not grow with the number of items.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace smr {

// The default for --jobs: every core.
int default_jobs();

// For tests: the next `n` thread starts fail as if the system refused them.
void fail_next_thread_starts(int n);
bool take_injected_thread_failure();

// Starts `fn` on a new thread added to `threads`; false when the system
// will not start one (the caller then does the work itself).
template <typename F>
bool try_start_thread(std::vector<std::thread>& threads, F&& fn) {
  if (take_injected_thread_failure()) return false;
  try {
    threads.emplace_back(std::forward<F>(fn));
    return true;
  } catch (const std::system_error&) {
    return false;
  }
}

// One chunk of results of ordered_parallel_map.
template <typename T>
struct ParallelSlot {
  std::vector<T> items;
  std::exception_ptr error;  // what `produce` threw, rethrown in order
  bool done = false;
};

// Calls `produce(i)` for i in [0, count) on `jobs` threads (in chunks of
// `chunk`) and `consume(std::move(result))` on the calling thread in order
// of i. With jobs <= 1 everything runs on the calling thread. `produce` must
// be safe to call concurrently; `consume` is never called concurrently.
template <typename T>
void ordered_parallel_map(size_t count, int jobs, size_t chunk,
                          const std::function<T(size_t)>& produce,
                          const std::function<void(T&&)>& consume) {
  if (jobs <= 1 || count <= chunk) {
    for (size_t i = 0; i < count; ++i) consume(produce(i));
    return;
  }
  size_t chunks = (count + chunk - 1) / chunk;
  size_t window = static_cast<size_t>(jobs) * 4;  // chunks in flight at most
  using Slot = ParallelSlot<T>;
  std::deque<Slot> slots;  // slots[k] is chunk `base + k`
  size_t base = 0, next = 0;
  std::mutex mu;
  std::condition_variable ready, room;
  auto worker = [&] {
    for (;;) {
      size_t c;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return next >= chunks || next < base + window; });
        if (next >= chunks) return;
        c = next++;
        if (slots.size() <= c - base) slots.resize(c - base + 1);
      }
      std::vector<T> items;
      std::exception_ptr error;
      size_t end = std::min(count, (c + 1) * chunk);
      try {
        items.reserve(end - c * chunk);
        for (size_t i = c * chunk; i < end; ++i) items.push_back(produce(i));
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard lock(mu);
        Slot& s = slots[c - base];
        s.items = std::move(items);
        s.error = error;
        s.done = true;
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) {
    if (!try_start_thread(threads, worker)) break;  // fewer threads: the others share the work
  }
  if (threads.empty()) {  // none at all: do it all here, in order
    for (size_t i = 0; i < count; ++i) consume(produce(i));
    return;
  }
  // An exception from `produce` or `consume` stops the workers, joins them
  // and goes on to the caller.
  auto stop_and_join = [&] {
    {
      std::lock_guard lock(mu);
      next = chunks;
    }
    room.notify_all();
    for (auto& t : threads) t.join();
  };
  try {
    for (size_t c = 0; c < chunks; ++c) {
      Slot slot;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return !slots.empty() && slots.front().done; });
        slot = std::move(slots.front());
        slots.pop_front();
        ++base;
      }
      room.notify_all();
      if (slot.error) std::rethrow_exception(slot.error);
      for (auto& item : slot.items) consume(std::move(item));
    }
  } catch (...) {
    stop_and_join();
    throw;
  }
  stop_and_join();
}

}  // namespace smr
