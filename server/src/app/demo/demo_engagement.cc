#include "app/demo/demo_engagement.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/demo/demo_rng.h"
#include "core/engagement/engagement_service.h"
#include "core/engagement/handover_service.h"
#include "core/engagement/visit_service.h"
#include "core/ports/database.h"

namespace kams::demo {
namespace {

constexpr const char* kPurposes[] = {
    "季度业务回顾", "确认明年采购计划", "催收到期货款",     "新产品技术交流", "合同续签洽谈",
    "了解项目进度", "处理质量投诉回访", "节日拜访",         "报价说明",       "安排高层会晤",
    "用电负荷调整沟通", "服务满意度回访", "协助办理增容手续", "对账确认",       "招标信息沟通"};
constexpr const char* kChannels[] = {"visit", "phone", "phone", "email", "meeting", "visit", "internet"};
constexpr const char* kOutcomes[] = {"对方认可，按计划推进", "需内部评估后答复", "已达成一致",
                                     "对方提出价格异议", "约定下次面谈", ""};
constexpr const char* kNextSteps[] = {"发送报价单", "安排技术人员上门", "提交合同草案", "跟进付款进度",
                                      "邀请参加产品发布会"};

constexpr const char* kCancelReasons[] = {"客户临时出差", "对方要求改期", "与投标答疑会冲突",
                                          "客户办公室装修，改为电话沟通"};
constexpr const char* kDirectorComments[] = {"请补充下一步计划和时间", "回款情况请在周五前确认",
                                             "这次拜访很及时，注意跟进报价", "建议约对方分管领导一起谈",
                                             "下次请写明对方参会人员"};
constexpr const char* kReplies[] = {"好的，已补充", "收到，本周内跟进", "已约下周二面谈"};

constexpr Timestamp kDay = 86400 * kMicrosPerSecond;
constexpr Timestamp kHour = 3600 * kMicrosPerSecond;
constexpr std::int64_t kHandoverDaysAgo = 40;

// The users each director reviews are those of their subtree: the nearest director above.
class Directors {
 public:
  explicit Directors(Tx& tx) : tx_(tx) {}
  std::optional<Id> Of(Id user_id) {
    auto it = cache_.find(user_id);
    if (it != cache_.end()) return it->second;
    std::optional<Id> found;
    if (auto u = tx_.users().Get(user_id)) {
      std::optional<Id> unit = u->org_unit_id;
      for (int depth = 0; unit && depth < 64 && !found; ++depth) {
        for (Id d : tx_.nominations().UsersWithRoleIn(Role::kDirector, *unit)) {
          if (d != user_id) {
            found = d;
            break;
          }
        }
        auto ou = tx_.org().Get(*unit);
        unit = ou ? ou->parent_id : std::nullopt;
      }
    }
    cache_[user_id] = found;
    return found;
  }

