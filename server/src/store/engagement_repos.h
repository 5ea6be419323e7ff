#pragma once
// Contact records and cadence, written once over SqlRunner for both backends (their SQL is
// portable). Each Tx of an adapter owns one of each on its own runner.

#include "core/ports/repositories.h"
#include "store/sql_runner.h"

namespace kams {

class SqlInteractionRepository final : public InteractionRepository {
 public:
  explicit SqlInteractionRepository(SqlRunner& run) : run_(run) {}
  Id Insert(const Interaction& i) override;
  void Update(const Interaction& i) override;
  void SoftDelete(Id id, Timestamp at) override;
  std::optional<Interaction> Get(Id id) override;
  Page<Interaction> List(const Principal& who, const InteractionFilter& f,
                         const PageRequest& page) override;
  std::optional<Timestamp> LastContact(Id customer_id) override;
  std::int64_t CountSince(Id customer_id, Timestamp from) override;
  std::vector<BirthdayReminder> Birthdays(Id user_id,
                                          const std::vector<std::string>& month_days) override;
  std::vector<Interaction> GetMany(const std::vector<Id>& ids) override;

 private:
  void WriteRefs(const Interaction& i);
  // Fills contacts and participants of `items` (one query each).
  void ReadRefs(std::vector<Interaction>& items);
  SqlRunner& run_;
};

class SqlCadenceRepository final : public CadenceRepository {
 public:
  explicit SqlCadenceRepository(SqlRunner& run) : run_(run) {}
  CadenceSettings Settings() override;
  void PutSettings(const CadenceSettings& s) override;
  void SetEvaluatedOn(CivilDate day) override;
  std::vector<Id> Unreported() override;
  std::optional<CustomerCadence> Own(Id customer_id) override;
  void PutOwn(const CustomerCadence& c) override;
  bool DeleteOwn(Id customer_id) override;
  std::vector<CadenceSubject> Subjects(Id after_id, int limit) override;
  std::optional<CadenceSubject> Subject(Id customer_id) override;
  std::vector<CadenceBreach> Breaches(Id customer_id) override;
  void PutBreach(const CadenceBreach& b) override;
  void DeleteBreach(Id customer_id, BreachKind kind) override;
  Page<CadenceBreach> List(const Principal& who, const BreachFilter& f,
                           const PageRequest& page) override;
  std::optional<Id> RecentHandover(Id customer_id, Timestamp since) override;
  void FlagDecay(Id handover_id, Id customer_id, BreachKind kind, CivilDate since,
                 Timestamp at) override;

 private:
  std::vector<CadenceSubject> ReadSubjects(const std::string& where, SqlBinder& b);
  SqlRunner& run_;
};

}  // namespace kams
