#pragma once
// Text helpers shared by the SQL adapters for name search.

#include <string>
#include <string_view>
#include <vector>

namespace kams {

// ASCII letters lowered; every other byte (Chinese included) unchanged.
std::string LowerAscii(std::string_view s);
// Distinct two-code-point substrings of `lowered`, in first-seen order.
std::vector<std::string> Bigrams(std::string_view lowered);
std::size_t CodePoints(std::string_view s);

}  // namespace kams