 private:
  Tx& tx_;
  std::map<Id, std::optional<Id>> cache_;
};

// ye.feng leaves: everything he holds goes to fang.xin, at `at`, through the real handover.
Result<std::map<Id, Timestamp>> DemoHandover(const CoreDeps& deps, Timestamp at,
                                            DemoEngagementReport& report) {
  std::optional<User> leaver, successor, admin;
  KAMS_CHECK(deps.db.Run(TxMode::kRead, [&](Tx& tx) -> Status {
    leaver = tx.users().FindByUsername("ye.feng");
    successor = tx.users().FindByUsername("fang.xin");
    admin = tx.users().FindByUsername("admin");
    return Ok();
  }));
  std::map<Id, Timestamp> handed;
  if (!leaver || !successor || !admin) return handed;
  FixedClock then(at);
  HandoverService handovers(CoreDeps{deps.db, then, deps.crypto, deps.access_log});
  HandoverOrder order;
  order.to_user_ids = {successor->id};
  auto done = handovers.Execute(Principal{admin->id, admin->username, admin->role, admin->org_unit_id},
                                RequestContext{"demo", "local"}, leaver->id, order);
  if (!done.ok()) {
    if (done.error().code == ErrorCode::kConflict) return handed;  // he held nothing
    return done.error();
  }
  for (const auto& item : done->items) {
    if (item.kind == HandoverKind::kCustomer) handed[item.entity_id] = at;
  }
  report.handed_over = static_cast<std::int64_t>(handed.size());
  return handed;
}

}  // namespace

namespace {

// Last week's and this week's plans: kept (with the visit's record), missed or cancelled
// before today; planned from today on. The accounts that slipped after the handover keep
// none: a kept visit would be a contact since, and the story is that there was none.
Status SetUpVisitPlans(const CoreDeps& deps, Rng& rng, const std::set<Id>& slipped,
                       DemoEngagementReport& report) {
  const Timestamp now = deps.clock.Now();
  const CivilDate today = BusinessDay(now);
  const std::int64_t this_monday = DaysFromCivil(WeekMonday(today));
  const Principal everyone{0, "demo", Role::kAdmin, 0};
  return deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    std::map<Id, bool> active;
    for (Id after = 0;;) {
      const auto batch = tx.cadence().Subjects(after, 500);
      for (const auto& s : batch) {
        auto customer = tx.customers().Get(everyone, s.customer_id);
        if (!customer || !customer->owner_id) continue;
        const Id owner = *customer->owner_id;
        if (!active.count(owner)) {
          auto u = tx.users().Get(owner);
          active[owner] = u && u->active;
        }
        if (!active[owner]) continue;
        auto contacts = tx.contacts().List(customer->id, PageRequest{3, std::nullopt}).items;
        for (std::int64_t monday : {this_monday - 7, this_monday}) {
          if (!rng.Percent(monday == this_monday ? 40 : 50)) continue;
          VisitPlan p;
          p.customer_id = customer->id;
          p.owner_id = owner;
          p.planned_on = CivilFromDays(monday + rng.Range(0, 4));
          p.start_time = std::to_string(rng.Range(9, 16)) + ":" + (rng.Percent(50) ? "00" : "30");
          if (p.start_time->size() == 4) p.start_time = "0" + *p.start_time;
          p.purpose = rng.Pick(kPurposes);
          if (!contacts.empty()) p.contact_ids = {contacts.front().id};
          p.created_by = owner;
          p.created_at = p.updated_at = PlanStart(CivilFromDays(monday - 3), std::string("17:00"));
          const Timestamp start = PlanStart(p.planned_on, p.start_time);
          if (p.planned_on < today) {
            const int fate = slipped.count(customer->id) ? 75 : rng.Range(0, 99);
            if (fate < 75) {  // kept: the visit's record
              Interaction i;
              i.customer_id = customer->id;
              i.channel = "visit";
              i.purpose = p.purpose;
              i.outcome = rng.Pick(kOutcomes);
              i.summary = "按计划拜访";
              i.occurred_at = start + rng.Range(0, 2) * kHour;
              i.recorded_by = owner;
              i.participant_ids = {owner};
              i.contact_ids = p.contact_ids;
              i.created_at = i.updated_at = i.occurred_at + kHour;
              p.interaction_id = tx.interactions().Insert(i);
              p.status = VisitStatus::kCompleted;
              p.completed_at = i.created_at;
              ++report.interactions;
            } else if (fate < 92) {  // missed: still planned, its day gone
              p.status = VisitStatus::kPlanned;
            } else {
              p.status = VisitStatus::kCancelled;
              p.cancel_reason = rng.Pick(kCancelReasons);
              p.cancelled_at = start - kDay;
            }
          }
          tx.visit_plans().Insert(p);
          ++report.visit_plans;
        }
      }
      if (batch.size() < 500) break;
      after = batch.back().customer_id;
    }
    return Ok();
  });
}

