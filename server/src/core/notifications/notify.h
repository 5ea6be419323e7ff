#pragma once
// Writes in-app notifications: one place decides who gets them (active users only) and in
// which language (Chinese unless the user chose English).

#include <string>

#include "core/notifications/notification.h"
#include "core/ports/database.h"

namespace kams {

struct Localized {
  std::string zh;
  std::string en;
};

// `n` gives kind, entity, entity_id and customer_id; user, title, body and time are set here.
// Nothing is written for an unknown or disabled user.
void NotifyUser(Tx& tx, Timestamp now, Id user, Notification n, const Localized& title,
                const Localized& body);

}  // namespace kams
