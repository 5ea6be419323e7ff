#pragma once
// Contact records, cadence breaches and visit plans as the API shows them, and the small
// readers of JSON members the engagement handlers share (each adds a field error naming
// the member instead of failing the whole body).

#include <nlohmann/json.hpp>

#include "core/engagement/engagement_service.h"
#include "core/engagement/visit_service.h"

namespace kams::http {

using nlohmann::json;

json OptJson(const std::optional<Id>& v);
json OptJson(const std::optional<std::string>& v);
json TimeJson(const std::optional<Timestamp>& t);
json DateJson(const std::optional<CivilDate>& d);
json RefsJson(const std::vector<NamedRef>& refs);
json InteractionJson(const Interaction& i);
json BreachJson(const CadenceBreach& b);
// `today` decides whether an open plan shows as missed.
json VisitPlanJson(const VisitPlan& p, const CivilDate& today);

// Optional members: null or absent leave `out` unchanged (ReadText: null is "").
Status ReadInt(const json& body, const char* name, std::int64_t min, std::int64_t max,
               std::optional<std::int64_t>& out, std::vector<FieldError>& problems,
               const std::string& prefix = "");
Status ReadText(const json& body, const char* name, std::optional<std::string>& out,
                std::vector<FieldError>& problems);
Status ReadBool(const json& body, const char* name, std::optional<bool>& out,
                std::vector<FieldError>& problems);
Status ReadId(const json& body, const char* name, std::optional<Id>& out,
              std::vector<FieldError>& problems);
Status ReadInstant(const json& body, const char* name, std::optional<Timestamp>& out,
                   std::vector<FieldError>& problems);
// An array of ids (absent or null: empty); the first bad element is the error.
Result<std::vector<Id>> ReadIds(const json& body, const char* name);
// The same for a patch: absent stays nullopt (unchanged), null is an empty list.
Result<std::optional<std::vector<Id>>> ReadIdsIfPresent(const json& body, const char* name);

}  // namespace kams::http
