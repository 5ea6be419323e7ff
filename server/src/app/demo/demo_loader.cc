#include "app/demo/demo_loader.h"

#include <map>

#include "app/demo/demo_company.h"
#include "app/demo/demo_engagement.h"
#include "app/demo/demo_tiering.h"
#include "app/demo/demo_transactions.h"
#include "core/audit/audit_log.h"
#include "core/imports/transaction_writer.h"

namespace kams::demo {
namespace {

constexpr int kChunk = 5000;
constexpr std::size_t kTransactionChunk = 20000;

std::optional<std::int64_t> NonZero(std::int64_t v) {
  return v > 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

std::string TeamRoleFor(Role role) {
  switch (role) {
    case Role::kAssistant: return "assistant";
    case Role::kSales: return "sales";
    case Role::kService: return "service";
    case Role::kSpecialist: return "specialist";
    default: return "other";
  }
}

}  // namespace

Result<LoadReport> LoadDemoCompany(const CoreDeps& deps, const SchemeFormat& format,
                                   const DemoOptions& options,
                                   const std::function<void(int)>& progress) {
  const DemoCompany company = GenerateDemoCompany(options.seed, options.customers);
  const std::string hash = deps.crypto.HashPassword(kDemoPassword);
  const Timestamp now = deps.clock.Now();
  LoadReport report;
  std::map<std::string, Id> unit_ids;
  std::map<std::string, std::pair<Id, Role>> users;

  KAMS_CHECK(deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    for (const auto& u : company.units) {
      OrgUnit unit;
      unit.name = u.name;
      unit.kind = u.kind;
      if (!u.parent_key.empty()) unit.parent_id = unit_ids.at(u.parent_key);
      unit.created_at = unit.updated_at = now;
      unit_ids[u.key] = tx.org().Insert(unit);
      ++report.units;
    }
    for (const auto& du : company.users) {
      User u;
      u.username = du.username;
      u.display_name = du.display_name;
      u.role = ParseRole(du.role).value_or(Role::kSales);
      u.org_unit_id = unit_ids.at(du.org_unit_key);
      u.created_at = u.updated_at = now;
      users[du.username] = {tx.users().Insert(u, hash), u.role};
      ++report.users;
    }
    return Ok();
  }));

