// The ordered parallel map and stream: results in input order whatever the
// threads do, the work still done when no thread can be started; and the
// worker threads they share.
#include "dsl/core/parallel.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <latch>
#include <mutex>
#include <set>
#include <string>
#include <vector>

TEST_CASE("the parallel map keeps input order on any number of threads", "[parallel]") {
  for (int jobs : {1, 2, 4}) {
    std::vector<size_t> got;
    smr::ordered_parallel_map<size_t>(
        10'000, jobs, 16, [](size_t i) { return i * i; }, [&](size_t&& v) { got.push_back(v); });
    REQUIRE(got.size() == 10'000);
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == i * i);
  }
}

TEST_CASE("when threads cannot be started the work is done anyway, in order", "[parallel]") {
  for (int failures : {1, 3, 100}) {
    smr::fail_next_thread_starts(failures);
    std::vector<size_t> got;
    smr::ordered_parallel_map<size_t>(
        5'000, 3, 16, [](size_t i) { return i + 1; }, [&](size_t&& v) { got.push_back(v); });
    REQUIRE(got.size() == 5'000);
    CHECK(got.front() == 1);
    CHECK(got.back() == 5'000);
    smr::fail_next_thread_starts(0);
  }
}

TEST_CASE("an exception in produce reaches the caller after the threads stop", "[parallel]") {
  auto run = [] {
    smr::ordered_parallel_map<int>(
        10'000, 2, 16,
        [](size_t i) {
          if (i == 5'000) throw std::runtime_error("boom");
          return static_cast<int>(i);
        },
        [](int&&) {});
  };
  CHECK_THROWS_WITH(run(), "boom");
}

namespace {

// Runs the stream over the numbers 0..n-1, each weighing `weight`, and
// returns what `consume` saw; `peak` gets the most inputs read and not yet
// consumed at any time.
std::vector<size_t> stream_numbers(size_t n, int jobs, const smr::StreamLimits& limits,
                                   size_t weight = 1, size_t* peak = nullptr) {
  size_t read = 0;
  std::atomic<size_t> consumed{0}, most{0};
  std::vector<size_t> got;
  smr::ordered_parallel_stream<size_t, size_t>(
      jobs, limits,
      [&](size_t& in) {
        if (read == n) return false;
        in = read++;
        size_t ahead = read - consumed.load();
        if (ahead > most) most = ahead;
        return true;
      },
      [&](const size_t&) { return weight; }, [](size_t& in) { return in * 3; },
      [&](size_t&& v) {
        got.push_back(v);
        ++consumed;
      });
  if (peak) *peak = most;
  return got;
}

}  // namespace

TEST_CASE("the parallel stream keeps input order, whatever its length", "[parallel]") {
  for (int jobs : {1, 2, 4}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, size_t{10'000}}) {
      auto got = stream_numbers(n, jobs, smr::StreamLimits{});
      REQUIRE(got.size() == n);
      for (size_t i = 0; i < n; ++i) CHECK(got[i] == 3 * i);
    }
  }
}

TEST_CASE("the parallel stream holds a bounded number of inputs", "[parallel]") {
  // Chunks of at most 10 inputs, at most 4 weight units (inputs) in a chunk,
  // and no new chunk while 20 units are in flight: at most about 20 + one
  // chunk per thread are ever read ahead of what was consumed.
  size_t peak = 0;
  smr::StreamLimits limits{10, 4, 20};
  auto got = stream_numbers(100'000, 2, limits, 1, &peak);
  REQUIRE(got.size() == 100'000);
  CHECK(peak <= 20 + 2 * 4 + 4);
  // Inputs heavier than a chunk's limit go one to a chunk; still in order.
  got = stream_numbers(1'000, 2, limits, 1'000, &peak);
  REQUIRE(got.size() == 1'000);
  CHECK(got.back() == 3 * 999);
  CHECK(peak <= 4);
}

TEST_CASE("the parallel stream works without threads and passes exceptions on", "[parallel]") {
  smr::fail_next_thread_starts(100);
  auto got = stream_numbers(5'000, 3, smr::StreamLimits{});
  smr::fail_next_thread_starts(0);
  REQUIRE(got.size() == 5'000);
  CHECK(got.back() == 3 * 4'999);
  auto run = [] {
    size_t read = 0;
    smr::ordered_parallel_stream<size_t, size_t>(
        2, smr::StreamLimits{},
        [&](size_t& in) {
          in = read++;
          return read <= 10'000;
        },
        [](const size_t&) { return size_t{1}; },
        [](size_t& in) {
          if (in == 5'000) throw std::runtime_error("boom");
          return in;
        },
        [](size_t&&) {});
  };
  CHECK_THROWS_WITH(run(), "boom");
}

TEST_CASE("task groups run on threads kept from one group to the next", "[parallel]") {
  std::mutex mu;
  std::set<std::thread::id> first, second;
  auto run = [&](std::set<std::thread::id>& ids) {
    smr::TaskGroup group;
    std::latch both(2);  // two tasks at once: two threads
    for (int k = 0; k < 2; ++k) {
      REQUIRE(group.start([&] {
        both.arrive_and_wait();
        std::lock_guard lock(mu);
        ids.insert(std::this_thread::get_id());
      }));
    }
    group.wait();
  };
  auto threads = [] {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator("/proc/self/task"))
      n += !e.path().empty();
    return n;
  };
  run(first);
  size_t after_first = threads();
  for (int i = 0; i < 20; ++i) run(second);
  CHECK(first.size() == 2);
  CHECK(second.size() >= 2);
  CHECK(threads() == after_first);  // no thread started for the later groups
  CHECK(first.count(std::this_thread::get_id()) == 0);
}

TEST_CASE("the pool grows to as many tasks as wait for each other", "[parallel]") {
  smr::TaskGroup group;
  std::latch all(8);
  std::atomic<int> done{0};
  for (int k = 0; k < 8; ++k) {
    REQUIRE(group.start([&] {
      all.arrive_and_wait();
      ++done;
    }));
  }
  group.wait();
  CHECK(done == 8);
}

TEST_CASE("a forked child has workers of its own", "[parallel]") {
  std::vector<size_t> warm;
  smr::ordered_parallel_map<size_t>(
      1'000, 2, 16, [](size_t i) { return i; }, [&](size_t&& v) { warm.push_back(v); });
  pid_t pid = fork();
  if (pid == 0) {
    alarm(20);  // a child stuck waiting for the parent's threads dies
    size_t sum = 0;
    smr::ordered_parallel_map<size_t>(
        10'000, 2, 16, [](size_t i) { return i; }, [&](size_t&& v) { sum += v; });
    _exit(sum == 49'995'000 ? 0 : 1);
  }
  REQUIRE(pid > 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("what the stream's reader throws reaches the caller, in order", "[parallel]") {
  auto run = [](int jobs) {
    size_t read = 0;
    std::vector<size_t> got;
    try {
      smr::ordered_parallel_stream<size_t, size_t>(
          jobs, smr::StreamLimits{},
          [&](size_t& in) {
            if (read == 3'000) throw std::runtime_error("unreadable");
            in = read++;
            return true;
          },
          [](const size_t&) { return size_t{1}; }, [](size_t& in) { return in; },
          [&](size_t&& v) { got.push_back(v); });
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()) == "unreadable");
      for (size_t i = 0; i < got.size(); ++i) REQUIRE(got[i] == i);
      return true;
    }
    return false;
  };
  CHECK(run(1));
  CHECK(run(2));
}
