#include "ledger.h"

#include <cstdio>

namespace kams::crash {
namespace {

constexpr const char* kCustomerPrefix = "崩溃测试 ";

// A non-negative decimal at text[pos...]; advances pos.
bool ReadInt(const std::string& text, std::size_t& pos, int* out) {
  const std::size_t start = pos;
  long long v = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 9) {
    v = v * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return false;
  *out = static_cast<int>(v);
  return true;
}

bool Expect(const std::string& text, std::size_t& pos, const std::string& literal) {
  if (text.compare(pos, literal.size(), literal) != 0) return false;
  pos += literal.size();
  return true;
}

}  // namespace

const char* ActionOf(OpKind kind) {
  switch (kind) {
    case OpKind::kCreateCustomer:
      return "customer.create";
    case OpKind::kEditCustomer:
      return "customer.update";
    case OpKind::kCreateContact:
      return "contact.create";
    case OpKind::kEditContact:
      return "contact.update";
    case OpKind::kImport:
      return "transaction.import";
  }
  return "";
}

// The trailing "." keeps one revision's name from being a substring of another's
// ("r5." is not inside "r50."), so a search for the whole name finds exactly one customer.
std::string CustomerName(const std::string& tag, int w, int n, int rev) {
  return kCustomerPrefix + tag + "-w" + std::to_string(w) + "-c" + std::to_string(n) + " r" +
         std::to_string(rev) + ".";
}

bool ParseCustomerName(const std::string& tag, const std::string& name, int* w, int* n, int* rev) {
  std::size_t pos = 0;
  return Expect(name, pos, kCustomerPrefix + tag + "-w") && ReadInt(name, pos, w) &&
         Expect(name, pos, "-c") && ReadInt(name, pos, n) && Expect(name, pos, " r") &&
         ReadInt(name, pos, rev) && Expect(name, pos, ".") && pos == name.size();
}

std::string ExternalRef(const std::string& tag, int w, int n) {
  return "CR-" + tag + "-w" + std::to_string(w) + "-c" + std::to_string(n);
}

std::string ContactName(int w, int n, int k) {
  return "联系人 w" + std::to_string(w) + "-c" + std::to_string(n) + "-k" + std::to_string(k);
}

std::string RevText(const std::string& prefix, int rev) {
  return prefix + "r" + std::to_string(rev);
}

std::optional<int> ParseRev(const std::string& prefix, const std::string& text) {
  std::size_t pos = 0;
  int rev = 0;
  if (!Expect(text, pos, prefix + "r") || !ReadInt(text, pos, &rev) || pos != text.size()) {
    return std::nullopt;
  }
  return rev;
}

std::string BatchMonth(int batch) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", 1000 + (batch - 1) / 12, (batch - 1) % 12 + 1);
  return buf;
}

}  // namespace kams::crash
