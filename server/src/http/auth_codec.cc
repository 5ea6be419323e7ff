// Request bodies of sign-in, password changes and resets, and API tokens.
#include "http/json_codec.h"

namespace kams::codec {

Result<LoginRequest> DecodeLogin(const json& body) {
  LoginRequest out;
  std::vector<FieldError> problems;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() == "username" && it->is_string()) {
      out.username = it->get<std::string>();
    } else if (it.key() == "password" && it->is_string()) {
      out.password = it->get<std::string>();
    } else if (it.key() == "username" || it.key() == "password") {
      problems.push_back({it.key(), "must_be_string"});
    } else {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return out;
}

Result<PasswordChange> DecodePasswordChange(const json& body) {
  PasswordChange out;
  std::vector<FieldError> problems;
  for (auto it = body.begin(); it != body.end(); ++it) {
    std::string* target = it.key() == "current_password" ? &out.current_password
                          : it.key() == "new_password"   ? &out.new_password
                                                         : nullptr;
    if (!target) {
      problems.push_back({it.key(), "unknown_field"});
    } else if (!it->is_string()) {
      problems.push_back({it.key(), "must_be_string"});
    } else {
      *target = it->get<std::string>();
    }
  }
  // One problem per field: a non-string value is not also "required".
  auto reported = [&problems](std::string_view field) {
    for (const auto& p : problems) {
      if (p.field == field) return true;
    }
    return false;
  };
  if (out.current_password.empty() && !reported("current_password")) {
    problems.push_back({"current_password", "required"});
  }
  if (out.new_password.empty() && !reported("new_password")) {
    problems.push_back({"new_password", "required"});
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return out;
}

Result<std::string> DecodePasswordReset(const json& body) {
  std::string password;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "password") return ValidationFailed({{it.key(), "unknown_field"}});
    if (!it->is_string()) return ValidationFailed({{"password", "must_be_string"}});
    password = it->get<std::string>();
  }
  return password;
}

Result<TokenRequest> DecodeTokenRequest(const json& body) {
  TokenRequest out;
  std::vector<FieldError> problems;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() == "name") {
      if (it->is_string()) {
        out.name = it->get<std::string>();
      } else {
        problems.push_back({"name", "must_be_string"});
      }
    } else if (it.key() == "expires_at") {
      if (it->is_null()) continue;
      auto t = it->is_string() ? ParseRfc3339(it->get<std::string>()) : std::nullopt;
      if (!t) {
        problems.push_back({"expires_at", "invalid_timestamp"});
      } else {
        out.expires_at = *t;
      }
    } else {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return out;
}

}  // namespace kams::codec
