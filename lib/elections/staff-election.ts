import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { getElectionById } from "@/db/queries/elections";

/** The election a staff page's `[id]` names, or the page's 404 (an id that is not plain digits included). */
export function getElectionForStaffPage(id: string) {
  const election = /^\d{1,12}$/.test(id) ? getElectionById(db, Number(id)) : null;
  if (!election) notFound();
  return election;
}
