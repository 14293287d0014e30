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

// Work handed to the process's worker threads and waited for together.
// The threads are kept for the process's life, so that the memory a
// thread's allocator holds (a syntax tree freed once checked) is reused by
// the next phase's work instead of being left behind when a thread ends.
class TaskGroup {
 public:
  TaskGroup() = default;
  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;
  ~TaskGroup() { wait(); }
  // Runs `fn` on an idle worker (a new one when none is idle); false when
  // no thread can be had (the caller then does the work itself).
  bool start(std::function<void()> fn);
  // Returns once every started task has returned.
  void wait();

 private:
  std::mutex mu_;
  std::condition_variable done_;
  int running_ = 0;
};

// One chunk of results of ordered_parallel_map.
template <typename T>
struct ParallelSlot {
  std::vector<T> items;
  std::exception_ptr error;  // what `produce` threw, rethrown in order
  bool done = false;
  size_t weight = 0;  // ordered_parallel_stream: the chunk's inputs' weight
};

// How ordered_parallel_stream bounds its memory: a chunk ends at
// `chunk_items` inputs or once its inputs weigh `chunk_weight`; no chunk is
// read while those in flight weigh `max_weight` (unless none is in flight).
struct StreamLimits {
  size_t chunk_items = 64;
  size_t chunk_weight = size_t{1} << 20;
  size_t max_weight = size_t{32} << 20;
};

// The state ordered_parallel_stream shares between its threads.
template <typename In, typename T>
class OrderedStream {
 public:
  OrderedStream(int jobs, const StreamLimits& limits, const std::function<bool(In&)>& next,
                const std::function<size_t(const In&)>& weight,
                const std::function<T(In&)>& produce)
      : window_(static_cast<size_t>(jobs) * 4),
        limits_(limits),
        next_(next),
        weight_(weight),
        produce_(produce) {}

  // A worker's loop: take the next chunk, work it out, hand it over.
  void work() {
    for (;;) {
      {
        std::unique_lock lock(mu_);
        room_.wait(lock, [&] { return has_room(); });
        if (taken_ >= total_) return;
      }
      size_t c = 0;
      std::vector<In> inputs;
      ParallelSlot<T> done;
      if (!read_chunk(&c, &inputs, &done.error)) return;
      if (!done.error) produce_all(inputs, &done);
      {
        std::lock_guard lock(mu_);
        ParallelSlot<T>& s = slots_[c - base_];
        s.items = std::move(done.items);
        s.error = done.error;
        s.done = true;
      }
      ready_.notify_all();
    }
  }

  // The next finished chunk in order; false at the end.
  bool take(ParallelSlot<T>* slot) {
    {
      std::unique_lock lock(mu_);
      ready_.wait(lock,
                  [&] { return base_ >= total_ || (!slots_.empty() && slots_.front().done); });
      if (base_ >= total_) return false;
      *slot = std::move(slots_.front());
      slots_.pop_front();
      ++base_;
      in_flight_ -= slot->weight;
    }
    room_.notify_all();
    return true;
  }

  void stop() {
    {
      std::lock_guard lock(mu_);
      total_ = std::min(total_, taken_);
    }
    room_.notify_all();
  }

 private:
  void produce_all(std::vector<In>& inputs, ParallelSlot<T>* done) {
    try {
      done->items.reserve(inputs.size());
      for (In& in : inputs) done->items.push_back(produce_(in));
    } catch (...) {
      done->error = std::current_exception();
    }
  }

  bool has_room() const {
    return taken_ >= total_ ||
           (taken_ < base_ + window_ && (in_flight_ < limits_.max_weight || taken_ == base_));
  }

  // Takes a chunk's number and reads its inputs under one lock, so chunk c
  // holds the c-th run of inputs. False when the input had already ended;
  // what `next` threw ends the input and is the chunk's error.
  bool read_chunk(size_t* c, std::vector<In>* inputs, std::exception_ptr* error) {
    std::lock_guard read_lock(reading_);
    {
      std::lock_guard lock(mu_);
      if (taken_ >= total_) return false;
      *c = taken_++;
      if (slots_.size() <= *c - base_) slots_.resize(*c - base_ + 1);
    }
    size_t w = 0;
    In in;
    bool more = true;
    try {
      while (inputs->size() < limits_.chunk_items && w < limits_.chunk_weight &&
             (more = next_(in))) {
        w += weight_(in);
        inputs->push_back(std::move(in));
      }
    } catch (...) {
      *error = std::current_exception();
      more = false;
    }
    {
      std::lock_guard lock(mu_);
      in_flight_ += w;
      slots_[*c - base_].weight = w;
      if (!more) total_ = std::min(total_, inputs->empty() && !*error ? *c : *c + 1);
    }
    if (!more) {
      room_.notify_all();
      ready_.notify_all();
    }
    return true;
  }

  const size_t window_;
  const StreamLimits limits_;
  const std::function<bool(In&)>& next_;
  const std::function<size_t(const In&)>& weight_;
  const std::function<T(In&)>& produce_;
  std::deque<ParallelSlot<T>> slots_;  // slots_[k] is chunk `base_ + k`
  size_t base_ = 0, taken_ = 0;
  size_t total_ = SIZE_MAX;  // the number of chunks, once the input ended
  size_t in_flight_ = 0;     // the weight of chunks read and not yet taken
  std::mutex mu_, reading_;
  std::condition_variable ready_, room_;
};

// The same for a stream of unknown length: `next(item)` gives the next
// input (false at the end); it is called by one thread at a time, in order,
// so reading overlaps the work. `weight(item)` is its size for the limits.
template <typename In, typename T>
void ordered_parallel_stream(int jobs, const StreamLimits& limits,
                             const std::function<bool(In&)>& next,
                             const std::function<size_t(const In&)>& weight,
                             const std::function<T(In&)>& produce,
                             const std::function<void(T&&)>& consume) {
  auto serially = [&] {
    In in;
    while (next(in)) consume(produce(in));
  };
  if (jobs <= 1) return serially();
  OrderedStream<In, T> stream(jobs, limits, next, weight, produce);
  TaskGroup threads;
  int started = 0;
  for (int t = 0; t < jobs; ++t) {
    if (!threads.start([&stream] { stream.work(); })) break;
    ++started;
  }
  if (started == 0) return serially();
  auto stop_and_join = [&] {
    stream.stop();
    threads.wait();
  };
  try {
    ParallelSlot<T> slot;
    while (stream.take(&slot)) {
      if (slot.error) std::rethrow_exception(slot.error);
      for (auto& item : slot.items) consume(std::move(item));
    }
  } catch (...) {
    stop_and_join();
    throw;
  }
  stop_and_join();
}

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
  // A stream of the indices, limited by chunks only.
  size_t next = 0;
  StreamLimits limits{chunk, SIZE_MAX, SIZE_MAX};
  ordered_parallel_stream<size_t, T>(
      jobs, limits,
      [&](size_t& i) {
        if (next == count) return false;
        i = next++;
        return true;
      },
      [](const size_t&) { return size_t{0}; }, [&](size_t& i) { return produce(i); }, consume);
}

}  // namespace smr
