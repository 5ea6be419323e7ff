#pragma once
// Import runs, written once over SqlRunner for both backends (like store/visit_repos.h).

#include "core/ports/repositories.h"
#include "store/sql_runner.h"

namespace kams {

class SqlImportRunRepository final : public ImportRunRepository {
 public:
  explicit SqlImportRunRepository(SqlRunner& run) : run_(run) {}
  Id Insert(const ImportRun& r) override;
  void Update(const ImportRun& r) override;
  void AddRejects(Id run_id, const std::vector<ImportReject>& rejects) override;
  std::optional<ImportRun> Get(Id id, bool with_rejects) override;
  Page<ImportRun> List(const ImportRunFilter& f, const PageRequest& page) override;
  bool Start(Id id, const std::string& node, Timestamp at) override;
  bool CancelQueued(Id id, Timestamp at) override;
  void RequestCancel(Id id) override;
  void TouchQueued(const std::string& node, Timestamp at) override;

 private:
  SqlRunner& run_;
};

}  // namespace kams
