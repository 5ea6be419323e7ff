#pragma once
// Cryptography the core needs, behind a port (the libsodium adapter lives in crypto/).

#include <string>
#include <string_view>

namespace kams {

class Crypto {
 public:
  virtual ~Crypto() = default;
  // Argon2id, self-describing encoded string.
  virtual std::string HashPassword(std::string_view password) const = 0;
  virtual bool VerifyPassword(std::string_view encoded_hash, std::string_view password) const = 0;
  // 32 random bytes, base64url without padding (256 bits).
  virtual std::string RandomToken() const = 0;
  virtual std::string Sha256Hex(std::string_view data) const = 0;
  virtual bool ConstantTimeEquals(std::string_view a, std::string_view b) const = 0;
};

}  // namespace kams
