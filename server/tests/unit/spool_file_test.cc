// SpoolFile: a response body written to an unnamed temporary file — what was appended, in
// order, whatever the pieces' sizes; emptied on Truncate; handed over as a FileBody that
// closes it; nothing left in the folder; a folder that cannot hold a file is an error.
#include "http/spool_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace kams::http {
namespace {

std::string TestDir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("kams-spool-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string ReadAll(const FileBody& body) {
  std::string out(body.size(), '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::pread(body.fd(), out.data() + done, out.size() - done,
                              static_cast<off_t>(done));
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

TEST(SpoolFile, HoldsWhatWasAppendedInPiecesOfAnySize) {
  const std::string dir = TestDir();
  auto spool = SpoolFile::Create(dir);
  ASSERT_TRUE(spool.ok()) << spool.error().message;
  std::string expected;
  // Small pieces, one larger than the buffer, pieces that straddle it.
  for (const std::size_t size : {3u, 1000u, 70'000u, 65'535u, 1u, 200'000u, 64u * 1024}) {
    std::string piece(size, '\0');
    for (std::size_t i = 0; i < size; ++i) piece[i] = static_cast<char>('a' + (expected.size() + i) % 26);
    spool->Append(piece);
    expected += piece;
  }
  EXPECT_EQ(spool->size(), expected.size());
  FileBody body = spool->TakeBody();
  EXPECT_EQ(body.size(), expected.size());
  EXPECT_TRUE(ReadAll(body) == expected);
  EXPECT_TRUE(std::filesystem::is_empty(dir)) << "the file has no name";
  std::filesystem::remove_all(dir);
}

TEST(SpoolFile, TruncateStartsOver) {
  const std::string dir = TestDir();
  auto spool = SpoolFile::Create(dir);
  ASSERT_TRUE(spool.ok());
  spool->Append(std::string(100'000, 'x'));
  spool->Append("tail");
  spool->Truncate();
  spool->Append("again");
  FileBody body = spool->TakeBody();
  EXPECT_EQ(body.size(), 5u);
  EXPECT_EQ(ReadAll(body), "again");
  std::filesystem::remove_all(dir);
}

TEST(SpoolFile, TheBodyClosesTheFileAndMovesOwnership) {
  const std::string dir = TestDir();
  auto spool = SpoolFile::Create(dir);
  ASSERT_TRUE(spool.ok());
  spool->Append("abc");
  int fd = -1;
  {
    FileBody body = spool->TakeBody();
    fd = body.fd();
    FileBody moved = std::move(body);
    EXPECT_EQ(body.fd(), -1);  // NOLINT(bugprone-use-after-move): moved-from state is specified
    EXPECT_EQ(moved.fd(), fd);
    EXPECT_NE(::fcntl(fd, F_GETFD), -1);
  }
  EXPECT_EQ(::fcntl(fd, F_GETFD), -1) << "closed with its body";
  std::filesystem::remove_all(dir);
}

TEST(SpoolFile, AFolderThatCannotHoldAFileIsAnError) {
  auto spool = SpoolFile::Create("/nonexistent/kams-spool-test");
  ASSERT_FALSE(spool.ok());
  EXPECT_EQ(spool.error().code, ErrorCode::kInternal);
  EXPECT_NE(spool.error().message.find("/nonexistent/kams-spool-test"), std::string::npos);
}

}  // namespace
}  // namespace kams::http
