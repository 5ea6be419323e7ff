#include "store/text_grams.h"

#include <algorithm>

namespace kams {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {
std::vector<std::string_view> SplitCodePoints(std::string_view s) {
  std::vector<std::string_view> cps;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    cps.push_back(s.substr(i, j - i));
    i = j;
  }
  return cps;
}
}  // namespace

std::size_t CodePoints(std::string_view s) { return SplitCodePoints(s).size(); }

std::vector<std::string> Bigrams(std::string_view lowered) {
  auto cps = SplitCodePoints(lowered);
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    std::string g(cps[i]);
    g += cps[i + 1];
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace kams
