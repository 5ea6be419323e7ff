// Tier schemes as JSON: the format the API and `kams retier --scheme FILE.json` accept.
#include "http/json_codec.h"

#include <algorithm>

#include "core/common/validation.h"

namespace kams::codec {
namespace {

// Reads one JSON object member by member, naming every problem by its path.
class SchemeReader {
 public:
  explicit SchemeReader(std::vector<FieldError>& problems) : problems_(problems) {}

  void Problem(const std::string& path, const std::string& what) {
    problems_.push_back({path, what});
  }

  // Checks that `obj` is an object with only `allowed` members.
  bool Object(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
    if (!obj.is_object()) {
      Problem(path.empty() ? "scheme" : path, "must_be_object");
      return false;
    }
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool known = false;
      for (const char* a : allowed) known |= it.key() == a;
      if (!known) Problem(Join(path, it.key()), "unknown_field");
    }
    return true;
  }

  std::optional<std::string> String(const json& obj, const std::string& path, const char* name,
                                    bool required) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) {
      if (required) Problem(Join(path, name), "required");
      return std::nullopt;
    }
    if (!it->is_string()) {
      Problem(Join(path, name), "must_be_string");
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  std::optional<std::int64_t> Int(const json& obj, const std::string& path, const char* name,
                                  bool required) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) {
      if (required) Problem(Join(path, name), "required");
      return std::nullopt;
    }
    if (!it->is_number_integer()) {
      Problem(Join(path, name), "must_be_integer");
      return std::nullopt;
    }
    return it->get<std::int64_t>();
  }

  // An integer that must fit an int (window lengths, percentages).
  std::optional<int> SmallInt(const json& obj, const std::string& path, const char* name,
                              bool required) {
    auto v = Int(obj, path, name, required);
    if (!v) return std::nullopt;
    if (*v < -1000000 || *v > 1000000) {
      Problem(Join(path, name), "out_of_range");
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  const json* Array(const json& obj, const std::string& path, const char* name, bool required) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) {
      if (required) Problem(Join(path, name), "required");
      return nullptr;
    }
    if (!it->is_array()) {
      Problem(Join(path, name), "must_be_array");
      return nullptr;
    }
    return &*it;
  }

  static std::string Join(const std::string& path, const std::string& name) {
    return path.empty() ? name : path + "." + name;
  }
  static std::string At(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

 private:
  std::vector<FieldError>& problems_;
};

void ReadMetric(SchemeReader& in, const json& obj, const std::string& path, Metric& out,
                bool required) {
  if (auto m = in.String(obj, path, "metric", required)) {
    if (auto parsed = ParseMetric(*m)) {
      out = *parsed;
    } else {
      in.Problem(SchemeReader::Join(path, "metric"), "invalid");
    }
  }
}

void ReadCondition(SchemeReader& in, const json& c, const std::string& path, TierCondition& out) {
  if (!in.Object(c, path, {"metric", "window_months", "op", "value_fen", "value"})) return;
  ReadMetric(in, c, path, out.metric, true);
  if (auto w = in.SmallInt(c, path, "window_months", false)) out.window_months = *w;
  if (auto op = in.String(c, path, "op", true)) {
    if (auto parsed = ParseCompareOp(*op)) {
      out.op = *parsed;
    } else {
      in.Problem(SchemeReader::Join(path, "op"), "invalid");
    }
  }
  // Money metrics compare with value_fen, counts with value.
  const char* field = IsMoneyMetric(out.metric) ? "value_fen" : "value";
  const char* other = IsMoneyMetric(out.metric) ? "value" : "value_fen";
  if (c.contains(other)) in.Problem(SchemeReader::Join(path, other), "use_" + std::string(field));
  if (auto v = in.Int(c, path, field, true)) out.value = *v;
}

}  // namespace

