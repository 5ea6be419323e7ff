#include "store/customer_query.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

#include "store/text_grams.h"

namespace kams {
namespace {

const char* SortColumn(CustomerSort s) {
  switch (s) {
    case CustomerSort::kId: return "c.id";
    case CustomerSort::kName: return "c.name";
    case CustomerSort::kCreatedAt: return "c.created_at";
    case CustomerSort::kUpdatedAt: return "c.updated_at";
  }
  return "c.id";
}

// The cursor's sort value, typed like its column (the codec has validated it).
std::string BindSortValue(CustomerSort s, const std::string& text, SqlBinder& b) {
  if (s == CustomerSort::kName) return b.Add(text);
  try {
    return b.Add(static_cast<std::int64_t>(std::stoll(text)));
  } catch (...) {
    return b.Add(std::int64_t{0});
  }
}

}  // namespace

namespace {

// `c.org_unit_id` in the subtree of `unit`; with `unindexed`, written so that SQLite does
// not drive the query by the org-unit index (SQLite's unary + on the column).
std::string InSubtree(Id unit, bool unindexed, SqlBinder& b) {
  return std::string(unindexed ? "+c.org_unit_id" : "c.org_unit_id") +
         " IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = " + b.Add(unit) + ")";
}

// With `unindexed_unit` / `unindexed_own` the subtree / the user's accounts are written so
// that SQLite checks them row by row instead of driving the query by their index. With
// `own_ids_where`, a user's accounts are written as their ids from the owner and team
// indexes, each kept when `own_ids_where(id)` (conditions on that id: " AND …") holds, so
// those conditions are checked before any customer row is read.
std::string ScopePredicate(const Principal& who, bool unindexed_unit, bool unindexed_own,
                           SqlBinder& b,
                           const std::function<std::string(const char*)>& own_ids_where = {}) {
  switch (who.scope()) {
    case ScopeKind::kAll:
      return "1=1";
    case ScopeKind::kUnitSubtree:
      return InSubtree(who.org_unit_id, unindexed_unit, b);
    case ScopeKind::kOwnAccounts: {
      const std::string user = b.Add(who.user_id);
      if (own_ids_where) {
        return "c.id IN (SELECT x.id FROM (SELECT id FROM customer WHERE owner_id = " + user +
               " UNION ALL SELECT customer_id FROM account_team WHERE user_id = " + user +
               ") x WHERE 1 = 1" + own_ids_where("x.id") + ")";
      }
      const std::string plus = unindexed_own ? "+" : "";
      return "(" + plus + "c.owner_id = " + user + " OR " + plus +
             "c.id IN (SELECT customer_id FROM account_team WHERE user_id = " + user + "))";
    }
  }
  return "1=0";
}

}  // namespace

std::string CustomerScopePredicate(const Principal& who, SqlBinder& b) {
  return ScopePredicate(who, false, false, b);
}

std::string UserSeesCustomerPredicate(Id customer,
                                      const std::function<std::string(std::int64_t)>& bind) {
  std::map<ScopeKind, std::string> roles;  // 'kam', 'assistant', … per scope (constants)
  for (Role role : kAllRoles) {
    std::string& list = roles[ScopeOf(role)];
    list += std::string(list.empty() ? "" : ", ") + "'" + std::string(RoleName(role)) + "'";
  }
  const auto in = [&](ScopeKind k) {
    return roles[k].empty() ? std::string("1 = 0") : "u.role IN (" + roles[k] + ")";
  };
  return "EXISTS (SELECT 1 FROM customer sc WHERE sc.id = " + bind(customer) +
         " AND sc.deleted_at IS NULL AND (" + in(ScopeKind::kAll) + " OR (" +
         in(ScopeKind::kUnitSubtree) +
         " AND sc.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = "
         "u.org_unit_id)) OR (" +
         in(ScopeKind::kOwnAccounts) +
         " AND (sc.owner_id = u.id OR EXISTS (SELECT 1 FROM account_team t WHERE t.customer_id = "
         "sc.id AND t.user_id = u.id)))))";
}

std::string CustomerTotalsSql(const Principal& who, const std::string& column, std::int64_t first,
                              std::int64_t last, SqlBinder& b) {
  if (column != "revenue_fen" && column != "orders" && column != "margin_fen") {
    throw std::invalid_argument("unknown roll-up column " + column);
  }
  return "SELECT m.customer_id, sum(m." + column + ") FROM customer_month m JOIN customer c ON c.id = m.customer_id"
         " WHERE c.deleted_at IS NULL AND " + CustomerScopePredicate(who, b) +
         " AND m.month BETWEEN " + b.Add(first) + " AND " + b.Add(last) +
         " GROUP BY m.customer_id HAVING sum(m." + column + ") > 0";
}

std::string CustomerGetSql(std::string_view select, const Principal& who, Id id, SqlBinder& b) {
  return std::string(select) + " WHERE c.id = " + b.Add(id) + " AND c.deleted_at IS NULL AND " +
         CustomerScopePredicate(who, b);
}

std::string CustomerListSql(std::string_view columns, const Principal& who,
                            const CustomerFilter& f, const SortSpec& sort,
                            const PageRequest& page, const PostingCounts& posting_counts,
                            SqlBinder& b, const ScopeSizes& sizes, ListPlan* plan) {
  // The narrowest subtree in play: the unit filter's, else a subtree scope's.
  std::optional<Id> unit = f.org_unit_id;
  if (!unit && who.scope() == ScopeKind::kUnitSubtree) unit = who.org_unit_id;
  const bool walk_sort_index =
      sizes.unit && unit && f.q.empty() && !f.owner_id && sizes.unit(*unit, kWideUnit) >= kWideUnit;

  // A user's accounts (the caller's own scope, an owner filter, or both), counted up to `cap`.
  const bool own_scope = who.scope() == ScopeKind::kOwnAccounts;
  const bool narrow_scope = own_scope || f.owner_id.has_value();
  const auto own_size = [&](std::int64_t cap) {
    std::int64_t n = cap;
    if (f.owner_id) n = sizes.own(*f.owner_id, false, cap);
    if (own_scope && n > 0) n = std::min(n, sizes.own(who.user_id, true, cap));
    return n;
  };
  // Only a user's accounts bound the query (no subtree in play): then they may be checked row
  // by row while the sort's index is walked (see ScopeSizes).
  const std::int64_t total =
      narrow_scope && !unit && sizes.own && sizes.total ? sizes.total() : 0;
  const double page_rows = static_cast<double>(page.limit) + 1;
  bool walk_own = false;
  std::int64_t walk_budget = 0;
  if (total > 0 && f.q.empty()) {
    const auto need = static_cast<std::int64_t>(std::ceil(std::sqrt(page_rows * total)));
    walk_own = own_size(need) >= need;
    // Spread accounts fill a page within `need` rows; four times that means they are not.
    walk_budget = 4 * need;
  }

  // Grams of a name search: the rarest drives or is probed first, then the next three rarest.
  std::vector<std::string> pick;
  bool gram_driven = false;
  const std::string q = LowerAscii(f.q);
  const auto grams = f.q.empty() ? std::vector<std::string>{} : Bigrams(q);
  if (!grams.empty()) {
    const std::vector<std::int64_t> counts = posting_counts(grams);
    std::vector<std::size_t> order(grams.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return counts[x] < counts[y]; });
    order.resize(std::min<std::size_t>(order.size(), 4));
    for (std::size_t k : order) pick.push_back(grams[k]);
    const std::int64_t rarest = counts[order.front()];
    // A short posting list is always the cheaper walk. A long one pays off when the scope
    // is wide, or narrow but holding at least as many customers: each walk reads at most
    // one row per entry and probes the grams in the index, so the shorter list wins.
    gram_driven = !narrow_scope || rarest < kShortPosting;
    if (!gram_driven && sizes.own) {
      // The narrowest of the scope and the owner filter bounds the scope walk.
      const std::int64_t scope = own_size(rarest);
      gram_driven = scope >= rarest;
      // Both lists are long: walking the sort's index reads about page_rows × total / scope
      // × total / rarest rows (a common word in a large book of accounts). Not in name order:
      // whether a name holds the word is anything but independent of where it sorts (the
      // Latin names come first and hold no Chinese word).
      if (total > 0 && sort.field != CustomerSort::kName) {
        const double expected = 4 * page_rows * static_cast<double>(total) /
                                static_cast<double>(std::max<std::int64_t>(scope, 1)) *
                                static_cast<double>(total) / static_cast<double>(rarest);
        const auto other_plan = static_cast<double>(std::min(scope, rarest));
        if (expected < other_plan) {
          walk_own = true;
          gram_driven = false;
          walk_budget = static_cast<std::int64_t>(std::min(4 * expected, other_plan));
        }
      }
    }
  }

