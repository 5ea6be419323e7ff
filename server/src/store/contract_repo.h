#pragma once
// Contracts, written once over SqlRunner for both backends (like store/visit_repos.h).

#include "core/ports/repositories.h"
#include "store/sql_runner.h"

namespace kams {

class SqlContractRepository final : public ContractRepository {
 public:
  explicit SqlContractRepository(SqlRunner& run) : run_(run) {}
  Page<Contract> List(Id customer_id, const PageRequest& page) override;
  std::optional<Contract> Get(Id customer_id, Id contract_id) override;
  bool NumberTaken(Id customer_id, const std::string& number, Id except_id) override;
  Id Insert(const Contract& c) override;
  void Update(const Contract& c) override;
  void Delete(Id customer_id, Id contract_id) override;
  std::vector<ContractReminder> Ending(Id user_id, const std::string& from, const std::string& to,
                                       std::int64_t limit) override;

 private:
  SqlRunner& run_;
};

}  // namespace kams
