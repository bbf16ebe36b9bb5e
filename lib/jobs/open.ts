import { storeDay } from "@/lib/model/format";
import type { JobStatus } from "@/lib/model/jobs";

/** Whether a posting takes applications on `today` (a store day, YYYY-MM-DD): published and its closing day not passed. */
export const isJobOpen = (job: { status: JobStatus; closesOn: string }, today = storeDay()) => job.status === "published" && job.closesOn >= today;
