#include "crypto/sodium_crypto.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace kams {

SodiumCrypto::SodiumCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string SodiumCrypto::HashPassword(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool SodiumCrypto::VerifyPassword(std::string_view encoded, std::string_view password) const {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  std::string z(encoded);  // NUL-terminated copy
  return crypto_pwhash_str_verify(z.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumCrypto::RandomToken() const {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string SodiumCrypto::Sha256Hex(std::string_view data) const {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool SodiumCrypto::ConstantTimeEquals(std::string_view a, std::string_view b) const {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace kams