Result<TierScheme> ParseTierScheme(const json& body) {
  std::vector<FieldError> problems;
  SchemeReader in(problems);
  TierScheme s;
  if (!body.is_object()) return ValidationFailed({{"scheme", "must_be_object"}});
  const auto kind_text = in.String(body, "", "kind", true);
  if (kind_text) {
    if (auto k = ParseSchemeKind(*kind_text)) {
      s.kind = *k;
    } else {
      in.Problem("kind", "invalid");
    }
  }
  if (!problems.empty()) {
    // Without a kind, members no kind knows are still named.
    in.Object(body, "", {"name", "kind", "metric", "window_months", "cuts_percent", "tiers",
                         "months", "levels", "key_account_tiers"});
    return ValidationFailed(problems);
  }

  if (auto name = in.String(body, "", "name", true)) s.name = TrimSpace(*name);
  switch (s.kind) {
    case SchemeKind::kAbc: {
      in.Object(body, "", {"name", "kind", "metric", "window_months", "cuts_percent", "tiers",
                        "key_account_tiers"});
      ReadMetric(in, body, "", s.metric, false);
      if (auto w = in.SmallInt(body, "", "window_months", false)) s.window_months = *w;
      if (const json* cuts = in.Array(body, "", "cuts_percent", false)) {
        s.cuts_percent.clear();
        for (std::size_t i = 0; i < cuts->size(); ++i) {
          if (!(*cuts)[i].is_number_integer()) {
            in.Problem(SchemeReader::At("cuts_percent", i), "must_be_integer");
          } else {
            s.cuts_percent.push_back(static_cast<int>(std::clamp<std::int64_t>((*cuts)[i].get<std::int64_t>(), -1, 1000)));
          }
        }
      }
      if (const json* tiers = in.Array(body, "", "tiers", false)) {
        s.tiers.clear();
        for (std::size_t i = 0; i < tiers->size(); ++i) {
          if (!(*tiers)[i].is_string()) {
            in.Problem(SchemeReader::At("tiers", i), "must_be_string");
          } else {
            s.tiers.push_back((*tiers)[i].get<std::string>());
          }
        }
      } else if (body.contains("cuts_percent")) {
        // Default names follow the number of cuts: A, B, C, …
        s.tiers.clear();
        for (std::size_t k = 0; k <= s.cuts_percent.size(); ++k) {
          s.tiers.push_back(std::string(1, static_cast<char>('A' + k)));
        }
      }
      break;
    }
    case SchemeKind::kStars: {
      in.Object(body, "", {"name", "kind", "metric", "months", "levels", "key_account_tiers"});
      ReadMetric(in, body, "", s.metric, false);
      if (auto m = in.SmallInt(body, "", "months", false)) s.months = *m;
      if (const json* levels = in.Array(body, "", "levels", true)) {
        for (std::size_t i = 0; i < levels->size(); ++i) {
          const std::string at = SchemeReader::At("levels", i);
          const json& l = (*levels)[i];
          if (!in.Object(l, at, {"tier", "min_fen"})) continue;
          StarLevel level;
          if (auto t = in.String(l, at, "tier", true)) level.tier = *t;
          if (auto f = in.Int(l, at, "min_fen", true)) level.min_fen = *f;
          s.levels.push_back(std::move(level));
        }
      }
      break;
    }
    case SchemeKind::kRules: {
      in.Object(body, "", {"name", "kind", "tiers", "key_account_tiers"});
      if (const json* tiers = in.Array(body, "", "tiers", true)) {
        for (std::size_t i = 0; i < tiers->size(); ++i) {
          const std::string at = SchemeReader::At("tiers", i);
          const json& t = (*tiers)[i];
          if (!in.Object(t, at, {"tier", "all", "any"})) continue;
          RuleTier tier;
          if (auto name = in.String(t, at, "tier", true)) tier.tier = *name;
          const bool has_all = t.contains("all"), has_any = t.contains("any");
          if (has_all == has_any) {
            in.Problem(SchemeReader::Join(at, "all"), "give_all_or_any");
          } else {
            tier.all = has_all;
            const char* key = has_all ? "all" : "any";
            if (const json* conds = in.Array(t, at, key, true)) {
              for (std::size_t k = 0; k < conds->size(); ++k) {
                TierCondition c;
                ReadCondition(in, (*conds)[k], SchemeReader::At(SchemeReader::Join(at, key), k), c);
                tier.conditions.push_back(c);
              }
            }
          }
          s.rule_tiers.push_back(std::move(tier));
        }
      }
      break;
    }
  }
  if (const json* key = in.Array(body, "", "key_account_tiers", false)) {
    for (std::size_t i = 0; i < key->size(); ++i) {
      if (!(*key)[i].is_string()) {
        in.Problem(SchemeReader::At("key_account_tiers", i), "must_be_string");
      } else {
        s.key_account_tiers.push_back((*key)[i].get<std::string>());
      }
    }
  }
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_CHECK(ValidateScheme(s));
  return s;
}

