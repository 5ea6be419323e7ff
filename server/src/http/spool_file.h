#pragma once
// A temporary file without a name, for a response body made in full before it is sent (an
// export: its audit row must be written first, and its length known). The process keeps
// only a write buffer of the file in memory, never the file.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "http/message.h"

namespace kams::http {

class SpoolFile {
 public:
  // A new, empty file in `dir`: opened with O_TMPFILE where the file system supports it,
  // otherwise made with mkstemp and unlinked at once, so that nothing is left behind
  // whatever happens to the process. Internal error when neither works (the message says
  // why, for the log).
  static Result<SpoolFile> Create(const std::string& dir);

  SpoolFile(SpoolFile&& other) noexcept;
  SpoolFile& operator=(SpoolFile&&) = delete;
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  ~SpoolFile();  // closes the file unless TakeBody took it

  // Appends through a 64 KiB buffer. Throws std::runtime_error when the file cannot be
  // written (a full disk): a table writer's sink may throw.
  void Append(std::string_view bytes);
  // Empties the file, to start over.
  void Truncate();
  // Bytes appended since creation or the last Truncate.
  std::uint64_t size() const { return size_; }
  // Writes out the buffer and hands the file over as a response body. Throws as Append.
  // Nothing may be appended afterwards.
  FileBody TakeBody();

 private:
  explicit SpoolFile(int fd) : fd_(fd) {}
  void Flush();
  void WriteAll(std::string_view bytes);

  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::string buffer_;
};

}  // namespace kams::http
