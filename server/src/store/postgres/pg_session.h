#pragma once
// Internal to store/postgres (included only by its .cc files): one pooled connection with
// its prepared statements, and one open transaction on it.

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ports/database.h"
#include "store/sql_binder.h"

namespace kams {

class PgConnection {
 public:
  explicit PgConnection(const std::string& url);
  pqxx::connection& raw() { return conn_; }
  // The name of the prepared statement for `sql`, prepared on this connection on first use.
  const std::string& StatementName(const std::string& sql);
  // Whether `sql` is prepared here, or there is still room to prepare it: dynamic list
  // queries have many shapes, and each prepared statement holds memory in its backend.
  bool CanPrepare(const std::string& sql) const {
    return names_.size() < kMaxPrepared || names_.count(sql) > 0;
  }
  static constexpr std::size_t kMaxPrepared = 512;

 private:
  pqxx::connection conn_;
  std::unordered_map<std::string, std::string> names_;
};

// Parameters of a dynamically built statement, as text (PostgreSQL infers each type from
// where it appears; casts make it explicit where it cannot). nullopt is NULL.
using PgValues = std::vector<std::optional<std::string>>;

// Builds the parameter list of a dynamic statement: each Add returns its placeholder "$n".
class PgBinds {
 public:
  std::string Add(std::int64_t v) { return Push(std::to_string(v)); }
  std::string Add(std::string v) { return Push(std::move(v)); }
  std::string AddBool(bool v) { return Push(v ? "true" : "false"); }
  const PgValues& values() const { return values_; }

 private:
  std::string Push(std::string v) {
    values_.emplace_back(std::move(v));
    return "$" + std::to_string(values_.size());
  }
  PgValues values_;
};

// PostgreSQL text cannot hold U+0000, and libpq would silently cut a parameter at the first
// NUL byte (so "admin\0x" would read as "admin"). Statements refuse such text instead: Run
// answers bad_request.
class PgNulInText : public std::runtime_error {
 public:
  PgNulInText() : std::runtime_error("text contains a NUL character") {}
};
inline void CheckText(const std::string& s) {
  if (s.find('\0') != std::string::npos) throw PgNulInText();
}
inline void CheckText(const std::optional<std::string>& s) {
  if (s) CheckText(*s);
}
inline void CheckText(const std::vector<std::optional<std::string>>& values) {
  for (const auto& v : values) CheckText(v);
}
template <class T>
void CheckText(const T&) {}  // numbers, booleans, NULLs

// One transaction in progress: the repositories run their SQL through it.
class PgSession {
 public:
  PgSession(PgConnection& c, pqxx::transaction_base& tx, TxMode mode)
      : c_(c), tx_(tx), mode_(mode) {}
  // A prepared statement with positional arguments ($1, $2, ...).
  template <class... A>
  pqxx::result Exec(const std::string& sql, A&&... args) {
    (CheckText(args), ...);
    return tx_.exec_prepared(c_.StatementName(sql), std::forward<A>(args)...);
  }
  // A prepared statement whose parameters are only known at run time.
  pqxx::result ExecDynamic(const std::string& sql, const PgValues& values) {
    CheckText(values);
    if (!c_.CanPrepare(sql)) return tx_.exec_params(sql, pqxx::prepare::make_dynamic_params(values));
    return tx_.exec_prepared(c_.StatementName(sql), pqxx::prepare::make_dynamic_params(values));
  }
  // A one-off parameterised statement (not prepared: e.g. multi-row inserts of any size).
  pqxx::result ExecOnce(const std::string& sql, const PgValues& values) {
    CheckText(values);
    return tx_.exec_params(sql, pqxx::prepare::make_dynamic_params(values));
  }
  bool writable() const { return mode_ == TxMode::kWrite; }

 private:
  PgConnection& c_;
  pqxx::transaction_base& tx_;
  TxMode mode_;
};

// Column helpers that map NULL to empty optionals.
inline std::optional<std::int64_t> OptInt(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::int64_t>();
}
inline std::optional<std::string> OptText(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<std::string>();
}

// Shared builder values (store/sql_binder.h) as PostgreSQL text parameters.
PgValues ToPg(const std::vector<SqlValue>& values);

// A PostgreSQL array literal of text values ({"a","b"}), for unnest($n::text[]).
std::string PgTextArray(const std::vector<std::string>& items);

// Builds an array literal element by element (NULLs, numbers, quoted text), for bulk
// INSERT … SELECT FROM unnest($1::bigint[], $2::text[], …).
class ArrayLiteral {
 public:
  void Null() { Separate(), text_ += "NULL"; }
  void Bare(std::string_view v) { Separate(), text_ += v; }
  void Int(std::int64_t v) { Bare(std::to_string(v)); }
  void OptInt(const std::optional<std::int64_t>& v) { v ? Int(*v) : Null(); }
  void Quoted(std::string_view v) {
    Separate();
    text_ += '"';
    for (char ch : v) {
      if (ch == '"' || ch == '\\') text_ += '\\';
      text_ += ch;
    }
    text_ += '"';
  }
  void OptQuoted(const std::optional<std::string>& v) { v ? Quoted(*v) : Null(); }
  // The literal so far ("{…}"); the builder starts again empty.
  std::string Take() {
    std::string out = std::move(text_);
    out += '}';
    text_ = "{";
    return out;
  }
  std::size_t size() const { return text_.size(); }

 private:
  void Separate() {
    if (text_.size() > 1) text_ += ',';
  }
  std::string text_ = "{";
};

}  // namespace kams
