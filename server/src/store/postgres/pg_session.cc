#include "store/postgres/pg_session.h"

namespace kams {

PgConnection::PgConnection(const std::string& url) : conn_(url) {
  conn_.set_client_encoding("UTF8");
  // NOTICEs (e.g. "relation already exists, skipping") are not worth a line on stderr.
  conn_.set_variable("client_min_messages", "warning");
}

const std::string& PgConnection::StatementName(const std::string& sql) {
  auto it = names_.find(sql);
  if (it == names_.end()) {
    std::string name = "kams_" + std::to_string(names_.size() + 1);
    conn_.prepare(name, sql);
    it = names_.emplace(sql, std::move(name)).first;
  }
  return it->second;
}

PgValues ToPg(const std::vector<SqlValue>& values) {
  PgValues out;
  out.reserve(values.size());
  for (const auto& v : values) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      out.emplace_back(std::to_string(*n));
    } else if (std::holds_alternative<std::monostate>(v)) {
      out.emplace_back(std::nullopt);
    } else {
      out.emplace_back(std::get<std::string>(v));
    }
  }
  return out;
}

std::string PgTextArray(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace kams