// One contract per key account with an owner, numbered HT-<start year>-<customer id>.
Status SetUpContracts(const CoreDeps& deps, std::uint64_t seed, DemoEngagementReport& report) {
  constexpr const char* kTitles[] = {"年度供货合同", "设备采购及安装合同", "技术服务合同",
                                     "框架采购协议", "运维服务合同", "供用电合同"};
  constexpr const char* kReasons[] = {"客户改制，双方协商提前终止", "项目取消", "客户转由集团统一采购"};
  Rng rng(seed ^ 0xC0A7AC75ULL);
  const CivilDate today = BusinessDay(deps.clock.Now());
  const std::int64_t day0 = DaysFromCivil(today);
  const Principal everyone{0, "demo", Role::kAdmin, 0};
  return deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    for (Id after = 0;;) {
      const auto batch = tx.cadence().Subjects(after, 500);
      for (const auto& s : batch) {
        auto customer = tx.customers().Get(everyone, s.customer_id);
        if (!customer || !customer->owner_id) continue;
        Contract c;
        c.customer_id = customer->id;
        c.title = rng.Pick(kTitles);
        const int fate = rng.Range(0, 99);
        std::int64_t ends = 0;
        if (fate < 15) {
          ends = day0 + rng.Range(0, 30);  // ends within the month: My day reminds
        } else if (fate < 25) {
          ends = day0 - rng.Range(5, 60);  // expired, not renewed yet
        } else {
          ends = DaysFromCivil(CivilDate{today.year + (fate < 60 ? 0 : 1), 12, 31});
        }
        const CivilDate starts = CivilFromDays(ends - 364);
        c.starts_on = FormatCivilDate(starts);
        c.ends_on = FormatCivilDate(CivilFromDays(ends));
        c.signed_on = FormatCivilDate(CivilFromDays(ends - 364 - rng.Range(3, 20)));
        c.number = "HT-" + std::to_string(starts.year) + "-" + std::to_string(customer->id);
        c.amount_fen = static_cast<std::int64_t>(rng.Range(50, 2000)) * 10'000 * 100;
        if (fate >= 95 && ends > day0 && ends - 364 < day0) {  // running: ended early
          c.status = "terminated";
          c.terminated_on = FormatCivilDate(CivilFromDays(std::min(day0, ends) - rng.Range(1, 60)));
          if (c.terminated_on < c.starts_on) c.terminated_on = c.starts_on;
          c.termination_reason = rng.Pick(kReasons);
        }
        c.created_by = *customer->owner_id;
        c.created_at = c.updated_at = PlanStart(CivilFromDays(ends - 364 - 2), std::string("10:00"));
        tx.contracts().Insert(c);
        ++report.contracts;
      }
      if (batch.size() < 500) break;
      after = batch.back().customer_id;
    }
    return Ok();
  });
}

// Directors reviewed everything before last week, and half of last week, commenting now
// and then; some KAMs replied.
Status SetUpReviews(const CoreDeps& deps, Rng& rng, DemoEngagementReport& report) {
  const Timestamp now = deps.clock.Now();
  const CivilDate monday = WeekMonday(BusinessDay(now));
  const Timestamp last_week = PlanStart(CivilFromDays(DaysFromCivil(monday) - 7), std::nullopt);
  const Timestamp this_week = PlanStart(monday, std::nullopt);
  const Principal everyone{0, "demo", Role::kAdmin, 0};
  return deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    Directors directors(tx);
    auto review = [&](ReviewKind kind, Id id, Id user, Timestamp at) {
      const bool last = at >= last_week;
      if (last && !rng.Percent(50)) return;
      auto director = directors.Of(user);
      if (!director) return;
      // Reviewed on the Monday after the item's week, in the morning.
      const CivilDate next_monday = CivilFromDays(DaysFromCivil(WeekMonday(BusinessDay(at))) + 7);
      tx.reviews().Mark(ReviewRef{kind, id}, *director,
                        std::min(now, PlanStart(next_monday, std::string("09:30"))));
      ++report.reviewed;
      if (kind == ReviewKind::kInteraction && last && rng.Percent(12)) {
        const Timestamp when = std::min(now, PlanStart(next_monday, std::string("09:40")));
        tx.reviews().InsertComment(Comment{0, kind, id, *director, rng.Pick(kDirectorComments), when, ""});
        if (rng.Percent(60)) {
          tx.reviews().InsertComment(Comment{0, kind, id, user, rng.Pick(kReplies), std::min(now, when + 2 * kHour), ""});
        }
      }
    };
    InteractionFilter f;
    f.to = this_week;
    for (PageRequest page{500, std::nullopt};;) {
      auto list = tx.interactions().List(everyone, f, page);
      for (const auto& i : list.items) review(ReviewKind::kInteraction, i.id, i.recorded_by, i.occurred_at);
      if (!list.next) break;
      page.after = list.next;
    }
    VisitPlanFilter pf;
    pf.today = BusinessDay(now);
    pf.to = CivilFromDays(DaysFromCivil(monday) - 1);
    for (PageRequest page{500, std::nullopt};;) {
      auto list = tx.visit_plans().List(everyone, pf, page);
      for (const auto& p : list.items) {
        if (p.status != VisitStatus::kCompleted) {
          review(ReviewKind::kVisitPlan, p.id, p.owner_id, PlanStart(p.planned_on, p.start_time));
        }
      }
      if (!list.next) break;
      page.after = list.next;
    }
    return Ok();
  });
}

}  // namespace

