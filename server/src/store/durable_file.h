#pragma once
// Internal to store/: files that appear complete or not at all (backups, restored SQLite
// databases), written under a temporary name, flushed and then renamed.

#include <string>

namespace kams {

// A file being written under a temporary name. Unless Published, the destructor removes it
// together with the SQLite companions it may have grown (-journal, -wal, -shm).
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile();
  const std::string& path() const { return path_; }

  // Flushes the file to disk and renames it to `final_path`, then flushes the folder.
  // kNoReplace fails (returns false, `final_path` untouched) when `final_path` exists.
  // Throws std::system_error on I/O failures.
  enum class Replace { kNoReplace, kReplace };
  bool Publish(const std::string& final_path, Replace replace);

 private:
  std::string path_;
  bool published_ = false;
};

// Removes `path` and its SQLite companions (-journal, -wal, -shm), ignoring absent ones.
void RemoveSqliteFiles(const std::string& path);
// Removes only the companions: before a new file is renamed over `path`, so that SQLite
// never replays the old file's journal or WAL into the new one.
void RemoveSqliteCompanions(const std::string& path);

}  // namespace kams
