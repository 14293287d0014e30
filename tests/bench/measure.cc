#include "tests/bench/measure.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

namespace smr::bench {

namespace {

using Clock = std::chrono::steady_clock;
const Clock::time_point kStart = Clock::now();

}  // namespace

namespace {

// Commands run from a small process forked before the benchmark grows: a
// child inherits its parent's peak memory as its own starting figure, so
// forking smr from the benchmark (hundreds of MB) would report that.
class Spawner {
 public:
  static Spawner& get() {
    static Spawner s;
    return s;
  }
  Run run(const std::string& script, int expected_exit) {
    uint32_t n = static_cast<uint32_t>(script.size());
    Run run;
    if (!write_all(to_, &n, sizeof n) || !write_all(to_, script.data(), n)) return run;
    Reply reply{};
    if (!read_all(from_, &reply, sizeof reply)) return run;
    run.seconds = reply.seconds;
    run.peak_mib = reply.peak_kib / 1024.0;
    run.ok = reply.exited && reply.code == expected_exit;
    return run;
  }

 private:
  struct Reply {
    double seconds;
    long peak_kib;
    bool exited;
    int code;
  };
  Spawner() {
    int down[2], up[2];
    if (pipe(down) != 0 || pipe(up) != 0) return;
    if (fork() == 0) {
      close(down[1]);
      close(up[0]);
      serve(down[0], up[1]);
      _exit(0);
    }
    close(down[0]);
    close(up[1]);
    to_ = down[1];
    from_ = up[0];
  }
  static void serve(int in, int out) {
    uint32_t n = 0;
    while (read_all(in, &n, sizeof n)) {
      std::string script(n, '\0');
      if (!read_all(in, script.data(), n)) return;
      auto start = Clock::now();
      pid_t pid = fork();
      if (pid == 0) {
        execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
      }
      int status = 0;
      rusage usage{};
      Reply reply{};
      if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
        reply = {std::chrono::duration<double>(Clock::now() - start).count(), usage.ru_maxrss,
                 WIFEXITED(status), WEXITSTATUS(status)};
      }
      if (!write_all(out, &reply, sizeof reply)) return;
    }
  }
  static bool write_all(int fd, const void* p, size_t n) {
    const char* c = static_cast<const char*>(p);
    while (n > 0) {
      ssize_t k = write(fd, c, n);
      if (k <= 0) return false;
      c += k;
      n -= static_cast<size_t>(k);
    }
    return true;
  }
  static bool read_all(int fd, void* p, size_t n) {
    char* c = static_cast<char*>(p);
    while (n > 0) {
      ssize_t k = read(fd, c, n);
      if (k <= 0) return false;
      c += k;
      n -= static_cast<size_t>(k);
    }
    return true;
  }
  int to_ = -1, from_ = -1;
};

}  // namespace

void start_spawner() { Spawner::get(); }

Run run_command(const std::string& command, const std::string& out_path, int expected_exit) {
  // The output of an earlier run is removed first, outside the timing: the
  // shell's `>` would truncate it before smr starts, and freeing the 121 MB
  // of JSON an eval writes is the file system's work (13-39 ms measured),
  // not smr's. Its writing of its own output stays in the figure.
  if (out_path != "/dev/null") std::remove(out_path.c_str());
  // `exec` makes the shell become smr, so the figures are smr's own.
  Run run = Spawner::get().run("exec " + command + " >" + out_path + " 2>/dev/null", expected_exit);
  if (!run.ok) fmt::print(stderr, "command failed: {}\n", command);
  return run;
}

Run best_of(int times, const std::string& command, const std::string& out_path) {
  Run best;
  best.seconds = 1e300;
  double peak = 0;
  bool ok = true;
  for (int i = 0; i < times; ++i) {
    Run r = run_command(command, out_path);
    ok = ok && r.ok;
    peak = std::max(peak, r.peak_mib);
    if (r.seconds < best.seconds) best = r;
  }
  best.peak_mib = peak;
  best.ok = ok;
  return best;
}

std::string file_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  uint64_t h = 1469598103934665603ull;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      h ^= static_cast<unsigned char>(buf[i]);
      h *= 1099511628211ull;
    }
  }
  return fmt::format("{:016x}", h);
}

std::string load_average() {
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) != 3) return "unknown";
  return fmt::format("{:.2f} {:.2f} {:.2f}", load[0], load[1], load[2]);
}

double seconds_since_start() {
  return std::chrono::duration<double>(Clock::now() - kStart).count();
}

}  // namespace smr::bench
