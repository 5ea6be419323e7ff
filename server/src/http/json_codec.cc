#include "http/json_codec.h"

#include <set>
#include <vector>

#include "core/common/validation.h"

namespace kams::codec {
namespace {

json Nullable(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json Nullable(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
json EmptyAsNull(const std::string& v) { return v.empty() ? json(nullptr) : json(v); }
json Time(Timestamp t) { return FormatRfc3339(t); }
json Time(const std::optional<Timestamp>& t) { return t ? json(FormatRfc3339(*t)) : json(nullptr); }

// Reads the fields of one JSON object onto an entity, collecting every problem.
class Fields {
 public:
  explicit Fields(const json& body) : body_(body) {}

  // Text; null clears it. Leading and trailing white space is dropped.
  void Text(const char* name, std::string& out) {
    const json* v = Take(name);
    if (!v) return;
    if (v->is_null()) {
      out.clear();
    } else if (v->is_string()) {
      out = TrimSpace(v->get<std::string>());
    } else {
      errors_.Add(name, "must_be_string");
    }
  }
  // Text where absent/empty is stored as "not set".
  void OptText(const char* name, std::optional<std::string>& out) {
    const json* v = Take(name);
    if (!v) return;
    if (v->is_null()) {
      out.reset();
    } else if (v->is_string()) {
      std::string s = TrimSpace(v->get<std::string>());
      if (s.empty()) {
        out.reset();
      } else {
        out = std::move(s);
      }
    } else {
      errors_.Add(name, "must_be_string");
    }
  }
  void Int(const char* name, std::optional<std::int64_t>& out) {
    const json* v = Take(name);
    if (!v) return;
    if (v->is_null()) {
      out.reset();
    } else if (v->is_number_integer() && !(v->is_number_unsigned() &&
                                           v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
      out = v->get<std::int64_t>();
    } else {
      errors_.Add(name, "must_be_integer");
    }
  }
  void RequiredId(const char* name, Id& out) {
    const json* v = Take(name);
    if (!v) return;
    std::optional<std::int64_t> tmp;
    if (v->is_null()) {
      errors_.Add(name, "required");
      return;
    }
    Int(name, tmp, *v);
    if (tmp) {
      if (*tmp <= 0) {
        errors_.Add(name, "invalid");
      } else {
        out = *tmp;
      }
    }
  }
  void OptId(const char* name, std::optional<Id>& out) {
    const json* v = Take(name);
    if (!v) return;
    if (v->is_null()) {
      out.reset();
      return;
    }
    std::optional<std::int64_t> tmp;
    Int(name, tmp, *v);
    if (tmp) {
      if (*tmp <= 0) {
        errors_.Add(name, "invalid");
      } else {
        out = *tmp;
      }
    }
  }
  void Bool(const char* name, bool& out) {
    const json* v = Take(name);
    if (!v) return;
    if (v->is_boolean()) {
      out = v->get<bool>();
    } else {
      errors_.Add(name, "must_be_boolean");
    }
  }
  // Fields a client may read but never set.
  void ReadOnly(std::initializer_list<const char*> names) {
    for (const char* n : names) {
      if (Take(n)) errors_.Add(n, "read_only");
    }
  }
  Status Finish() {
    for (auto it = body_.begin(); it != body_.end(); ++it) {
      if (!taken_.count(it.key())) errors_.Add(it.key(), "unknown_field");
    }
    return errors_.ToStatus();
  }
  // Like Finish, but when the shape is wrong also reports the domain rules the
  // well-typed fields break, so the client learns every problem in one answer.
  Status FinishWith(const Status& domain, std::string_view skip_field = "") {
    Status shape = Finish();
    if (shape.ok() || domain.ok()) return shape;
    for (const auto& f : domain.error().fields) {
      if (f.field != skip_field) errors_.Add(f.field, f.problem);
    }
    return errors_.ToStatus();
  }
  Validator& errors() { return errors_; }

 private:
  const json* Take(const char* name) {
    auto it = body_.find(name);
    if (it == body_.end()) return nullptr;
    taken_.insert(name);
    return &*it;
  }
  void Int(const char* name, std::optional<std::int64_t>& out, const json& v) {
    if (v.is_number_integer() &&
        !(v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
      out = v.get<std::int64_t>();
    } else {
      errors_.Add(name, "must_be_integer");
    }
  }
  const json& body_;
  std::set<std::string> taken_;
  Validator errors_;
};

// What makes a well-formed body unacceptable: a key or string value holding U+0000 (only
// reachable as the escape \u0000), or arrays and objects nested deeper than kMaxBodyDepth.
// Walked with an explicit stack: bodies may nest hundreds of thousands of levels deep.
std::optional<std::string> BodyProblem(const json& root) {
  std::vector<std::pair<const json*, int>> stack{{&root, 1}};
  while (!stack.empty()) {
    const auto [v, depth] = stack.back();
    stack.pop_back();
    if (v->is_string()) {
      if (v->get_ref<const std::string&>().find('\0') != std::string::npos) {
        return "strings must not contain the NUL character (\\u0000)";
      }
    } else if (v->is_structured() && depth > kMaxBodyDepth) {
      return "the body must not nest arrays and objects more than " +
             std::to_string(kMaxBodyDepth) + " levels deep";
    } else if (v->is_object()) {
      for (auto it = v->begin(); it != v->end(); ++it) {
        if (it.key().find('\0') != std::string::npos) {
          return "strings must not contain the NUL character (\\u0000)";
        }
        stack.emplace_back(&it.value(), depth + 1);
      }
    } else if (v->is_array()) {
      for (const auto& e : *v) stack.emplace_back(&e, depth + 1);
    }
  }
  return std::nullopt;
}

}  // namespace

Result<json> ParseObject(std::string_view body) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return BadRequest("malformed JSON body");
  if (!j.is_object()) return BadRequest("the body must be a JSON object");
  // No stored text may hold NUL: PostgreSQL refuses it (a 500), and it is never real data.
  // Deep nesting would overflow the stack of the recursive dump, copy and compare.
  if (auto problem = BodyProblem(j)) return BadRequest(std::move(*problem));
  return j;
}

json ErrorJson(const Error& e) {
  json err = {{"code", std::string(ErrorCodeName(e.code))}, {"message", e.message}};
  if (!e.fields.empty()) {
    json fields = json::object();
    for (const auto& f : e.fields) fields[f.field] = f.problem;
    err["fields"] = std::move(fields);
  }
  if (e.in_doubt) err["in_doubt"] = true;
  return json{{"error", std::move(err)}};
}

void WriteCustomer(JsonWriter& w, const Customer& c) {
  w.BeginObject();
  w.Key("id").Int(c.id);
  w.Key("version").Int(c.version);
  w.Key("external_ref").OptString(c.external_ref);
  w.Key("name").String(c.name);
  w.Key("stage").String(c.stage);
  w.Key("credit_code").OptString(c.credit_code);
  w.Key("industry").String(c.industry);
  w.Key("region").String(c.region);
  w.Key("address").String(c.address);
  w.Key("phone").String(c.phone);
  w.Key("website").String(c.website);
  w.Key("org_unit_id").Int(c.org_unit_id);
  w.Key("org_unit_name").String(c.org_unit_name);
  w.Key("owner_id").OptInt(c.owner_id);
  w.Key("owner_name").OptString(c.owner_name);
  w.Key("is_key_account").Bool(c.is_key_account);
  w.Key("tier").OptString(c.tier);
  w.Key("ownership").StringOrNull(c.ownership);
  w.Key("scale").StringOrNull(c.scale);
  w.Key("employees").OptInt(c.employees);
  w.Key("founded_on").StringOrNull(c.founded_on);
  w.Key("characteristics").String(c.characteristics);
  w.Key("annual_revenue_fen").OptInt(c.annual_revenue_fen);
  w.Key("main_business").String(c.main_business);
  w.Key("competitors").String(c.competitors);
  w.Key("potential").StringOrNull(c.potential);
  w.Key("business_notes").String(c.business_notes);
  w.Key("relationship_stage").StringOrNull(c.relationship_stage);
  w.Key("loyalty").StringOrNull(c.loyalty);
  w.Key("first_deal_on").StringOrNull(c.first_deal_on);
  w.Key("credit_rating").StringOrNull(c.credit_rating);
  w.Key("payment_terms_days").OptInt(c.payment_terms_days);
  w.Key("trading_notes").String(c.trading_notes);
  w.Key("created_at").String(FormatRfc3339(c.created_at));
  w.Key("updated_at").String(FormatRfc3339(c.updated_at));
  w.Key("created_by").OptInt(c.created_by);
  w.EndObject();
}

std::string CustomerJson(const Customer& c) {
  std::string out;
  out.reserve(1024);
  JsonWriter w(out);
  WriteCustomer(w, c);
  return out;
}

Status ApplyCustomer(const json& body, Customer& c) {
  Customer next = c;
  Fields f(body);
  f.ReadOnly({"id", "version", "is_key_account", "tier", "owner_name", "org_unit_name",
              "created_at", "updated_at",
              "created_by"});
  f.OptText("external_ref", next.external_ref);
  f.Text("name", next.name);
  f.Text("stage", next.stage);
  f.OptText("credit_code", next.credit_code);
  f.Text("industry", next.industry);
  f.Text("region", next.region);
  f.Text("address", next.address);
  f.Text("phone", next.phone);
  f.Text("website", next.website);
  f.RequiredId("org_unit_id", next.org_unit_id);
  f.OptId("owner_id", next.owner_id);
  f.Text("ownership", next.ownership);
  f.Text("scale", next.scale);
  f.Int("employees", next.employees);
  f.Text("founded_on", next.founded_on);
  f.Text("characteristics", next.characteristics);
  f.Int("annual_revenue_fen", next.annual_revenue_fen);
  f.Text("main_business", next.main_business);
  f.Text("competitors", next.competitors);
  f.Text("potential", next.potential);
  f.Text("business_notes", next.business_notes);
  f.Text("relationship_stage", next.relationship_stage);
  f.Text("loyalty", next.loyalty);
  f.Text("first_deal_on", next.first_deal_on);
  f.Text("credit_rating", next.credit_rating);
  f.Int("payment_terms_days", next.payment_terms_days);
  f.Text("trading_notes", next.trading_notes);
  KAMS_CHECK(f.FinishWith(ValidateCustomer(next), next.org_unit_id == 0 ? "org_unit_id" : ""));
  if (next.stage.empty()) next.stage = c.stage.empty() ? "prospect" : c.stage;
  c = std::move(next);
  return Ok();
}

json ToJson(const Contact& c) {
  return json{
      {"id", c.id},
      {"customer_id", c.customer_id},
      {"version", c.version},
      {"name", c.name},
      {"title", c.title},
      {"department", c.department},
      {"phone", c.phone},
      {"email", c.email},
      {"buying_role", EmptyAsNull(c.buying_role)},
      {"reports_to_id", Nullable(c.reports_to_id)},
      {"interests", c.interests},
      {"birthday", EmptyAsNull(c.birthday)},
      {"notes", c.notes},
      {"created_at", Time(c.created_at)},
      {"updated_at", Time(c.updated_at)},
  };
}

Status ApplyContact(const json& body, Contact& c) {
  Contact next = c;
  Fields f(body);
  f.ReadOnly({"id", "customer_id", "version", "created_at", "updated_at"});
  f.Text("name", next.name);
  f.Text("title", next.title);
  f.Text("department", next.department);
  f.Text("phone", next.phone);
  f.Text("email", next.email);
  f.Text("buying_role", next.buying_role);
  f.OptId("reports_to_id", next.reports_to_id);
  f.Text("interests", next.interests);
  f.Text("birthday", next.birthday);
  f.Text("notes", next.notes);
  KAMS_CHECK(f.FinishWith(ValidateContact(next)));
  c = std::move(next);
  return Ok();
}

json ToJson(const Contract& c) {
  return json{
      {"id", c.id},
      {"customer_id", c.customer_id},
      {"version", c.version},
      {"number", c.number},
      {"title", c.title},
      {"status", c.status},
      {"signed_on", EmptyAsNull(c.signed_on)},
      {"starts_on", c.starts_on},
      {"ends_on", EmptyAsNull(c.ends_on)},
      {"amount_fen", Nullable(c.amount_fen)},
      {"terminated_on", EmptyAsNull(c.terminated_on)},
      {"termination_reason", c.termination_reason},
      {"notes", c.notes},
      {"created_by", Nullable(c.created_by)},
      {"created_at", Time(c.created_at)},
      {"updated_at", Time(c.updated_at)},
  };
}

Status ApplyContract(const json& body, Contract& c) {
  Contract next = c;
  Fields f(body);
  f.ReadOnly({"id", "customer_id", "version", "created_by", "created_at", "updated_at"});
  f.Text("number", next.number);
  f.Text("title", next.title);
  f.Text("status", next.status);
  f.Text("signed_on", next.signed_on);
  f.Text("starts_on", next.starts_on);
  f.Text("ends_on", next.ends_on);
  f.Int("amount_fen", next.amount_fen);
  f.Text("terminated_on", next.terminated_on);
  f.Text("termination_reason", next.termination_reason);
  f.Text("notes", next.notes);
  KAMS_CHECK(f.FinishWith(ValidateContract(next)));
  c = std::move(next);
  return Ok();
}

json ToJson(const User& u) {
  return json{
      {"id", u.id},
      {"username", u.username},
      {"display_name", u.display_name},
      {"role", std::string(RoleName(u.role))},
      {"org_unit_id", u.org_unit_id},
      {"active", u.active},
      {"email", u.email},
      {"phone", u.phone},
      {"locale", EmptyAsNull(u.locale)},
      {"version", u.version},
      {"created_at", Time(u.created_at)},
      {"updated_at", Time(u.updated_at)},
      {"last_login_at", Time(u.last_login_at)},
  };
}

Status ApplyUser(const json& body, User& u, std::string* password) {
  User next = u;
  Fields f(body);
  f.ReadOnly({"id", "version", "created_at", "updated_at", "last_login_at"});
  if (password) {
    f.Text("username", next.username);
    std::string pw;
    if (auto it = body.find("password"); it != body.end()) {
      if (it->is_string()) {
        *password = it->get<std::string>();
      } else {
        f.errors().Add("password", "must_be_string");
      }
    }
    f.Text("password", pw);  // consumed above; keeps it from being an unknown field
  } else {
    f.ReadOnly({"username", "password"});
  }
  f.Text("display_name", next.display_name);
  if (auto it = body.find("role"); it != body.end()) {
    std::string role;
    f.Text("role", role);
    if (auto r = ParseRole(role)) {
      next.role = *r;
    } else {
      f.errors().Add("role", "invalid");
    }
  }
  f.RequiredId("org_unit_id", next.org_unit_id);
  f.Bool("active", next.active);
  f.Text("email", next.email);
  f.Text("phone", next.phone);
  f.Text("locale", next.locale);
  KAMS_CHECK(f.Finish());
  u = std::move(next);
  return Ok();
}

json ToJson(const OrgUnit& u) {
  return json{{"id", u.id},
              {"parent_id", u.parent_id ? json(*u.parent_id) : json(nullptr)},
              {"name", u.name},
              {"kind", u.kind},
              {"version", u.version},
              {"created_at", Time(u.created_at)},
              {"updated_at", Time(u.updated_at)}};
}

Status ApplyOrgUnit(const json& body, OrgUnit& u) {
  OrgUnit next = u;
  Fields f(body);
  f.ReadOnly({"id", "version", "created_at", "updated_at"});
  f.Text("name", next.name);
  f.Text("kind", next.kind);
  f.OptId("parent_id", next.parent_id);
  KAMS_CHECK(f.Finish());
  u = std::move(next);
  return Ok();
}

json ToJson(const AuditRecord& r) {
  json changes = json::array();
  for (const auto& c : r.changes) {
    changes.push_back({{"field", c.field}, {"before", Nullable(c.before)}, {"after", Nullable(c.after)}});
  }
  return json{{"id", r.id},
              {"at", Time(r.at)},
              {"actor_id", Nullable(r.actor_id)},
              {"actor_name", r.actor_name},
              {"action", r.action},
              {"entity", r.entity},
              {"entity_id", Nullable(r.entity_id)},
              {"customer_id", Nullable(r.customer_id)},
              {"changes", std::move(changes)},
              {"request_id", r.request_id},
              {"client_addr", r.client_addr},
              {"hash", r.hash}};
}

json ToJson(const ApiToken& t) {
  return json{{"id", t.id},
              {"name", t.name},
              {"created_at", Time(t.created_at)},
              {"last_used_at", Time(t.last_used_at)},
              {"revoked_at", Time(t.revoked_at)},
              {"expires_at", Time(t.expires_at)}};
}

json ToJson(const AccountTeamMember& m) {
  return json{{"customer_id", m.customer_id},
              {"user_id", m.user_id},
              {"team_role", m.team_role},
              {"added_at", Time(m.added_at)},
              {"user_name", m.user_name}};
}

Status ApplyTeamMember(const json& body, AccountTeamMember& m) {
  std::vector<FieldError> problems;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() == "user_id") {
      if (it->is_number_integer() && it->get<std::int64_t>() > 0) {
        m.user_id = it->get<std::int64_t>();
      } else {
        problems.push_back({"user_id", "must_be_id"});
      }
    } else if (it.key() == "team_role") {
      if (it->is_string()) {
        m.team_role = it->get<std::string>();
      } else {
        problems.push_back({"team_role", "must_be_string"});
      }
    } else {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (m.user_id == 0 && problems.empty()) problems.push_back({"user_id", "required"});
  if (!problems.empty()) return ValidationFailed(problems);
  return Ok();
}

std::string Base64UrlEncode(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  while (i + 2 < in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
    i += 3;
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (i + 2 == in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
  };
  if (in.size() % 4 == 1 || in.size() > 4096) return std::nullopt;
  std::string out;
  unsigned buf = 0;
  int bits = 0;
  for (char c : in) {
    const int v = val(c);
    if (v < 0) return std::nullopt;
    buf = (buf << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buf >> bits) & 0xFF));
    }
  }
  return out;
}

std::string EncodeCursor(std::string_view sort_name, const Cursor& c) {
  return Base64UrlEncode("v1|" + std::string(sort_name) + "|" + std::to_string(c.id) + "|" +
                         c.sort_value);
}

std::optional<Cursor> DecodeCursor(std::string_view text, std::string_view sort_name,
                                   bool numeric_value) {
  auto raw = Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  std::string_view s = *raw;
  if (s.substr(0, 3) != "v1|") return std::nullopt;
  s.remove_prefix(3);
  const auto bar1 = s.find('|');
  if (bar1 == std::string_view::npos || s.substr(0, bar1) != sort_name) return std::nullopt;
  s.remove_prefix(bar1 + 1);
  const auto bar2 = s.find('|');
  if (bar2 == std::string_view::npos) return std::nullopt;
  Cursor c;
  try {
    std::size_t used = 0;
    c.id = std::stoll(std::string(s.substr(0, bar2)), &used);
    if (used != bar2 || c.id < 0) return std::nullopt;
  } catch (...) {
    return std::nullopt;
  }
  c.sort_value = std::string(s.substr(bar2 + 1));
  if (numeric_value) {
    try {
      std::size_t used = 0;
      (void)std::stoll(c.sort_value, &used);
      if (used != c.sort_value.size()) return std::nullopt;
    } catch (...) {
      return std::nullopt;
    }
  }
  return c;
}

json ToJson(const Preferences& p) {
  json settings = json::parse(p.settings_json, nullptr, false);
  if (!settings.is_object()) settings = json::object();
  return json{{"version", p.version}, {"locale", EmptyAsNull(p.locale)}, {"settings", settings}};
}

Status ApplyPreferences(const json& body, Preferences& p) {
  std::vector<FieldError> problems;
  bool has_locale = false, has_settings = false;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() == "locale") {
      has_locale = true;
      if (it->is_null()) {
        p.locale.clear();
      } else if (it->is_string()) {
        p.locale = it->get<std::string>();
      } else {
        problems.push_back({"locale", "must_be_string"});
      }
    } else if (it.key() == "settings") {
      has_settings = true;
      if (it->is_object()) {
        p.settings_json = it->dump();
      } else {
        problems.push_back({"settings", "must_be_object"});
      }
    } else if (it.key() == "version") {
      problems.push_back({"version", "read_only"});
    } else {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (!has_locale) problems.push_back({"locale", "required"});
  if (!has_settings) problems.push_back({"settings", "required"});
  if (!problems.empty()) return ValidationFailed(problems);
  return Ok();
}

}  // namespace kams::codec
