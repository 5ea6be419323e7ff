#pragma once
// The libsodium adapter for the core's Crypto port. The only place libsodium is used.

#include "core/ports/crypto.h"

namespace kams {

class SodiumCrypto final : public Crypto {
 public:
  // Throws std::runtime_error if libsodium cannot initialise (start-up failure).
  SodiumCrypto();
  std::string HashPassword(std::string_view password) const override;
  bool VerifyPassword(std::string_view encoded_hash, std::string_view password) const override;
  std::string RandomToken() const override;
  std::string Sha256Hex(std::string_view data) const override;
  bool ConstantTimeEquals(std::string_view a, std::string_view b) const override;
};

}  // namespace kams