json ToJson(const TierScheme& s) {
  json out{{"name", s.name}, {"kind", std::string(SchemeKindName(s.kind))}};
  switch (s.kind) {
    case SchemeKind::kAbc:
      out["metric"] = std::string(MetricName(s.metric));
      out["window_months"] = s.window_months;
      out["cuts_percent"] = s.cuts_percent;
      out["tiers"] = s.tiers;
      break;
    case SchemeKind::kStars: {
      out["metric"] = std::string(MetricName(s.metric));
      out["months"] = s.months;
      json levels = json::array();
      for (const auto& l : s.levels) levels.push_back({{"tier", l.tier}, {"min_fen", l.min_fen}});
      out["levels"] = levels;
      break;
    }
    case SchemeKind::kRules: {
      json tiers = json::array();
      for (const auto& t : s.rule_tiers) {
        json conds = json::array();
        for (const auto& c : t.conditions) {
          json cj{{"metric", std::string(MetricName(c.metric))},
                  {"window_months", c.window_months},
                  {"op", std::string(CompareOpText(c.op))}};
          cj[IsMoneyMetric(c.metric) ? "value_fen" : "value"] = c.value;
          conds.push_back(cj);
        }
        tiers.push_back({{"tier", t.tier}, {t.all ? "all" : "any", conds}});
      }
      out["tiers"] = tiers;
      break;
    }
  }
  if (!s.key_account_tiers.empty()) out["key_account_tiers"] = s.key_account_tiers;
  return out;
}

