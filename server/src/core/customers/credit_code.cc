#include "core/customers/credit_code.h"

namespace kams {

bool IsValidCreditCode(std::string_view code) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8, 24, 10, 30, 28};
  if (code.size() != 18) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const auto v = kAlphabet.find(code[i]);
    if (v == std::string_view::npos) return false;
    sum += static_cast<int>(v) * kWeights[i];
  }
  const char expected = kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
  return code[17] == expected;
}

}  // namespace kams
