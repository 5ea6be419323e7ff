#pragma once
// Visit plans and the weekly review, written once over SqlRunner for both backends (like
// store/engagement_repos.h).

#include "core/ports/repositories.h"
#include "store/sql_runner.h"

namespace kams {

class SqlVisitPlanRepository final : public VisitPlanRepository {
 public:
  explicit SqlVisitPlanRepository(SqlRunner& run) : run_(run) {}
  Id Insert(const VisitPlan& p) override;
  void Update(const VisitPlan& p) override;
  std::optional<VisitPlan> Get(Id id) override;
  std::vector<VisitPlan> GetMany(const std::vector<Id>& ids) override;
  Page<VisitPlan> List(const Principal& who, const VisitPlanFilter& f,
                       const PageRequest& page) override;
  std::optional<Id> ForInteraction(Id interaction_id) override;
  std::vector<VisitPlan> MissedUnreported(const CivilDate& today, int limit) override;
  void SetMissedNotified(Id id, Timestamp at) override;

 private:
  std::vector<VisitPlan> Select(const std::string& where_and_order, SqlBinder& b,
                                bool by_time = false);
  void WriteRefs(const VisitPlan& p);
  void ReadRefs(std::vector<VisitPlan>& plans);
  SqlRunner& run_;
};

class SqlReviewRepository final : public ReviewRepository {
 public:
  explicit SqlReviewRepository(SqlRunner& run) : run_(run) {}
  Page<ReviewItem> Queue(const Principal& who, const ReviewQuery& q,
                         const PageRequest& page) override;
  std::vector<ReviewUserWeek> Summary(const Principal& who, Timestamp from, Timestamp to,
                                      const CivilDate& today) override;
  std::optional<ReviewItem> Reviewable(const Principal& who, const ReviewRef& ref) override;
  bool Mark(const ReviewRef& ref, Id reviewer, Timestamp at) override;
  bool Unmark(const ReviewRef& ref) override;
  Id InsertComment(const Comment& c) override;
  Page<Comment> Comments(const ReviewRef& ref, const PageRequest& page) override;
  std::vector<Id> Commenters(const ReviewRef& ref) override;

 private:
  SqlRunner& run_;
};

}  // namespace kams
