// The kams command line: version, help, migrate, demo, user administration, backup and
// restore.
// Commands that write run against copies, never against the live test database.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "api_util.h"

namespace kams::test {
namespace {

int Kams(const std::vector<std::string>& args, std::string* out) {
  return KamsServer::Get().RunCli(args, out);
}

std::string TempDb(const std::string& name) { return KamsServer::Get().dir() + "/" + Unique(name) + ".db"; }

TEST(Cli, VersionPrintsASemanticVersion) {
  std::string out;
  ASSERT_EQ(Kams({"version"}, &out), 0) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(^kams \d+\.\d+\.\d+)"))) << out;
}

TEST(Cli, HelpExitsZeroAndListsTheCommands) {
  std::string out;
  ASSERT_EQ(Kams({"--help"}, &out), 0) << out;
  for (const char* cmd : {"serve", "migrate", "init", "demo", "user", "audit", "backup", "restore", "version"}) {
    EXPECT_TRUE(Contains(out, cmd)) << cmd << " missing from:\n" << out;
  }
  ASSERT_EQ(Kams({"serve", "--help"}, &out), 0) << out;
  for (const char* opt : {"--db", "--listen", "--threads", "--secure-cookies"}) {
    EXPECT_TRUE(Contains(out, opt)) << opt << " missing from:\n" << out;
  }
  EXPECT_EQ(Kams({"user", "add", "--help"}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "--username"));
}

TEST(Cli, BadUsageExitsNonZero) {
  std::string out;
  EXPECT_NE(Kams({}, &out), 0) << out;
  EXPECT_NE(Kams({"frobnicate"}, &out), 0) << out;
  EXPECT_NE(Kams({"serve", "--threads", "0", "--db", TempDb("never")}, &out), 0) << out;
  EXPECT_NE(Kams({"serve", "--listen", "nonsense", "--db", TempDb("never")}, &out), 0) << out;
  EXPECT_NE(Kams({"user", "add", "--db", TempDb("never")}, &out), 0) << "required options missing: " << out;
  EXPECT_NE(Kams({"audit"}, &out), 0) << out;
}

TEST(Cli, MigrateCreatesAnEmptyDatabaseAndIsIdempotent) {
  const std::string db = TempDb("migrate");
  std::string out;
  ASSERT_EQ(Kams({"migrate", "--db", db}, &out), 0) << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(schema version (\d+))"))) << out;
  const int version = std::stoi(m[1]);
  EXPECT_GE(version, 1);
  EXPECT_TRUE(std::filesystem::exists(db));
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM customer"), std::vector<std::int64_t>{0});
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                         "('customer', 'contact', 'app_user', 'org_unit', 'audit')"),
            std::vector<std::int64_t>{5});

  ASSERT_EQ(Kams({"migrate", "--db", db}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "schema version " + std::to_string(version))) << out;
  EXPECT_EQ(Kams({"audit", "verify", "--db", db}, &out), 0) << out;
}

TEST(Cli, InitSetsUpAnEmptyDatabaseOnce) {
  const std::string db = TempDb("init");
  std::string out;
  EXPECT_NE(Kams({"init", "--db", db, "--company", "苏州恒瑞集团", "--password", "short"}, &out), 0)
      << "weak password refused: " << out;
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM org_unit"), std::vector<std::int64_t>{0})
      << "a refused init changes nothing";
  ASSERT_EQ(Kams({"init", "--db", db, "--company", "苏州恒瑞集团", "--admin", "root.admin",
                  "--password", "Hengrui-2026"}, &out), 0) << out;
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM org_unit WHERE parent_id IS NULL AND kind = 'company'"),
            std::vector<std::int64_t>{1});
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM app_user WHERE username = 'root.admin' AND role = 'admin'"),
            std::vector<std::int64_t>{1});
  EXPECT_NE(Kams({"init", "--db", db, "--company", "Another", "--password", "Hengrui-2026"}, &out), 0)
      << "a second init is refused: " << out;
  EXPECT_TRUE(Contains(out, "already set up")) << out;
  EXPECT_EQ(Kams({"audit", "verify", "--db", db}, &out), 0) << out;
}

