/**
 * The highest page number a list takes: far beyond any real list, and small enough that
 * page × page size stays an integer SQLite accepts as an OFFSET.
 */
export const MAX_PAGE = 100_000;

/** A page number between 1 and MAX_PAGE (a query function's own guard). */
export const clampPage = (page: number | undefined) => Math.min(Math.max(Number.isSafeInteger(page) ? page! : 1, 1), MAX_PAGE);
