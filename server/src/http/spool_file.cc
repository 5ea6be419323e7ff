#include "http/spool_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace kams::http {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;

}  // namespace

Result<SpoolFile> SpoolFile::Create(const std::string& dir) {
  int fd = -1;
  std::string why;
#ifdef O_TMPFILE
  fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) why = std::string("O_TMPFILE: ") + std::strerror(errno) + "; ";
#endif
  if (fd < 0) {
    // A file system without O_TMPFILE (or an older kernel): a named file, unlinked at once.
    std::string path = dir + "/kams-spool-XXXXXX";
    fd = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd < 0) {
      why += std::string("mkstemp: ") + std::strerror(errno);
    } else if (::unlink(path.c_str()) != 0) {
      why += std::string("unlink: ") + std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  if (fd < 0) {
    return MakeError(ErrorCode::kInternal, "cannot make a temporary file in " + dir + ": " + why);
  }
  return SpoolFile(fd);
}

SpoolFile::SpoolFile(SpoolFile&& other) noexcept
    : fd_(other.fd_), size_(other.size_), buffer_(std::move(other.buffer_)) {
  other.fd_ = -1;
  other.size_ = 0;
}

SpoolFile::~SpoolFile() {
  if (fd_ >= 0) ::close(fd_);
}

void SpoolFile::Append(std::string_view bytes) {
  if (buffer_.size() + bytes.size() > kBufferBytes) Flush();
  if (bytes.size() >= kBufferBytes) {
    WriteAll(bytes);  // a large piece goes straight to the file
  } else {
    if (buffer_.capacity() < kBufferBytes) buffer_.reserve(kBufferBytes);
    buffer_.append(bytes);
  }
  size_ += bytes.size();
}

void SpoolFile::Flush() {
  WriteAll(buffer_);
  buffer_.clear();
}

void SpoolFile::WriteAll(std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw std::runtime_error(std::string("cannot write a temporary file: ") +
                               (n < 0 ? std::strerror(errno) : "no progress"));
    }
    done += static_cast<std::size_t>(n);
  }
}

void SpoolFile::Truncate() {
  buffer_.clear();
  size_ = 0;
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) {
    throw std::runtime_error(std::string("cannot empty a temporary file: ") + std::strerror(errno));
  }
}

FileBody SpoolFile::TakeBody() {
  Flush();
  FileBody body(fd_, size_);
  fd_ = -1;
  size_ = 0;
  buffer_ = std::string();
  return body;
}

}  // namespace kams::http
