#include "app/wiring.h"

#include <stdexcept>

namespace kams {

std::unique_ptr<StoreDatabase> OpenDatabase(const std::string& db, int pool_size,
                                            StoreWorkload workload) {
  auto store = OpenStore(db, pool_size, workload);
  auto migrated = store->Migrate();
  if (!migrated.ok()) throw std::runtime_error(migrated.error().message);
  return store;
}

Wiring::Wiring(const WiringOptions& o)
    : store_(OpenDatabase(o.db, o.pool_size, o.workload)),
      timed_db_(*store_, metrics_),
      access_log_(timed_db_),
      auth_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      customers_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      contacts_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      org_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      users_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      audit_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      imports_(CoreDeps{timed_db_, clock_, crypto_, access_log_}, o.import_batch_rows),
      tiering_(CoreDeps{timed_db_, clock_, crypto_, access_log_}, scheme_format_),
      nominations_(CoreDeps{timed_db_, clock_, crypto_, access_log_}, scheme_format_),
      notifications_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      interactions_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      cadence_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      access_alerts_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      handovers_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      visit_plans_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      reviews_(CoreDeps{timed_db_, clock_, crypto_, access_log_}),
      exports_(CoreDeps{timed_db_, clock_, crypto_, access_log_}, o.export_max_rows,
               o.export_page_rows),
      contracts_(CoreDeps{timed_db_, clock_, crypto_, access_log_}) {}

Wiring::~Wiring() { access_log_.Stop(); }

Principal Wiring::CliPrincipal() {
  Principal p;
  p.user_id = 0;
  p.username = "cli";
  p.role = Role::kAdmin;
  auto units = org_.List(p);
  if (units.ok() && !units->empty()) p.org_unit_id = units->front().id;
  return p;
}

}  // namespace kams