TEST(Cli, DemoLoadsACompanyOfTheRequestedSize) {
  const std::string db = TempDb("demo");
  std::string out;
  ASSERT_EQ(Kams({"demo", "--db", db, "--customers", "100"}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "100 customers")) << out;
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM customer"), std::vector<std::int64_t>{100});
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM app_user WHERE username IN ('admin', 'kam.sz', 'dir.east')"),
            std::vector<std::int64_t>{3});
  EXPECT_EQ(Kams({"audit", "verify", "--db", db}, &out), 0) << out;
  EXPECT_NE(Kams({"demo", "--db", db, "--customers", "5"}, &out), 0) << "below the minimum: " << out;
}

TEST(Cli, UserAddDisableAndResetWorkOnACopy) {
  // A copy of the live database where there is a file to copy, else a small demo database.
  std::string out;
  std::string db;
  if (KamsServer::Get().postgres()) {
    db = TempDb("cli-users");
    ASSERT_EQ(Kams({"demo", "--db", db, "--customers", "100"}, &out), 0) << out;
  } else {
    db = BackupCopy("cli-users");
  }
  const std::string username = Unique("cli.user");
  const auto units = ReadInts(db, "SELECT id FROM org_unit WHERE name = '苏州分公司'");
  ASSERT_EQ(units.size(), 1u);
  const std::string unit = std::to_string(units[0]);
  ASSERT_EQ(Kams({"user", "add", "--db", db, "--username", username, "--display-name", "命令行用户",
                  "--role", "kam", "--org-unit", unit, "--password", kTestPassword}, &out), 0)
      << out;
  EXPECT_TRUE(Contains(out, username)) << out;
  const auto ids = ReadInts(db, "SELECT id FROM app_user WHERE username = '" + username + "'");
  ASSERT_EQ(ids.size(), 1u);
  const std::string id = std::to_string(ids[0]);

  EXPECT_NE(Kams({"user", "add", "--db", db, "--username", username, "--display-name", "重复",
                  "--role", "kam", "--org-unit", unit, "--password", kTestPassword}, &out), 0)
      << "duplicate: " << out;
  EXPECT_NE(Kams({"user", "add", "--db", db, "--username", Unique("cli.weak"), "--display-name", "弱",
                  "--role", "kam", "--org-unit", unit, "--password", "weak"}, &out), 0)
      << "weak password: " << out;
  EXPECT_NE(Kams({"user", "add", "--db", db, "--username", Unique("cli.role"), "--display-name", "角色",
                  "--role", "god", "--org-unit", unit, "--password", kTestPassword}, &out), 0)
      << "bad role: " << out;
  EXPECT_NE(Kams({"user", "add", "--db", db, "--username", Unique("cli.unit"), "--display-name", "单元",
                  "--role", "kam", "--org-unit", "987654", "--password", kTestPassword}, &out), 0)
      << "missing unit: " << out;

  EXPECT_NE(Kams({"user", "reset", "--db", db, "--username", username, "--password", "weak"}, &out), 0) << out;
  ASSERT_EQ(Kams({"user", "reset", "--db", db, "--username", username, "--password", "Reset-pass-42"}, &out), 0)
      << out;
  ASSERT_EQ(Kams({"user", "disable", "--db", db, "--username", username}, &out), 0) << out;
  EXPECT_EQ(ReadInts(db, "SELECT active FROM app_user WHERE id = " + id), std::vector<std::int64_t>{0});
  EXPECT_NE(Kams({"user", "disable", "--db", db, "--username", Unique("nobody")}, &out), 0) << out;
  EXPECT_NE(Kams({"user", "reset", "--db", db, "--username", Unique("nobody"), "--password", "Reset-pass-42"}, &out), 0)
      << out;

  // Each change is audited (actor: the command line) and the chain still verifies.
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM audit WHERE entity = 'user' AND entity_id = " + id +
                             " AND action IN ('user.create', 'user.password_reset', 'user.disable')"),
            std::vector<std::int64_t>{3});
  EXPECT_EQ(ReadInts(db, "SELECT count(*) FROM audit WHERE entity_id = " + id + " AND actor_id IS NOT NULL"),
            std::vector<std::int64_t>{0});
  EXPECT_EQ(Kams({"audit", "verify", "--db", db}, &out), 0) << out;
  // The live database knows nothing of it.
  EXPECT_TRUE(GetJson(As("admin"), "/api/v1/users?q=" + username)["items"].empty());
}

