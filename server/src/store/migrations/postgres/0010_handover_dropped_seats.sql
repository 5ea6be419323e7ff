-- A leaving user's team seat on an account its successor already covers (owns, or sits on
-- the team of) is removed, not moved: the handover records it as dropped.
ALTER TABLE handover_item ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
