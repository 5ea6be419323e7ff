#pragma once
// The customer queries both adapters run, built once: this is where a principal's scope
// becomes SQL (CustomerScopePredicate), and where filters, name search and keyset paging
// are assembled. The adapters only supply the select list and execute.

#include <string>
#include <string_view>

#include "core/customers/customer.h"
#include "core/org/user.h"
#include "store/sql_binder.h"

namespace kams {

// Customers (alias `c`) the principal may see.
std::string CustomerScopePredicate(const Principal& who, SqlBinder& b);

// `select` must read FROM customer c. One row or none.
std::string CustomerGetSql(std::string_view select, const Principal& who, Id id, SqlBinder& b);

// One page plus one row (to know whether another page follows), in sort order.
std::string CustomerListSql(std::string_view select, const Principal& who,
                            const CustomerFilter& filter, const SortSpec& sort,
                            const PageRequest& page, SqlBinder& b);

}  // namespace kams
