#include "dsl/core/parallel.h"

#include <pthread.h>

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

namespace {

// Threads kept for the process's life, each running one task at a time.
// Never destroyed: idle workers simply wait when the process ends.
class WorkerPool {
 public:
  static WorkerPool& instance() {
    static bool created = [] {
      current = new WorkerPool();
      // A forked child has none of the parent's threads: it starts afresh
      // (the parent's pool, whose mutex a thread may have held, is left).
      pthread_atfork(nullptr, nullptr, [] { current = new WorkerPool(); });
      return true;
    }();
    (void)created;
    return *current;
  }
  bool run(std::function<void()> task) {
    std::lock_guard lock(mu_);
    if (idle_ == 0) {
      try {
        std::thread(&WorkerPool::serve, this).detach();
      } catch (const std::system_error&) {
        return false;
      }
      ++idle_;
    }
    --idle_;
    tasks_.push_back(std::move(task));
    wake_.notify_one();
    return true;
  }

 private:
  void serve() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mu_);
        wake_.wait(lock, [&] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
      std::lock_guard lock(mu_);
      ++idle_;
    }
  }

  static inline WorkerPool* current = nullptr;

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  int idle_ = 0;  // workers waiting for a task, less those already promised one
};

}  // namespace

bool TaskGroup::start(std::function<void()> fn) {
  if (take_injected_thread_failure()) return false;
  {
    std::lock_guard lock(mu_);
    ++running_;
  }
  bool ok = WorkerPool::instance().run([this, fn = std::move(fn)] {
    fn();
    std::lock_guard lock(mu_);
    if (--running_ == 0) done_.notify_all();
  });
  if (!ok) {
    std::lock_guard lock(mu_);
    --running_;
  }
  return ok;
}

void TaskGroup::wait() {
  std::unique_lock lock(mu_);
  done_.wait(lock, [&] { return running_ == 0; });
}

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace smr
