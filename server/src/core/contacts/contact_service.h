#pragma once
// Use cases on a customer's contacts. The customer must be visible to the actor.

#include <functional>

#include "core/common/context.h"
#include "core/contacts/contact.h"
#include "core/customers/customer_service.h"

namespace kams {

class ContactService {
 public:
  explicit ContactService(CoreDeps deps) : deps_(deps) {}

  Result<Page<Contact>> List(const Principal& who, const RequestContext& ctx, Id customer_id,
                             const PageRequest& page);
  Result<Contact> Get(const Principal& who, const RequestContext& ctx, Id customer_id, Id id);
  Result<Contact> Create(const Principal& who, const RequestContext& ctx, Contact draft);
  using Edit = std::function<Status(Contact&)>;
  Result<Contact> Update(const Principal& who, const RequestContext& ctx, Id customer_id, Id id,
                         std::int64_t expected_version, const Edit& edit);
  Status Delete(const Principal& who, const RequestContext& ctx, Id customer_id, Id id,
                std::int64_t expected_version);

 private:
  // reports_to_id must name another contact of the same customer and must not loop.
  Status CheckReportsTo(Tx& tx, const Contact& c);
  CoreDeps deps_;
};

}  // namespace kams
