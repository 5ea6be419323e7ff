#include "store/customer_query.h"

#include <algorithm>

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

std::string CustomerScopePredicate(const Principal& who, SqlBinder& b) {
  switch (who.scope()) {
    case ScopeKind::kAll:
      return "1=1";
    case ScopeKind::kUnitSubtree:
      return "c.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = " +
             b.Add(who.org_unit_id) + ")";
    case ScopeKind::kOwnAccounts: {
      const std::string user = b.Add(who.user_id);
      return "(c.owner_id = " + user +
             " OR c.id IN (SELECT customer_id FROM account_team WHERE user_id = " + user + "))";
    }
  }
  return "1=0";
}

std::string CustomerGetSql(std::string_view select, const Principal& who, Id id, SqlBinder& b) {
  return std::string(select) + " WHERE c.id = " + b.Add(id) + " AND c.deleted_at IS NULL AND " +
         CustomerScopePredicate(who, b);
}

std::string CustomerListSql(std::string_view select, const Principal& who,
                            const CustomerFilter& f, const SortSpec& sort,
                            const PageRequest& page, SqlBinder& b) {
  std::string sql = std::string(select) + " WHERE c.deleted_at IS NULL AND ";
  sql += CustomerScopePredicate(who, b);
  if (f.stage) sql += " AND c.stage = " + b.Add(*f.stage);
  if (f.is_key_account) sql += " AND c.is_key_account = " + b.AddBool(*f.is_key_account);
  if (f.tier) sql += " AND c.tier = " + b.Add(*f.tier);
  if (f.owner_id) sql += " AND c.owner_id = " + b.Add(*f.owner_id);
  if (f.org_unit_id) {
    sql += " AND c.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = " +
           b.Add(*f.org_unit_id) + ")";
  }
  if (f.region) sql += " AND c.region = " + b.Add(*f.region);
  if (f.industry) sql += " AND c.industry = " + b.Add(*f.industry);
  if (!f.q.empty()) {
    const std::string q = LowerAscii(f.q);
    const auto grams = Bigrams(q);
    if (!grams.empty()) {
      // Intersect at most four posting lists (first, last and two between), then verify.
      std::vector<std::string> pick;
      const std::size_t n = grams.size();
      for (std::size_t k : {std::size_t{0}, n - 1, n / 3, 2 * n / 3}) {
        if (std::find(pick.begin(), pick.end(), grams[k]) == pick.end()) pick.push_back(grams[k]);
      }
      sql += " AND c.id IN (";
      for (std::size_t k = 0; k < pick.size(); ++k) {
        if (k) sql += " INTERSECT ";
        sql += "SELECT customer_id FROM customer_name_gram WHERE gram = " + b.Add(pick[k]);
      }
      sql += ")";
    }
    sql += " AND " + SqlContains(b.dialect(), "c.name_lc", b.Add(q));
  }
  const char* col = SortColumn(sort.field);
  const char* cmp = sort.descending ? "<" : ">";
  const char* dir = sort.descending ? " DESC" : " ASC";
  if (page.after) {
    if (sort.field == CustomerSort::kId) {
      sql += std::string(" AND c.id ") + cmp + " " + b.Add(page.after->id);
    } else {
      const std::string v = BindSortValue(sort.field, page.after->sort_value, b);
      sql += std::string(" AND (") + col + " " + cmp + " " + v + " OR (" + col + " = " + v +
             " AND c.id " + cmp + " " + b.Add(page.after->id) + "))";
    }
  }
  if (sort.field == CustomerSort::kId) {
    sql += std::string(" ORDER BY c.id") + dir;
  } else {
    sql += std::string(" ORDER BY ") + col + dir + ", c.id" + dir;
  }
  sql += " LIMIT " + b.Add(std::int64_t{page.limit + 1});
  return sql;
}

}  // namespace kams
