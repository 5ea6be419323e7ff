// Tier schemes (README "Tier schemes"; `kams retier --scheme FILE.json`): bytes → JSON →
// ParseTierScheme. Properties: problems are named by path; a scheme that parses renders
// back (ToJson) to a document that parses to the same scheme; it evaluates over a small
// company's roll-ups and every customer's tier can be explained in both languages.
#include "core/tiering/evaluate.h"
#include "fuzz_check.h"
#include "http/json_codec.h"

namespace kams {
namespace {

const MonthlyRollups& SmallCompany() {
  static const MonthlyRollups r = [] {
    MonthlyRollups r;
    const MonthIndex last = MonthOf(CivilDate{2026, 5, 1});
    const std::int64_t monthly[] = {90'000'000, 12'000'000, 3'000'000, 0, -50'000};
    for (std::size_t i = 0; i < std::size(monthly); ++i) {
      r.AddCustomer(static_cast<Id>(i + 1), i % 2 ? "" : "C" + std::to_string(i));
      for (MonthIndex m = last - 14; m <= last; ++m) {
        if ((m + static_cast<MonthIndex>(i)) % 4 == 0) continue;  // some months without orders
        r.AddMonth(m, monthly[i] + m % 7 * 1000, static_cast<std::int64_t>(i + m % 3),
                   monthly[i] / 5);
      }
    }
    r.AddCustomer(99, "no-months");
    return r;
  }();
  return r;
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  using codec::json;
  // A scheme file may be any JSON document; request bodies go through ParseObject first.
  const json doc = json::parse(fuzz::Text(data, size), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;
  auto scheme = codec::ParseTierScheme(doc);
  if (!scheme.ok()) {
    FUZZ_CHECK(scheme.error().code == ErrorCode::kValidationFailed);
    FUZZ_CHECK(!scheme.error().fields.empty());
    return 0;
  }
  FUZZ_CHECK(ValidateScheme(*scheme).ok());
  const json out = codec::ToJson(*scheme);
  (void)out.dump();
  auto again = codec::ParseTierScheme(out);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(codec::ToJson(*again) == out);

  const auto names = scheme->TierNames();
  const Evaluation e = Evaluate(*scheme, SmallCompany(), CivilDate{2026, 5, 31});
  FUZZ_CHECK(e.tier.size() == SmallCompany().size());
  for (std::size_t i = 0; i < e.tier.size(); ++i) {
    FUZZ_CHECK(e.tier[i] >= -1 && e.tier[i] < static_cast<int>(names.size()));
    (void)Explain(*scheme, SmallCompany(), e, i, "zh-CN");
    (void)Explain(*scheme, SmallCompany(), e, i, "en-US");
  }
  (void)e.counts();
  return 0;
}