  const int total = static_cast<int>(company.customers.size());
  std::vector<Id> customer_ids(company.customers.size());
  for (int start = 0; start < total; start += kChunk) {
    const int end = std::min(total, start + kChunk);
    KAMS_CHECK(deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      for (int i = start; i < end; ++i) {
        const DemoCustomer& d = company.customers[static_cast<std::size_t>(i)];
        Customer c;
        c.external_ref = d.external_ref;
        c.name = d.name;
        c.stage = d.stage;
        if (!d.credit_code.empty()) c.credit_code = d.credit_code;
        c.industry = d.industry;
        c.region = d.region;
        c.address = d.address;
        c.phone = d.phone;
        c.website = d.website;
        c.org_unit_id = unit_ids.at(d.org_unit_key);
        if (!d.owner_username.empty()) c.owner_id = users.at(d.owner_username).first;
        c.is_key_account = d.is_key_account;
        c.ownership = d.ownership;
        c.scale = d.scale;
        c.employees = d.employees;
        c.founded_on = d.founded_on;
        c.characteristics = d.characteristics;
        c.annual_revenue_fen = NonZero(d.annual_revenue_fen);
        c.main_business = d.main_business;
        c.competitors = d.competitors;
        c.potential = d.potential;
        c.business_notes = d.business_notes;
        c.first_deal_on = d.first_deal_on;
        c.credit_rating = d.credit_rating;
        c.payment_terms_days = d.payment_terms_days;
        c.trading_notes = d.trading_notes;
        // Spread creation over the last three years, oldest first.
        c.created_at = now - static_cast<Timestamp>(total - i) * (3LL * 365 * 86400 / std::max(total, 1)) *
                                 kMicrosPerSecond;
        c.updated_at = c.created_at;
        c.id = tx.customers().Insert(c);
        customer_ids[static_cast<std::size_t>(i)] = c.id;
        for (const auto& member : d.team_usernames) {
          const auto& [uid, role] = users.at(member);
          tx.customers().AddTeamMember({c.id, uid, TeamRoleFor(role), c.created_at, ""});
        }
        std::vector<Id> contact_ids;
        for (const auto& dc : d.contacts) {
          Contact k;
          k.customer_id = c.id;
          k.name = dc.name;
          k.title = dc.title;
          k.department = dc.department;
          k.phone = dc.phone;
          k.email = dc.email;
          k.buying_role = dc.buying_role;
          if (dc.reports_to_index >= 0) {
            k.reports_to_id = contact_ids.at(static_cast<std::size_t>(dc.reports_to_index));
          }
          k.interests = dc.interests;
          k.birthday = dc.birthday;
          k.notes = dc.notes;
          k.created_at = k.updated_at = c.created_at;
          contact_ids.push_back(tx.contacts().Insert(k));
          ++report.contacts;
        }
        ++report.customers;
      }
      return Ok();
    }));
    if (progress) progress(end);
  }

  // The last whole month, as tier evaluation sees it today (the nightly job then finds the
  // windows it would evaluate already applied).
  const MonthIndex last_month = LastWholeMonth(BusinessDay(now));
  const std::vector<DemoTransaction> txns = GenerateDemoTransactions(
      options.seed, company, last_month / 12, last_month % 12 + 1, options.months);
  for (std::size_t start = 0; start < txns.size(); start += kTransactionChunk) {
    const std::size_t end = std::min(txns.size(), start + kTransactionChunk);
    std::vector<Transaction> batch;
    batch.reserve(end - start);
    for (std::size_t i = start; i < end; ++i) {
      const DemoTransaction& d = txns[i];
      Transaction t;
      t.customer_id = customer_ids[d.customer_index];
      t.txn_ref = d.txn_ref;
      t.date = CivilDate{d.year, d.month, d.day};
      t.amount_fen = d.amount_fen;
      t.margin_fen = d.margin_fen;
      t.product = d.product;
      t.order_ref = d.order_ref;
      t.created_at = now;
      batch.push_back(std::move(t));
    }
    KAMS_CHECK(deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      if (!RecordTransactions(tx, batch).empty()) {
        return MakeError(ErrorCode::kInternal, "demo transaction refs repeat");
      }
      return Ok();
    }));
    report.transactions += static_cast<std::int64_t>(batch.size());
  }

  if (options.months > 0) {
    Principal demo;
    demo.username = "demo";
    demo.role = Role::kAdmin;
    demo.org_unit_id = unit_ids.at(company.units.front().key);
    KAMS_TRY(DemoTieringReport tiering, SetUpDemoTiering(deps, format, demo, last_month));
    report.schemes = tiering.schemes;
    report.tier_changes = tiering.changes;
    KAMS_TRY(DemoEngagementReport engagement, SetUpDemoEngagement(deps, options.seed));
    report.interactions = engagement.interactions;
    report.visit_plans = engagement.visit_plans;
    report.reviewed = engagement.reviewed;
    report.handed_over = engagement.handed_over;
    report.contracts = engagement.contracts;
  }

  KAMS_CHECK(deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    AppendAudit(tx, deps, RequestContext{"demo", "local"}, nullptr, "system",
                AuditEvent{"demo.load", "company", std::nullopt, std::nullopt,
                           {{"units", std::nullopt, std::to_string(report.units)},
                            {"users", std::nullopt, std::to_string(report.users)},
                            {"customers", std::nullopt, std::to_string(report.customers)},
                            {"contacts", std::nullopt, std::to_string(report.contacts)},
                            {"transactions", std::nullopt, std::to_string(report.transactions)},
                            {"interactions", std::nullopt, std::to_string(report.interactions)},
                            {"visit_plans", std::nullopt, std::to_string(report.visit_plans)},
                            {"contracts", std::nullopt, std::to_string(report.contracts)},
                            {"tier_schemes", std::nullopt, std::to_string(report.schemes)}}});
    return Ok();
  }));
  return report;
}

}  // namespace kams::demo
