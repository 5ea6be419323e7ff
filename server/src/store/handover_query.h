#pragma once
// Handover statements both adapters run, built once with numbered placeholders: what a
// user holds, moving it, and reading handovers, their items, owner history and decay
// flags (scope becomes SQL through CustomerScopePredicate). The adapters execute and read
// the columns in the order stated here.

#include <string>
#include <vector>

#include "core/ports/repositories.h"
#include "store/sql_binder.h"

namespace kams {

// Columns: kind (text), entity_id, customer_id (nullable).
std::string HandoverHoldingsSql(Id user_id, SqlBinder& b);

// One statement moving one item's holding from `from_user` (no result rows).
std::string HandoverMoveSql(Id from_user, const HandoverItem& item, Timestamp at, SqlBinder& b);

std::string HandoverItemInsertSql(const HandoverItem& item, SqlBinder& b);
std::string OwnerHistoryInsertSql(const OwnerHistoryEntry& e, SqlBinder& b);

// Columns of a handover: id, from_user_id, actor_id, mode, at, from user's and actor's
// display names.
std::string HandoverGetSql(Id id, SqlBinder& b);
// One page plus one row, newest first; the same columns.
std::string HandoverListSql(const Principal& who, const HandoverFilter& f, const PageRequest& page,
                            SqlBinder& b);
// Columns: handover_id, to_user_id, to user's display name, kind, count.
std::string HandoverTalliesSql(const std::vector<Id>& handover_ids, SqlBinder& b);
// Columns: kind, entity_id, customer_id, to_user_id, customer name, to user's display name.
std::string HandoverItemsSql(Id handover_id, const Principal& who, SqlBinder& b);
// Columns: id, customer_id, owner_id, until_at, changed_by, handover_id, owner's and
// changer's display names. One page plus one row.
std::string OwnerHistorySql(Id customer_id, const PageRequest& page, SqlBinder& b);
// Columns: handover_id, customer_id, kind, since, flagged_at, customer name, handover at,
// from_user_id, from user's name, to_user_id, to user's name. One page plus one row; a
// cursor whose sort value is not "<handover id>:<kind>" reads from the start.
std::string HandoverDecaySql(const Principal& who, const HandoverDecayFilter& f,
                             const PageRequest& page, SqlBinder& b);
// The cursor after a decay row.
Cursor HandoverDecayCursor(const HandoverDecay& d);

// Fills each handover's tallies from rows of HandoverTalliesSql.
struct TallyRow {
  Id handover_id = 0;
  HandoverTally tally;
};
void AttachTallies(std::vector<Handover>& handovers, const std::vector<TallyRow>& rows);
// Sorts items by kind (enum order), then entity id.
void SortItems(std::vector<HandoverItem>& items);

}  // namespace kams