TEST(Cli, BackupWritesAConsistentCopyAndNeverOverwrites) {
  const std::string copy = BackupCopy("cli-backup");
  EXPECT_EQ(ReadInts(copy, "SELECT count(*) FROM customer WHERE deleted_at IS NULL")[0],
            static_cast<std::int64_t>(ListAll(As("admin"), "/api/v1/customers", "").size()));
  std::string out;
  const auto size = std::filesystem::file_size(copy);
  EXPECT_NE(Kams({"backup", "--db", KamsServer::Get().db_path(), "--out", copy}, &out), 0) << out;
  EXPECT_EQ(std::filesystem::file_size(copy), size);
  EXPECT_EQ(Kams({"audit", "verify", "--db", copy}, &out), 0) << out;
}

// The live database (SQLite or PostgreSQL) backed up, restored into a new SQLite file, and
// the copy checked: the audit chain verifies and it holds the same customers.
TEST(Cli, BackupAndRestoreRoundTripTheLiveDatabase) {
  const auto& server = KamsServer::Get();
  const std::string backup = TempDb("cli-roundtrip-backup");
  std::string out;
  ASSERT_EQ(Kams({"backup", "--db", server.db_path(), "--out", backup}, &out), 0) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(customer +\d+ rows)"))) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(total +\d+ rows in [0-9.]+ s)"))) << out;
  EXPECT_FALSE(std::filesystem::exists(backup + ".tmp"));

  const std::string restored = TempDb("cli-roundtrip-restored");
  ASSERT_EQ(Kams({"restore", "--db", restored, "--from", backup}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "restored into")) << out;
  EXPECT_EQ(Kams({"audit", "verify", "--db", restored}, &out), 0) << out;
  const auto customers = ReadInts(backup, "SELECT count(*) FROM customer");
  ASSERT_EQ(customers.size(), 1u);
  EXPECT_GT(customers[0], 0);
  EXPECT_EQ(ReadInts(restored, "SELECT count(*) FROM customer"), customers);
  EXPECT_EQ(ReadInts(restored, "SELECT count(*) FROM customer WHERE deleted_at IS NULL")[0],
            static_cast<std::int64_t>(ListAll(As("admin"), "/api/v1/customers", "").size()));
  EXPECT_EQ(ReadInts(restored, "SELECT count(*) FROM audit"), ReadInts(backup, "SELECT count(*) FROM audit"));

  // Refusals exit non-zero and say why.
  EXPECT_NE(Kams({"backup", "--db", server.db_path(), "--out", backup}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "already exists")) << out;
  EXPECT_NE(Kams({"restore", "--db", restored, "--from", backup}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "holds data") && Contains(out, "--force")) << out;
  const std::string not_a_backup = server.dir() + "/" + Unique("notes") + ".txt";
  std::ofstream(not_a_backup) << "not a database\n";
  EXPECT_NE(Kams({"restore", "--db", TempDb("never"), "--from", not_a_backup}, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "not a KAMS backup")) << out;

  // --force replaces a database that holds data.
  const std::string marked = "SELECT count(*) FROM customer WHERE name = 'restore-marker'";
  ExecSql(restored, "UPDATE customer SET name = 'restore-marker' WHERE id = (SELECT min(id) FROM customer)");
  ASSERT_EQ(ReadInts(restored, marked), std::vector<std::int64_t>{1});
  ASSERT_EQ(Kams({"restore", "--db", restored, "--from", backup, "--force"}, &out), 0) << out;
  EXPECT_EQ(ReadInts(restored, marked), std::vector<std::int64_t>{0});
  EXPECT_EQ(ReadInts(restored, "SELECT count(*) FROM customer"), customers);
  EXPECT_EQ(Kams({"audit", "verify", "--db", restored}, &out), 0) << out;
}

}  // namespace
}  // namespace kams::test
