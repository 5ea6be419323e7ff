#pragma once
// The customer queries both adapters run, built once: this is where a principal's scope
// becomes SQL (CustomerScopePredicate), and where filters, name search and keyset paging
// are assembled. The adapters only supply the select list and execute.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/customers/customer.h"
#include "core/org/user.h"
#include "store/shared_sql.h"
#include "store/sql_binder.h"

namespace kams {

// Customers (alias `c`) the principal may see.
std::string CustomerScopePredicate(const Principal& who, SqlBinder& b);

// `select` must read FROM customer c. One row or none.
std::string CustomerGetSql(std::string_view select, const Principal& who, Id id, SqlBinder& b);

// How many customers' names hold `gram`, counted up to a small cap (the adapter runs
// `SELECT count(*) FROM (SELECT 1 FROM customer_name_gram WHERE gram = ? LIMIT kPostingCap)`).
inline constexpr int kPostingCap = 2000;
using PostingSize = std::function<std::int64_t(const std::string& gram)>;

// One page plus one row (to know whether another page follows), in sort order.
// `columns` is the select list over alias `c` (no FROM). With a name search and a wide
// scope the rarest gram's posting list drives the query in customer_id order, so LIMIT
// ends the walk early; narrow scopes (own accounts) drive by the scope instead and probe
// the grams per row. Either way no whole posting list is materialised.
std::string CustomerListSql(std::string_view columns, const Principal& who,
                            const CustomerFilter& filter, const SortSpec& sort,
                            const PageRequest& page, const PostingSize& posting_size,
                            SqlBinder& b);

// Each visible customer's id and positive sum of a customer_month column over a month range.
// `column` must be one of revenue_fen, orders, margin_fen (checked: anything else throws).
std::string CustomerTotalsSql(const Principal& who, const std::string& column, std::int64_t first,
                              std::int64_t last, SqlBinder& b);

}  // namespace kams
