#pragma once
// Use cases on a customer's contracts. The customer must be visible to the actor; writing
// needs contract.write.

#include <functional>

#include "core/common/context.h"
#include "core/contracts/contract.h"
#include "core/customers/customer_service.h"

namespace kams {

class ContractService {
 public:
  explicit ContractService(CoreDeps deps) : deps_(deps) {}

  Result<Page<Contract>> List(const Principal& who, const RequestContext& ctx, Id customer_id,
                              const PageRequest& page);
  Result<Contract> Get(const Principal& who, const RequestContext& ctx, Id customer_id, Id id);
  Result<Contract> Create(const Principal& who, const RequestContext& ctx, Contract draft);
  using Edit = std::function<Status(Contract&)>;
  Result<Contract> Update(const Principal& who, const RequestContext& ctx, Id customer_id, Id id,
                          std::int64_t expected_version, const Edit& edit);
  Status Delete(const Principal& who, const RequestContext& ctx, Id customer_id, Id id,
                std::int64_t expected_version);

 private:
  CoreDeps deps_;
};

}  // namespace kams