  if (plan) plan->walk_rows_budget = walk_own ? std::max<std::int64_t>(walk_budget, 1) : 0;
  // The grams not driving the query, each probed in the index by customer id.
  const auto gram_probes = [&](const char* id, std::size_t from) {
    std::string out;
    for (std::size_t k = from; k < pick.size(); ++k) {
      out += " AND EXISTS (SELECT 1 FROM customer_name_gram o WHERE o.gram = " + b.Add(pick[k]) +
             " AND o.customer_id = " + id + ")";
    }
    return out;
  };
  // A search driven by the user's own accounts (SQLite): the grams are probed on the
  // accounts' ids before any customer row is read. With the scope written as one OR, SQLite
  // reads the row of every account first: a word none of 68 k accounts holds cost 180 ms
  // that way, 30 ms this way.
  const bool own_ids_first = own_scope && !grams.empty() && !gram_driven && !walk_own &&
                             b.dialect() == SqlDialect::kSqlite;
  std::string where =
      " WHERE c.deleted_at IS NULL AND " +
      ScopePredicate(who, walk_sort_index, walk_own, b,
                     own_ids_first ? std::function<std::string(const char*)>(
                                         [&](const char* id) { return gram_probes(id, 0); })
                                   : nullptr);
  if (f.stage) where += " AND c.stage = " + b.Add(*f.stage);
  if (f.is_key_account) where += " AND c.is_key_account = " + b.AddBool(*f.is_key_account);
  if (f.tier) where += " AND c.tier = " + b.Add(*f.tier);
  if (f.owner_id) {
    where += std::string(walk_own ? " AND +c.owner_id = " : " AND c.owner_id = ") +
             b.Add(*f.owner_id);
  }
  if (f.org_unit_id) where += " AND " + InSubtree(*f.org_unit_id, walk_sort_index, b);
  if (f.region) where += " AND c.region = " + b.Add(*f.region);
  if (f.industry) where += " AND c.industry = " + b.Add(*f.industry);
  if (!f.q.empty()) {
    if (gram_driven) {
      where += " AND g.gram = " + b.Add(pick[0]);
      // Probed on the posting's own id: SQLite then checks the other grams in the index
      // before it reads the customer's row.
      where += gram_probes("g.customer_id", 1);
    } else if (!own_ids_first) {
      where += gram_probes("c.id", 0);
    }
    where += " AND " + SqlContains(b.dialect(), "c.name_lc", b.Add(q));
  }

