-- How many customers' names hold each bigram (soft-deleted customers included: the count is
-- the length of the gram's posting list in customer_name_gram). Name search walks the
-- rarest gram of a query by these counts; the customer writes keep them exact, in the same
-- transaction as the postings. A gram that no name holds may have no row (or 0).
CREATE TABLE customer_name_gram_count (
  gram      TEXT PRIMARY KEY,
  postings  BIGINT NOT NULL
);
INSERT INTO customer_name_gram_count (gram, postings)
  SELECT gram, count(*) FROM customer_name_gram GROUP BY gram;
