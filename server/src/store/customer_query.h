#pragma once
// The customer queries both adapters run, built once: this is where a principal's scope
// becomes SQL (CustomerScopePredicate), and where filters, name search and keyset paging
// are assembled. The adapters only supply the select list and execute.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/customers/customer.h"
#include "core/org/user.h"
#include "store/shared_sql.h"
#include "store/sql_binder.h"

namespace kams {

// Customers (alias `c`) the principal may see.
std::string CustomerScopePredicate(const Principal& who, SqlBinder& b);

// The other way round: the users (alias u) whose scope holds the live customer `customer`,
// by the same rules as CustomerScopePredicate. `bind` adds a value and returns its
// placeholder (each adapter binds its own way).
std::string UserSeesCustomerPredicate(Id customer, const std::function<std::string(std::int64_t)>& bind);

// `select` must read FROM customer c. One row or none.
std::string CustomerGetSql(std::string_view select, const Principal& who, Id id, SqlBinder& b);

// How many postings each gram has in customer_name_gram, in the order of `grams` (0 for a
// gram no name holds). The adapters read the counts the customer writes maintain
// (customer_name_gram_count).
using PostingCounts =
    std::function<std::vector<std::int64_t>(const std::vector<std::string>& grams)>;
// Posting lists shorter than this are walked even for a narrow scope.
inline constexpr std::int64_t kShortPosting = 2000;

// One page plus one row (to know whether another page follows), in sort order.
// `columns` is the select list over alias `c` (no FROM). With a name search and a wide
// scope the rarest gram's posting list (by `posting_counts`, over every gram of the query)
// drives the query in customer_id order, so LIMIT ends the walk early; the next rarest
// grams are probed in the index by the posting's id before the customer's row is read.
// Narrow scopes (own accounts, an owner filter) drive by the scope instead and probe the
// grams per row, unless the rarest list is short or shorter than the scope (with SQLite, a
// user's own accounts are probed by id, from the owner and team indexes, before their rows
// are read). Either way no whole posting list is materialised.
//
// `sizes` (SQLite; PostgreSQL plans from its statistics) answers how many customers a scope
// holds, counting no further than a cap:
// - `unit`: an org unit's subtree. Without a search or an owner, a subtree holding at least
//   kWideUnit customers (a director's region) is checked row by row while the sort's own
//   index is walked, so LIMIT ends the walk after a few pages' worth of rows; a smaller one
//   is read through the org-unit index and sorted.
// - `own`: a user's accounts (owned, plus those whose team they are on when `with_team`).
//   A search in a narrow scope walks the shorter of the two lists: the scope's customers,
//   or the rarest gram's postings (a KAM holding tens of thousands of accounts searches
//   like a director).
// - `total`: how many customers the table holds, at most (SQLite: the largest id). With it a
//   user's accounts are planned like a subtree: without a search, accounts at least
//   sqrt(page rows × total) in number (then a page's rows are found within as many rows of
//   the sort's index as the scope holds, or fewer) are checked row by row while the sort's
//   index is walked; with a search, the walk is taken when the rows it is expected to read
//   (page rows × total / accounts × total / rarest postings, four times over for safety)
//   are fewer than either list, except in name order (where matching is not independent of
//   the position). A KAM with tens of thousands of accounts then lists and
//   finds common words as fast as an administrator.
struct ScopeSizes {
  std::function<std::int64_t(Id unit, std::int64_t cap)> unit;
  std::function<std::int64_t(Id user, bool with_team, std::int64_t cap)> own;
  std::function<std::int64_t()> total;
};
inline constexpr std::int64_t kWideUnit = 2000;
// What CustomerListSql chose, for the adapter that runs it.
struct ListPlan {
  // Above 0: a user's accounts are checked row by row while the sort's index is walked, on
  // the guess that they are spread over it. Accounts that sit together (imported at once,
  // handed over on one day) can make the walk read far more rows; after about this many
  // the adapter gives up and plans again without `sizes.total` (through the accounts' own
  // index), so a wrong guess costs at most this much more.
  std::int64_t walk_rows_budget = 0;
};
std::string CustomerListSql(std::string_view columns, const Principal& who,
                            const CustomerFilter& filter, const SortSpec& sort,
                            const PageRequest& page, const PostingCounts& posting_counts,
                            SqlBinder& b, const ScopeSizes& sizes = {}, ListPlan* plan = nullptr);

// Each visible customer's id and positive sum of a customer_month column over a month range.
// `column` must be one of revenue_fen, orders, margin_fen (checked: anything else throws).
std::string CustomerTotalsSql(const Principal& who, const std::string& column, std::int64_t first,
                              std::int64_t last, SqlBinder& b);

}  // namespace kams
