#pragma once
// The JSON API: routes, authentication (session cookie or bearer token), CSRF, metrics.

#include <string>
#include <utility>
#include <vector>

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
#include "http/console_files.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/router.h"

namespace kams::http {

struct Services {
  AuthService& auth;
  CustomerService& customers;
  ContactService& contacts;
  OrgService& org;
  UserService& users;
  AuditService& audit;
  ImportService& imports;
  TieringService& tiering;
  NominationService& nominations;
  NotificationService& notifications;
  InteractionService& interactions;
  CadenceService& cadence;
  AccessAlertService& access_alerts;
  HandoverService& handovers;
  VisitPlanService& visit_plans;
  ReviewService& reviews;
  ExportService& exports;
  ContractService& contracts;
  std::function<bool()> healthy;  // storage reachable
};

struct ApiOptions {
  bool secure_cookies = false;  // add `Secure` (when served over TLS)
  // Where response bodies made before they are sent (exports) are written, as files
  // without a name: never kept in memory.
  std::string temp_dir = "/tmp";
};

// What an authenticated handler is given.
struct Call {
  Authenticated auth;
  RequestContext ctx;
  const Principal& who() const { return auth.principal; }
};
using AuthedHandler = std::function<Response(Request&, const Call&)>;

class Api {
 public:
  // `console` (may be null or empty) answers GET/HEAD outside the API.
  Api(Services services, Metrics& metrics, ApiOptions options,
      const ConsoleFiles* console = nullptr);
  // Never throws: a stray exception becomes a logged 500 with the request id.
  Response Handle(Request& req);
  // Whether the request may take long (a name search, an export or import, a password to
  // hash, a preview or apply over every customer, a report): the server runs those apart
  // from the quick reads and writes. Looks at the method, path and query only: a `q`
  // parameter, or one of LongRoutes() (method and route pattern, as registered).
  static bool RunsLong(const Request& req);
  static const std::vector<std::pair<std::string, std::string>>& LongRoutes();
  const Router& router() const { return router_; }

 private:
  Handler Authed(AuthedHandler h);
  Response Dispatch(Request& req, std::string& route_name);

  Services services_;
  Metrics& metrics_;
  ApiOptions options_;
  const ConsoleFiles* console_;
  Router router_;
};

// Route registration, one function per domain (handlers/*.cc).
void AddSystemRoutes(Router& r, Services& s, Metrics& m);
void AddAuthRoutes(Router& r, Services& s, const ApiOptions& o,
                   const std::function<Handler(AuthedHandler)>& authed);
void AddCustomerRoutes(Router& r, Services& s, const ApiOptions& o,
                       const std::function<Handler(AuthedHandler)>& authed);
void AddContactRoutes(Router& r, Services& s,
                      const std::function<Handler(AuthedHandler)>& authed);
void AddContractRoutes(Router& r, Services& s,
                       const std::function<Handler(AuthedHandler)>& authed);
void AddOrgRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed);
void AddAuditRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed);
void AddImportRoutes(Router& r, Services& s,
                     const std::function<Handler(AuthedHandler)>& authed);
void AddTieringRoutes(Router& r, Services& s,
                      const std::function<Handler(AuthedHandler)>& authed);
void AddEngagementRoutes(Router& r, Services& s,
                         const std::function<Handler(AuthedHandler)>& authed);
void AddNominationRoutes(Router& r, Services& s,
                         const std::function<Handler(AuthedHandler)>& authed);
void AddAccessAlertRoutes(Router& r, Services& s,
                          const std::function<Handler(AuthedHandler)>& authed);
void AddHandoverRoutes(Router& r, Services& s,
                       const std::function<Handler(AuthedHandler)>& authed);
void AddVisitRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed);

}  // namespace kams::http
