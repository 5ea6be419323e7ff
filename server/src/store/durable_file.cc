#include "store/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace kams {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void ThrowErrno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void SyncPath(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) ThrowErrno("cannot open " + path);
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  if (rc != 0) ThrowErrno("cannot flush " + path);
}

std::string FolderOf(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

TempFile::~TempFile() {
  if (!published_) RemoveSqliteFiles(path_);
}

bool TempFile::Publish(const std::string& final_path, Replace replace) {
  SyncPath(path_, O_RDONLY);
  if (replace == Replace::kReplace) {
    if (::rename(path_.c_str(), final_path.c_str()) != 0) {
      ThrowErrno("cannot rename " + path_ + " to " + final_path);
    }
  } else if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, final_path.c_str(), RENAME_NOREPLACE) !=
             0) {
    if (errno == EEXIST) return false;
    if (errno != EINVAL && errno != ENOSYS)
      ThrowErrno("cannot rename " + path_ + " to " + final_path);
    // A file system without RENAME_NOREPLACE: a hard link fails on an existing name too.
    if (::link(path_.c_str(), final_path.c_str()) != 0) {
      if (errno == EEXIST) return false;
      ThrowErrno("cannot link " + path_ + " to " + final_path);
    }
    ::unlink(path_.c_str());
  }
  published_ = true;
  SyncPath(FolderOf(final_path), O_RDONLY | O_DIRECTORY);
  return true;
}

void RemoveSqliteFiles(const std::string& path) {
  RemoveSqliteCompanions(path);
  std::error_code ec;
  fs::remove(path, ec);
}

void RemoveSqliteCompanions(const std::string& path) {
  for (const char* suffix : {"-journal", "-wal", "-shm"}) {
    std::error_code ec;
    fs::remove(path + suffix, ec);
  }
}

}  // namespace kams
