-- How many customers' names hold each bigram (soft-deleted customers included): a gram's
-- count is the sum of its rows' postings, exactly the length of its posting list in
-- customer_name_gram. Name search walks the rarest gram of a query by these counts; the
-- customer writes keep them exact, in the same transaction as the postings. A gram is
-- split over `shard` rows so that concurrent PostgreSQL transactions (SERIALIZABLE) add
-- to different rows instead of conflicting on one hot row; SQLite, one writer at a time,
-- writes shard 0 only. A gram that no name holds may have no row (or rows summing to 0).
CREATE TABLE customer_name_gram_count (
  gram      TEXT NOT NULL,
  shard     INTEGER NOT NULL,
  postings  INTEGER NOT NULL,
  PRIMARY KEY (gram, shard)
) WITHOUT ROWID;
INSERT INTO customer_name_gram_count (gram, shard, postings)
  SELECT gram, 0, count(*) FROM customer_name_gram GROUP BY gram;
