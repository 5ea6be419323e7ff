#include <gtest/gtest.h>

#include "core/audit/audit_record.h"
#include "crypto/sodium_crypto.h"

namespace kams {
namespace {

std::vector<AuditRecord> Chain(const SodiumCrypto& crypto, int n) {
  std::vector<AuditRecord> rows;
  std::string prev;
  for (int i = 1; i <= n; ++i) {
    AuditRecord r;
    r.id = i;
    r.at = i * 1000;
    r.actor_id = 7;
    r.actor_name = "kam.sz";
    r.action = "customer.update";
    r.entity = "customer";
    r.entity_id = 100 + i;
    r.customer_id = 100 + i;
    r.changes = {{"phone", std::nullopt, "0512-6888123" + std::to_string(i)}};
    r.request_id = "req-" + std::to_string(i);
    r.prev_hash = prev;
    r.hash = crypto.Sha256Hex(CanonicalAuditText(r));
    prev = r.hash;
    rows.push_back(r);
  }
  return rows;
}

AuditVerification Verify(const SodiumCrypto& crypto, const std::vector<AuditRecord>& rows,
                         Id head_id, const std::string& head_hash) {
  AuditVerifier v([&](std::string_view s) { return crypto.Sha256Hex(s); });
  for (const auto& r : rows) {
    if (!v.Check(r)) break;
  }
  v.Finish(head_id, head_hash);
  return v.result();
}

TEST(AuditChain, DetectsEveryKindOfTampering) {
  const SodiumCrypto crypto;
  const auto good = Chain(crypto, 5);
  const Id head = 5;
  const std::string head_hash = good.back().hash;
  EXPECT_TRUE(Verify(crypto, good, head, head_hash).ok);

  struct Case {
    const char* what;
    std::function<void(std::vector<AuditRecord>&)> tamper;
    Id first_bad;
  } cases[] = {
      {"edited action", [](auto& rows) { rows[2].action = "customer.read"; }, 3},
      {"edited change value", [](auto& rows) { rows[1].changes[0].after = "x"; }, 2},
      {"dropped change", [](auto& rows) { rows[3].changes.clear(); }, 4},
      {"edited actor", [](auto& rows) { rows[0].actor_id = 1; }, 1},
      {"deleted middle row", [](auto& rows) { rows.erase(rows.begin() + 2); }, 4},
      {"deleted last row", [](auto& rows) { rows.pop_back(); }, 5},
      {"swapped rows", [](auto& rows) { std::swap(rows[1], rows[2]); }, 3},
  };
  for (const auto& c : cases) {
    auto rows = good;
    c.tamper(rows);
    auto result = Verify(crypto, rows, head, head_hash);
    EXPECT_FALSE(result.ok) << c.what;
    EXPECT_EQ(result.first_bad_id, c.first_bad) << c.what << ": " << result.problem;
  }
}

TEST(AuditChain, CanonicalTextSeparatesFieldsUnambiguously) {
  AuditRecord a, b;
  a.actor_name = "ab";
  a.action = "c";
  b.actor_name = "a";
  b.action = "bc";
  EXPECT_NE(CanonicalAuditText(a), CanonicalAuditText(b));
  AuditRecord n1, n2;
  n1.changes = {{"f", std::nullopt, "x"}};
  n2.changes = {{"f", std::string(""), "x"}};
  EXPECT_NE(CanonicalAuditText(n1), CanonicalAuditText(n2)) << "null differs from empty";
}

TEST(Crypto, PasswordsTokensAndDigests) {
  const SodiumCrypto crypto;
  const std::string h = crypto.HashPassword("kams-demo");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(crypto.VerifyPassword(h, "kams-demo"));
  EXPECT_FALSE(crypto.VerifyPassword(h, "kams-demO"));
  EXPECT_FALSE(crypto.VerifyPassword("garbage", "kams-demo"));
  const std::string t1 = crypto.RandomToken(), t2 = crypto.RandomToken();
  EXPECT_NE(t1, t2);
  EXPECT_EQ(t1.size(), 43u);  // 256 bits, base64url without padding
  EXPECT_EQ(crypto.Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(crypto.ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(crypto.ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(crypto.ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace kams
