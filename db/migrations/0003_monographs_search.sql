-- Full-text search over published monographs. Hand-written: drizzle-kit does not model
-- FTS5. The rowid is the monograph's id; db/queries/monographs.ts keeps the rows in step
-- in the same transaction as every monograph write (a row exists only while published).
-- Columns are ranked by bm25 with weights that favour title and synonyms.
CREATE VIRTUAL TABLE `monographs_fts` USING fts5(
	`title`,
	`synonyms`,
	`terms`,
	`summary`,
	`body`,
	tokenize = 'porter unicode61 remove_diacritics 2',
	prefix = '2 3'
);
