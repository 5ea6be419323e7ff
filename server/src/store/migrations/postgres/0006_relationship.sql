-- Where a relationship stands: the ladder from observer to strategic partner, and the loyalty
-- pyramid. Their history is the customer's audit trail (GET /customers/{id}/relationship-history).
ALTER TABLE customer ADD COLUMN relationship_stage TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN loyalty TEXT NOT NULL DEFAULT '';
