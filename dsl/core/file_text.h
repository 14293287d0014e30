// The text of an input file: a large regular file mapped into memory
// (read-only), anything else held in a string. Mapping a 22 MB model costs
// no copy and no fresh pages for the kernel to zero: reading it into a
// string took 13 ms before any parsing could start.
//
// The byte after a mapped text reads as zero, as a string's terminator
// does (a file whose size is a multiple of the page size is read instead).
// A mapped file cut short by another program while it is in use raises
// SIGBUS, so only a process that handles it maps its inputs: one that
// called enable_input_mapping (the smr binary). Elsewhere (the Python
// module, a program embedding the library) files are read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace smr {

class FileText {
 public:
  FileText() = default;
  explicit FileText(std::string text) : owned_(std::move(text)) {}
  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText();

  std::string_view view() const {
    return mapped_ ? std::string_view(mapped_, size_) : std::string_view(owned_);
  }
  bool is_mapped() const { return mapped_ != nullptr; }

  // Maps `size` bytes of the open regular file `fd`; false (and nothing
  // mapped) when mapping is not enabled, the size does not suit a mapping
  // or mmap fails: the caller reads the file instead.
  bool map(int fd, size_t size);

  // Files at least this large are mapped.
  static constexpr size_t kMapFrom = size_t{1} << 20;

 private:
  void unmap();

  std::string owned_;
  const char* mapped_ = nullptr;
  size_t size_ = 0;
};

// Files larger than this are refused with a diagnostic.
constexpr size_t kMaxFileBytes = 512u << 20;

// Reads the regular file at `path` (mapped when large); false with `error`
// set ("no such file", "is a directory", too large...) when it cannot.
bool read_file_text(const std::string& path, FileText* text, std::string* error);
// The same into a string, never mapped (a manifest, a file to format).
bool read_file(const std::string& path, std::string* text, std::string* error);

// Lets this process map its large inputs, having installed a SIGBUS
// handler that ends it with a message and exit code 2: what a mapped input
// cut short while in use raises.
void enable_input_mapping();
bool input_mapping_enabled();

}  // namespace smr
