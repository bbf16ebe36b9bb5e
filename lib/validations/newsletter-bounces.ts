import "./zod-config";
import { z } from "zod";
import { rowId } from "./fields";

/** Staff clear one subscriber's bounce: the subscriber's id is all there is. */
export const clearBounceSchema = z.object({ subscriberId: rowId });