Result<DemoEngagementReport> SetUpDemoEngagement(const CoreDeps& deps, std::uint64_t seed) {
  DemoEngagementReport report;
  const Timestamp now = deps.clock.Now();
  Rng rng(seed ^ 0xE17A6E3E17ULL);
  const Principal everyone{0, "demo", Role::kAdmin, 0};
  KAMS_TRY(const auto handed, DemoHandover(deps, now - kHandoverDaysAgo * kDay, report));
  std::set<Id> slipped;  // handed over and not contacted since
  std::optional<Id> leaver;
  KAMS_CHECK(deps.db.Run(TxMode::kRead, [&](Tx& tx) -> Status {
    if (auto u = tx.users().FindByUsername("ye.feng")) leaver = u->id;
    return Ok();
  }));
  KAMS_CHECK(deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    for (Id after = 0;;) {
      const auto batch = tx.cadence().Subjects(after, 500);
      for (const auto& s : batch) {
        auto customer = tx.customers().Get(everyone, s.customer_id);
        if (!customer || !customer->owner_id) continue;
        auto contacts = tx.contacts().List(customer->id, PageRequest{5, std::nullopt}).items;
        // Rhythm: most every 6-12 days; some silent for weeks; a few in a burst this week.
        // Accounts handed over: before it their old KAM called; 40% not since.
        const auto handed_it = handed.find(customer->id);
        const bool handed_over = handed_it != handed.end();
        const int pattern = handed_over && rng.Percent(40) ? -1 : rng.Range(0, 99);
        std::vector<Timestamp> times;
        if (pattern < 0) {
          slipped.insert(customer->id);
          for (Timestamp t = handed_it->second - rng.Range(1, 5) * kDay; t > now - 90 * kDay;
               t -= rng.Range(6, 12) * kDay) {
            times.push_back(t);
          }
        } else if (pattern < 12) {  // fallen silent 20-60 days ago
          for (Timestamp t = now - rng.Range(20, 60) * kDay; t > now - 90 * kDay;
               t -= rng.Range(6, 12) * kDay) {
            times.push_back(t);
          }
        } else if (pattern < 20) {  // four or five contacts in the last five days
          for (int k = rng.Range(4, 5); k > 0; --k) times.push_back(now - rng.Range(0, 4) * kDay - k * 3600 * kMicrosPerSecond);
        } else {
          for (Timestamp t = now - rng.Range(1, 6) * kDay; t > now - 90 * kDay;
               t -= rng.Range(6, 12) * kDay) {
            times.push_back(t);
          }
        }
        for (std::size_t k = 0; k < times.size(); ++k) {
          Interaction i;
          i.customer_id = customer->id;
          i.channel = rng.Pick(kChannels);
          i.purpose = rng.Pick(kPurposes);
          i.outcome = rng.Pick(kOutcomes);
          // In office hours (China time), never ahead of now.
          i.occurred_at = std::min(now - kHour, PlanStart(BusinessDay(times[k]), std::string("09:00")) +
                                                    rng.Range(0, 9 * 3600) * kMicrosPerSecond);
          i.recorded_by = handed_over && i.occurred_at < handed_it->second && leaver
                              ? *leaver
                              : *customer->owner_id;
          i.participant_ids = {i.recorded_by};
          if (!contacts.empty()) i.contact_ids = {contacts[rng.Uniform(static_cast<std::uint32_t>(contacts.size()))].id};
          if (k == 0 && rng.Percent(60) && i.recorded_by == *customer->owner_id) {
            // The latest record often leaves a next step.
            i.next_step = rng.Pick(kNextSteps);
            i.next_step_owner_id = *customer->owner_id;
            i.next_step_due = BusinessDay(now + rng.Range(-3, 10) * kDay);
          }
          i.created_at = i.updated_at = i.occurred_at;
          tx.interactions().Insert(i);
          ++report.interactions;
        }
      }
      if (batch.size() < 500) break;
      after = batch.back().customer_id;
    }
    return Ok();
  }));
  KAMS_CHECK(SetUpVisitPlans(deps, rng, slipped, report));
  KAMS_CHECK(SetUpReviews(deps, rng, report));
  KAMS_CHECK(SetUpContracts(deps, seed, report));
  CadenceService cadence(deps);
  KAMS_TRY(report.cadence, cadence.RunDaily());
  return report;
}

}  // namespace kams::demo
