#include "dsl/core/file_text.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <utility>

namespace smr {

FileText::FileText(FileText&& other) noexcept
    : owned_(std::move(other.owned_)),
      mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

FileText& FileText::operator=(FileText&& other) noexcept {
  if (this != &other) {
    unmap();
    owned_ = std::move(other.owned_);
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

FileText::~FileText() { unmap(); }

namespace {

std::atomic<bool> mapping_enabled{false};

}  // namespace

bool FileText::map(int fd, size_t size) {
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  if (!mapping_enabled.load(std::memory_order_relaxed)) return false;
  if (size < kMapFrom || size % page == 0) return false;
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) return false;
  unmap();
  owned_.clear();
  mapped_ = static_cast<const char*>(p);
  size_ = size;
  return true;
}

void FileText::unmap() {
  if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
  mapped_ = nullptr;
  size_ = 0;
}

namespace {

std::string too_large() {
  return "file is larger than the limit of " + std::to_string(kMaxFileBytes >> 20) + " MiB";
}

// Opens `path` when it is a regular file within the size limit, giving its
// size; -1 with `error` set otherwise.
int open_regular_file(const std::string& path, size_t* size, std::string* error) {
  // Non-blocking, so that opening a FIFO returns at once; only regular
  // files are read at all (not /dev/zero, pipes or sockets).
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *error = errno == ENOENT ? "no such file" : std::strerror(errno);
    return -1;
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    *error = std::strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    *error = "is a directory";
    ok = false;
  } else if (!S_ISREG(st.st_mode)) {
    *error = "is not a regular file (a device, pipe or socket)";
    ok = false;
  } else if (static_cast<uint64_t>(st.st_size) > kMaxFileBytes) {
    *error = too_large();
    ok = false;
  }
  if (!ok) {
    ::close(fd);
    return -1;
  }
  *size = static_cast<size_t>(st.st_size);
  return fd;
}

// Reads the open file to its end into `text` (`size` bytes expected).
bool read_to_end(int fd, size_t size, std::string* text, std::string* error) {
  text->clear();
  text->reserve(size);  // read once, not regrown
  // The size may change while reading: never read past the limit.
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    if (text->size() + static_cast<size_t>(n) > kMaxFileBytes) {
      *error = too_large();
      return false;
    }
    text->append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

bool read_file(const std::string& path, std::string* text, std::string* error) {
  size_t size = 0;
  int fd = open_regular_file(path, &size, error);
  if (fd < 0) return false;
  bool ok = read_to_end(fd, size, text, error);
  ::close(fd);
  return ok;
}

bool read_file_text(const std::string& path, FileText* text, std::string* error) {
  size_t size = 0;
  int fd = open_regular_file(path, &size, error);
  if (fd < 0) return false;
  bool ok = text->map(fd, size);
  if (!ok) {
    std::string read;
    ok = read_to_end(fd, size, &read, error);
    *text = FileText(std::move(read));
  }
  ::close(fd);
  return ok;
}

namespace {

void on_sigbus(int) {
  static const char kMessage[] =
      "smr: an input file was cut short while smr was reading it; run again once it is "
      "written\n";
  ssize_t ignored = ::write(2, kMessage, sizeof kMessage - 1);
  (void)ignored;
  ::_exit(2);
}

}  // namespace

bool input_mapping_enabled() { return mapping_enabled.load(std::memory_order_relaxed); }

void enable_input_mapping() {
  struct sigaction action {};
  action.sa_handler = on_sigbus;
  sigemptyset(&action.sa_mask);
  if (::sigaction(SIGBUS, &action, nullptr) == 0) mapping_enabled = true;
}

}  // namespace smr
