#include "core/notifications/notify.h"

namespace kams {

void NotifyUser(Tx& tx, Timestamp now, Id user, Notification n, const Localized& title,
                const Localized& body) {
  const auto u = tx.users().Get(user);
  if (!u || !u->active) return;
  const bool en = u->locale == "en-US";
  n.user_id = user;
  n.title = en ? title.en : title.zh;
  n.body = en ? body.en : body.zh;
  n.created_at = now;
  tx.notifications().Insert(n);
}

}  // namespace kams
