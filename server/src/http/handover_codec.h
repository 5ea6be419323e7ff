#pragma once
// Handovers as the API reads and shows them (part of the one JSON codec, json_codec.h).

#include <nlohmann/json.hpp>

#include "core/common/result.h"
#include "core/engagement/handover_service.h"

namespace kams::codec {

using nlohmann::json;

// {"to_user_ids": [..], "mode": "single"|"round_robin"|"mapping",
//  "mapping": {"<customer id>": <user id>, ...}}: types and ids only (the rules between the
// fields are the core's, CheckOrder). Unknown fields and wrong types are validation errors
// naming each field (`to_user_ids[1]`, `mapping.123`).
Result<HandoverOrder> DecodeHandoverOrder(const json& body);

// `items` only when `with_items` (a handover read one by one, or just made).
json ToJson(const Handover& h, bool with_items);
json ToJson(const HandoverPlan& p);
json ToJson(const OwnerHistoryEntry& e);
json ToJson(const HandoverDecay& d);

}  // namespace kams::codec