namespace {

json OptJson(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json OptJson(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptTime(const std::optional<Timestamp>& t) {
  return t ? json(FormatRfc3339(*t)) : json(nullptr);
}
json OptDate(const std::optional<CivilDate>& d) {
  return d ? json(FormatCivilDate(*d)) : json(nullptr);
}

json DefinitionJson(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json(nullptr) : parsed;
}

}  // namespace

json ToJson(const SchemeRecord& s) {
  return json{{"id", s.id},
              {"name", s.name},
              {"kind", std::string(SchemeKindName(s.kind))},
              {"version", s.version},
              {"current_version", s.current_version},
              {"active", s.active},
              {"primary", s.primary},
              {"definition", DefinitionJson(s.definition)},
              {"created_at", FormatRfc3339(s.created_at)},
              {"created_by", OptJson(s.created_by)},
              {"updated_at", FormatRfc3339(s.updated_at)},
              {"last_applied_at", OptTime(s.last_applied_at)},
              {"last_applied_version", OptJson(s.last_applied_version)},
              {"last_applied_as_of", OptDate(s.last_applied_as_of)}};
}

json ToJson(const SchemeVersionRecord& v) {
  return json{{"scheme_id", v.scheme_id},
              {"version", v.version},
              {"definition", DefinitionJson(v.definition)},
              {"created_at", FormatRfc3339(v.created_at)},
              {"created_by", OptJson(v.created_by)}};
}

json ToJson(const TieringRun& run) {
  json counts = json::object(), before = json::object(), distribution = json::array();
  for (std::size_t i = 0; i < run.tier_names.size(); ++i) {
    counts[run.tier_names[i]] = run.after[i];
    before[run.tier_names[i]] = run.before[i];
    distribution.push_back(
        {{"tier", run.tier_names[i]}, {"before", run.before[i]}, {"after", run.after[i]}});
  }
  distribution.push_back({{"tier", nullptr}, {"before", run.none_before}, {"after", run.none_after}});
  json movers = json::array();
  for (const auto& m : run.movers) {
    movers.push_back({{"customer_id", m.customer_id},
                      {"customer_name", m.customer_name},
                      {"external_ref", m.external_ref.empty() ? json(nullptr) : json(m.external_ref)},
                      {"from", OptJson(m.from)},
                      {"to", OptJson(m.to)},
                      {"kind", std::string(TierChangeKindName(m.kind))},
                      {"value", m.value},
                      {"reason", m.reason}});
  }
  const std::string last = FormatCivilDate(FirstDayOf(run.last_month)).substr(0, 7);
  return json{{"scheme_id", run.scheme_id == 0 ? json(nullptr) : json(run.scheme_id)},
              {"scheme_version", run.scheme_version == 0 ? json(nullptr) : json(run.scheme_version)},
              {"scheme_name", run.scheme_name},
              {"as_of", FormatCivilDate(run.as_of)},
              {"window_end_month", last},
              {"customers", run.customers},
              {"counts", counts},
              {"counts_before", before},
              {"none_before", run.none_before},
              {"none_after", run.none_after},
              {"distribution", distribution},
              {"changes", run.changes},
              {"assigned", run.assigned},
              {"upgrades", run.upgrades},
              {"downgrades", run.downgrades},
              {"revoked", run.revoked},
              {"pinned_kept", run.pinned_kept},
              {"movers", movers},
              {"applied", run.applied},
              {"seconds", run.load_seconds + run.evaluate_seconds + run.apply_seconds},
              {"timings",
               {{"load_seconds", run.load_seconds},
                {"evaluate_seconds", run.evaluate_seconds},
                {"apply_seconds", run.apply_seconds},
                {"commit_seconds", run.commit_seconds}}}};
}

json ToJson(const TierChange& c, const std::string& reason) {
  return json{{"id", c.id},
              {"customer_id", c.customer_id},
              {"scheme_id", c.scheme_id},
              {"scheme_name", c.scheme_name},
              {"scheme_version", c.scheme_version},
              {"old_tier", OptJson(c.old_tier)},
              {"new_tier", OptJson(c.new_tier)},
              {"kind", std::string(TierChangeKindName(c.kind))},
              {"source", std::string(TierChangeSourceName(c.source))},
              {"reason", reason},
              {"actor_id", OptJson(c.actor_id)},
              {"actor_name", OptJson(c.actor_name)},
              {"effective_on", FormatCivilDate(c.effective_on)},
              {"pinned_until", OptDate(c.pinned_until)},
              {"created_at", FormatRfc3339(c.created_at)}};
}

json ToJson(const CustomerTier& t) {
  json out{{"scheme_id", t.scheme.id},
           {"scheme_name", t.scheme.name},
           {"kind", std::string(SchemeKindName(t.scheme.kind))},
           {"primary", t.scheme.primary},
           {"tier", nullptr},
           {"since", nullptr},
           {"pinned_until", nullptr}};
  if (t.assignment) {
    out["tier"] = OptJson(t.assignment->tier);
    out["since"] = FormatCivilDate(t.assignment->since);
    out["pinned_until"] = OptDate(t.assignment->pinned_until);
  }
  return out;
}

Result<TierScheme> JsonSchemeFormat::Parse(std::string_view json_text) const {
  json parsed = json::parse(json_text, nullptr, false);
  if (parsed.is_discarded()) return BadRequest("stored tier scheme is not JSON");
  return ParseTierScheme(parsed);
}

std::string JsonSchemeFormat::Format(const TierScheme& scheme) const {
  return ToJson(scheme).dump();
}

namespace {

// {"active": bool, "primary": bool}, each optional.
void ReadSettings(const json& body, SchemeSettings& out, std::vector<FieldError>& problems) {
  for (const char* name : {"active", "primary"}) {
    auto it = body.find(name);
    if (it == body.end()) continue;
    if (!it->is_boolean()) {
      problems.push_back({name, "must_be_boolean"});
      continue;
    }
    (std::string_view(name) == "active" ? out.active : out.primary) = it->get<bool>();
  }
}

// A scheme under "definition": every problem is named under "definition." so the editor
// can place it.
Result<TierScheme> ParseDefinition(const json& j) {
  auto parsed = ParseTierScheme(j);
  if (!parsed.ok()) {
    Error e = parsed.take_error();
    for (auto& f : e.fields) f.field = "definition." + f.field;
    return e;
  }
  return parsed;
}

void RefuseUnknown(const json& body, std::initializer_list<std::string_view> allowed,
                   std::vector<FieldError>& problems) {
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
}

}  // namespace

Result<SchemeCreate> DecodeSchemeCreate(const json& body) {
  std::vector<FieldError> problems;
  SchemeCreate out;
  ReadSettings(body, out.settings, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  json scheme = body;
  scheme.erase("active");
  scheme.erase("primary");
  auto parsed = ParseTierScheme(scheme);
  if (!parsed.ok()) return parsed.take_error();
  out.scheme = std::move(*parsed);
  return out;
}

Result<SchemePatch> DecodeSchemePatch(const json& body) {
  std::vector<FieldError> problems;
  RefuseUnknown(body, {"definition", "active", "primary"}, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  SchemePatch out;
  ReadSettings(body, out.settings, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  if (auto it = body.find("definition"); it != body.end()) {
    auto parsed = ParseDefinition(*it);
    if (!parsed.ok()) return parsed.take_error();
    out.definition = std::move(*parsed);
  }
  return out;
}

Result<RunRequest> DecodeRunRequest(const json& body,
                                    std::initializer_list<std::string_view> allowed) {
  std::vector<FieldError> problems;
  RefuseUnknown(body, allowed, problems);
  RunRequest out;
  if (auto it = body.find("as_of"); it != body.end() && !it->is_null()) {
    std::optional<CivilDate> d;
    if (it->is_string()) d = ParseCivilDate(it->get<std::string>());
    if (!d) {
      problems.push_back({"as_of", "must_be_date"});
    } else {
      out.options.as_of = d;
    }
  }
  if (auto it = body.find("movers_limit"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 1000) {
      problems.push_back({"movers_limit", "out_of_range"});
    } else {
      out.options.movers_limit = static_cast<int>(it->get<std::int64_t>());
    }
  }
  if (!problems.empty()) return ValidationFailed(problems);
  if (std::find(allowed.begin(), allowed.end(), "definition") != allowed.end()) {
    if (auto it = body.find("definition"); it != body.end() && !it->is_null()) {
      auto parsed = ParseDefinition(*it);
      if (!parsed.ok()) return parsed.take_error();
      out.definition = std::move(*parsed);
    }
  }
  return out;
}

}  // namespace kams::codec
