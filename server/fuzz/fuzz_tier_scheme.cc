// Tier schemes (README "Tier schemes"; `kams retier --scheme FILE.json`): bytes → JSON →
// ParseTierScheme. Properties: problems are named by path; a scheme that parses renders
// back (ToJson) to a document that parses to the same scheme; it evaluates over a small
// company's roll-ups and every customer's tier can be explained in both languages.
// The same bytes as a request body (ParseObject) go through the bodies of the scheme
// actions: DecodeSchemeCreate (POST /tier-schemes), DecodeSchemePatch (PATCH …/{id}) and
// DecodeRunRequest (POST …/preview, …/apply). A refusal names its fields (fuzz_json.h);
// what is accepted holds exactly what was sent.
#include "core/tiering/evaluate.h"
#include "fuzz_json.h"

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

using codec::json;

// A boolean member as sent (absent: nullopt).
std::optional<bool> SentBool(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end()) return std::nullopt;
  return it->get<bool>();
}

void SchemeActions(const json& body) {
  // POST /tier-schemes: the scheme's own members, plus active and primary.
  if (auto create = codec::DecodeSchemeCreate(body); !create.ok()) {
    FUZZ_CHECK(create.error().code == ErrorCode::kValidationFailed);
    FUZZ_CHECK(!create.error().fields.empty());
    (void)codec::ErrorJson(create.error()).dump();
  } else {
    FUZZ_CHECK(create->settings.active == SentBool(body, "active"));
    FUZZ_CHECK(create->settings.primary == SentBool(body, "primary"));
    json scheme = body;
    scheme.erase("active");
    scheme.erase("primary");
    auto direct = codec::ParseTierScheme(scheme);
    FUZZ_CHECK(direct.ok() && codec::ToJson(*direct) == codec::ToJson(create->scheme));
  }

  // PATCH /tier-schemes/{id}.
  if (auto patch = codec::DecodeSchemePatch(body); !patch.ok()) {
    fuzz::CheckRefusal(patch.error(), body, {"definition", "active", "primary"});
  } else {
    FUZZ_CHECK(patch->settings.active == SentBool(body, "active"));
    FUZZ_CHECK(patch->settings.primary == SentBool(body, "primary"));
    FUZZ_CHECK(patch->definition.has_value() == body.contains("definition"));
    if (patch->definition) {
      auto again = codec::ParseTierScheme(codec::ToJson(*patch->definition));
      FUZZ_CHECK(again.ok() && codec::ToJson(*again) == codec::ToJson(*patch->definition));
    }
  }

  // POST …/preview (with a draft definition) and …/apply (without).
  for (bool preview : {true, false}) {
    auto run = preview ? codec::DecodeRunRequest(body, {"as_of", "movers_limit", "definition"})
                       : codec::DecodeRunRequest(body, {"as_of", "movers_limit"});
    if (!run.ok()) {
      fuzz::CheckRefusal(run.error(), body, {"as_of", "movers_limit", "definition"});
      continue;
    }
    FUZZ_CHECK(preview || !body.contains("definition"));
    const auto as_of = body.find("as_of");
    if (as_of == body.end() || as_of->is_null()) {
      FUZZ_CHECK(!run->options.as_of);
    } else {
      FUZZ_CHECK(run->options.as_of && FormatCivilDate(*run->options.as_of) == as_of->get<std::string>());
    }
    const auto limit = body.find("movers_limit");
    if (limit == body.end() || limit->is_null()) {
      FUZZ_CHECK(run->options.movers_limit == RunOptions{}.movers_limit);
    } else {
      FUZZ_CHECK(fuzz::HoldsInteger(body, "movers_limit", run->options.movers_limit));
      FUZZ_CHECK(run->options.movers_limit >= 0 && run->options.movers_limit <= 1000);
    }
    const auto definition = body.find("definition");
    FUZZ_CHECK(run->definition.has_value() == (definition != body.end() && !definition->is_null()));
  }
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  using codec::json;
  // A scheme file may be any JSON document; request bodies go through ParseObject first.
  if (auto body = codec::ParseObject(fuzz::Text(data, size)); body.ok()) SchemeActions(*body);
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
