#include "core/engagement/interaction.h"

#include <algorithm>
#include <cctype>

#include "core/common/validation.h"

namespace kams {
namespace {

// The code point starting at s[i] (0 for a continuation or invalid byte) and its length.
std::uint32_t CodePointAt(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) return c;
  int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return 0;
  std::uint32_t cp = c & (extra == 1 ? 0x1F : extra == 2 ? 0x0F : 0x07);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  len = static_cast<std::size_t>(extra) + 1;
  return cp;
}

bool IsWordCodePoint(std::uint32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) ||
         (cp >= 0xC0 && cp <= 0x24F) ||     // Latin letters with accents
         (cp >= 0xFF10 && cp <= 0xFF19) ||  // full-width digits
         (cp >= 0xFF21 && cp <= 0xFF5A);    // full-width letters
}

constexpr std::string_view kPlaceholders[] = {
    "无", "没有", "暂无", "无目的", "其他", "其它", "测试", "略", "n/a", "na", "none", "nil",
    "null", "test", "tbd", "todo", "other", "xxx", "x", "no", "nothing", "-", "?"};

}  // namespace

bool IsChannel(std::string_view s) {
  return std::find(std::begin(kChannels), std::end(kChannels), s) != std::end(kChannels);
}

bool IsRealPurpose(std::string_view purpose) {
  const std::string trimmed = TrimSpace(purpose);
  bool has_word = false;
  for (std::size_t i = 0; i < trimmed.size();) {
    std::size_t len = 1;
    has_word |= IsWordCodePoint(CodePointAt(trimmed, i, len));
    i += len;
  }
  if (!has_word) return false;
  std::string lower = trimmed;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // "无。", "N/A." and the like: a placeholder with trailing punctuation.
  while (!lower.empty() && (lower.back() == '.' || lower.back() == '!')) lower.pop_back();
  for (std::string_view suffix : {"。", "！", "…"}) {
    while (lower.size() >= suffix.size() &&
           lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      lower.erase(lower.size() - suffix.size());
    }
  }
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), lower) ==
         std::end(kPlaceholders);
}

Status ValidateInteraction(const Interaction& i, Timestamp now) {
  Validator v;
  if (i.channel.empty()) {
    v.Add("channel", "required");
  } else if (!IsChannel(i.channel)) {
    v.Add("channel", "invalid");
  }
  v.Required("purpose", i.purpose);
  v.MaxLength("purpose", i.purpose, kMaxPurpose);
  if (!TrimSpace(i.purpose).empty()) v.Check(IsRealPurpose(i.purpose), "purpose", "not_a_purpose");
  v.MaxLength("summary", i.summary, kMaxSummary);
  v.MaxLength("outcome", i.outcome, kMaxOutcome);
  v.MaxLength("next_step", i.next_step, kMaxNextStep);
  if (i.next_step_due && i.next_step.empty()) v.Add("next_step", "required_with_due_date");
  // A record is of something that happened: a few minutes' clock difference is allowed.
  v.Check(i.occurred_at <= now + 10 * 60 * kMicrosPerSecond, "occurred_at", "in_the_future");
  v.Check(i.contact_ids.size() <= kMaxInteractionContacts, "contact_ids", "too_many");
  v.Check(i.participant_ids.size() <= kMaxParticipants, "participant_ids", "too_many");
  return v.ToStatus();
}

}  // namespace kams
