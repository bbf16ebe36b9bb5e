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
--> statement-breakpoint
-- The default ranking for ORDER BY rank: bm25 weighted toward title and synonyms.
INSERT INTO `monographs_fts` (`monographs_fts`, `rank`) VALUES ('rank', 'bm25(10.0, 8.0, 4.0, 2.0, 1.0)');
