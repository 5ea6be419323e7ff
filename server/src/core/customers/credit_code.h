#pragma once
// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a
// 31-character alphabet; the last one is a check character over the first 17.

#include <string_view>

namespace kams {

bool IsValidCreditCode(std::string_view code);

}  // namespace kams