  // CROSS JOIN keeps the posting list as the outer loop (SQLite honours the order;
  // PostgreSQL plans it by itself); its customer_id order is the id order.
  const char* join = b.dialect() == SqlDialect::kSqlite ? " CROSS JOIN " : " JOIN ";
  std::string sql = "SELECT " + std::string(columns) +
                    (gram_driven ? std::string(" FROM customer_name_gram g") + join +
                                       "customer c ON c.id = g.customer_id"
                                 : std::string(" FROM customer c")) +
                    where;
  const char* id_col = gram_driven ? "g.customer_id" : "c.id";
  const char* col = sort.field == CustomerSort::kId ? id_col : SortColumn(sort.field);
  const char* cmp = sort.descending ? "<" : ">";
  const char* dir = sort.descending ? " DESC" : " ASC";
  if (page.after) {
    if (sort.field == CustomerSort::kId) {
      sql += std::string(" AND ") + id_col + " " + cmp + " " + b.Add(page.after->id);
    } else {
      const std::string v = BindSortValue(sort.field, page.after->sort_value, b);
      sql += std::string(" AND (") + col + " " + cmp + " " + v + " OR (" + col + " = " + v +
             " AND c.id " + cmp + " " + b.Add(page.after->id) + "))";
    }
  }
  if (sort.field == CustomerSort::kId) {
    sql += std::string(" ORDER BY ") + id_col + dir;
  } else {
    sql += std::string(" ORDER BY ") + col + dir + ", c.id" + dir;
  }
  sql += " LIMIT " + b.Add(std::int64_t{page.limit + 1});
  return sql;
}

}  // namespace kams
