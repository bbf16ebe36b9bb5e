import type { DB } from "../client";

/** A transaction handle; query functions that may run inside a caller's transaction take one. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
export type Executor = DB | Tx;
