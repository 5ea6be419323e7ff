#include "app/demo/demo_engagement.h"

#include "app/demo/demo_rng.h"
#include "core/engagement/engagement_service.h"
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

constexpr Timestamp kDay = 86400 * kMicrosPerSecond;

}  // namespace

Result<DemoEngagementReport> SetUpDemoEngagement(const CoreDeps& deps, std::uint64_t seed) {
  DemoEngagementReport report;
  const Timestamp now = deps.clock.Now();
  Rng rng(seed ^ 0xE17A6E3E17ULL);
  const Principal everyone{0, "demo", Role::kAdmin, 0};
  KAMS_CHECK(deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    for (Id after = 0;;) {
      const auto batch = tx.cadence().Subjects(after, 500);
      for (const auto& s : batch) {
        auto customer = tx.customers().Get(everyone, s.customer_id);
        if (!customer || !customer->owner_id) continue;
        auto contacts = tx.contacts().List(customer->id, PageRequest{5, std::nullopt}).items;
        // Rhythm: most every 6-12 days; some silent for weeks; a few in a burst this week.
        const int pattern = rng.Range(0, 99);
        std::vector<Timestamp> times;
        if (pattern < 12) {  // fallen silent 20-60 days ago
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
          i.occurred_at = times[k] - rng.Range(0, 8 * 3600) * kMicrosPerSecond;
          i.recorded_by = *customer->owner_id;
          i.participant_ids = {*customer->owner_id};
          if (!contacts.empty()) i.contact_ids = {contacts[rng.Uniform(static_cast<std::uint32_t>(contacts.size()))].id};
          if (k == 0 && rng.Percent(60)) {  // the latest record often leaves a next step
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
  CadenceService cadence(deps);
  KAMS_TRY(report.cadence, cadence.RunDaily());
  return report;
}

}  // namespace kams::demo
