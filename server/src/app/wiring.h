#pragma once
// Builds the object graph of one KAMS process: storage, crypto, clock, services.

#include <memory>
#include <string>

#include "app/access_log_writer.h"
#include "app/system_clock.h"
#include "app/timed_database.h"
#include "core/access_alerts/access_alert_service.h"
#include "core/audit/audit_service.h"
#include "core/auth/auth_service.h"
#include "core/contacts/contact_service.h"
#include "core/contracts/contract_service.h"
#include "core/customers/customer_service.h"
#include "core/engagement/engagement_service.h"
#include "core/engagement/handover_service.h"
#include "core/engagement/visit_service.h"
#include "core/exports/export_service.h"
#include "core/imports/import_service.h"
#include "core/nominations/nomination_service.h"
#include "core/org/org_service.h"
#include "core/tiering/tiering_service.h"
#include "crypto/sodium_crypto.h"
#include "http/json_codec.h"
#include "http/metrics.h"
#include "store/store_database.h"

namespace kams {

struct WiringOptions {
  std::string db;  // file path (SQLite) or postgres://… URL (PostgreSQL)
  int pool_size = 8;
  StoreWorkload workload = StoreWorkload::kOnline;
  std::size_t import_batch_rows = 20000;  // rows per import transaction
  std::int64_t export_max_rows = kDefaultExportMaxRows;  // rows per export over the API
  int export_page_rows = kDefaultExportPageRows;         // rows per query of an export
};

class Wiring {
 public:
  // Opens the database and applies migrations. Throws std::runtime_error on failure
  // (unreachable database, schema newer than this binary).
  explicit Wiring(const WiringOptions& options);
  ~Wiring();

  CoreDeps deps() { return CoreDeps{timed_db_, clock_, crypto_, access_log_}; }
  StoreDatabase& store() { return *store_; }
  http::Metrics& metrics() { return metrics_; }
  AuthService& auth() { return auth_; }
  CustomerService& customers() { return customers_; }
  ContactService& contacts() { return contacts_; }
  OrgService& org() { return org_; }
  UserService& users() { return users_; }
  AuditService& audit() { return audit_; }
  ImportService& imports() { return imports_; }
  TieringService& tiering() { return tiering_; }
  NominationService& nominations() { return nominations_; }
  NotificationService& notifications() { return notifications_; }
  InteractionService& interactions() { return interactions_; }
  CadenceService& cadence() { return cadence_; }
  AccessAlertService& access_alerts() { return access_alerts_; }
  HandoverService& handovers() { return handovers_; }
  VisitPlanService& visit_plans() { return visit_plans_; }
  ReviewService& reviews() { return reviews_; }
  ExportService& exports() { return exports_; }
  ContractService& contracts() { return contracts_; }
  const SchemeFormat& scheme_format() const { return scheme_format_; }
  AccessLogWriter& access_log() { return access_log_; }
  // The principal CLI commands act as (audited as "cli").
  Principal CliPrincipal();

 private:
  std::unique_ptr<StoreDatabase> store_;
  http::Metrics metrics_;
  TimedDatabase timed_db_;
  SystemClock clock_;
  SodiumCrypto crypto_;
  AccessLogWriter access_log_;
  AuthService auth_;
  CustomerService customers_;
  ContactService contacts_;
  OrgService org_;
  UserService users_;
  AuditService audit_;
  ImportService imports_;
  codec::JsonSchemeFormat scheme_format_;
  TieringService tiering_;
  NominationService nominations_;
  NotificationService notifications_;
  InteractionService interactions_;
  CadenceService cadence_;
  AccessAlertService access_alerts_;
  HandoverService handovers_;
  VisitPlanService visit_plans_;
  ReviewService reviews_;
  ExportService exports_;
  ContractService contracts_;
};

// Opens and migrates only (for `kams migrate`).
std::unique_ptr<StoreDatabase> OpenDatabase(const std::string& db, int pool_size,
                                            StoreWorkload workload = StoreWorkload::kOnline);

}  // namespace kams
