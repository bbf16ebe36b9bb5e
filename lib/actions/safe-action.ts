import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireAdmin, requireStaff, requireUser, type SessionUser } from "@/lib/auth/session";
import { NOT_FROM_OWN_PAGES } from "@/lib/auth/own-origin";
import { CORRECT_FIELDS, isAppError, type ErrorCode } from "@/lib/model/errors";
import { fieldErrorsOf } from "@/lib/validations/field-errors";

/** The one shape every server action answers with (for useActionState). */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      /** Set when the refusal was an expected one (`conflict`, `rate_limited`, …), so a form can offer the way forward. */
      code?: ErrorCode;
      fieldErrors?: Record<string, string[] | undefined>;
      /** What was submitted, so the form can show it again (React resets forms after an action). */
      values?: Record<string, string>;
    };

function submittedValues(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/**
 * Whether the request carries an Origin. Next refuses an action whose Origin is another
 * site's or `null`, but runs one that has none (a hand-made request). Every current
 * browser sends Origin with a form's POST, with or without JavaScript, so a request
 * without one did not come from our pages: refusing it costs no visitor anything.
 */
async function hasOrigin() {
  const origin = (await headers()).get("origin");
  return origin !== null && origin !== "" && origin !== "null";
}

const guards = { member: requireUser, staff: requireStaff, admin: requireAdmin } as const;

type Access = keyof typeof guards | "public";
type Actor<A extends Access> = A extends "public" ? null : SessionUser;

/**
 * Builds a server action: refuses a request without Origin, checks the caller's role
 * (server actions are public POST endpoints, whatever page rendered the form), then
 * validates the form with zod, then runs. Expected failures come back as messages and field errors; nothing else
 * leaks. redirect() and notFound() inside `run` pass through.
 */
export function defineAction<A extends Access, S extends z.ZodType, T>(options: {
  access: A;
  schema: S;
  run: (input: z.output<S>, actor: Actor<A>) => T | Promise<T>;
  successMessage?: string;
}) {
  return async function action(_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> {
    // A hand-made request can send any serialisable arguments instead of a form's FormData.
    const isForm = formData instanceof FormData;
    const values = isForm ? submittedValues(formData) : {};
    try {
      if (!(await hasOrigin())) {
        return { ok: false, message: NOT_FROM_OWN_PAGES, code: "forbidden" };
      }
      const actor = (options.access === "public" ? null : await guards[options.access as keyof typeof guards]()) as Actor<A>;
      if (!isForm) return { ok: false, message: "This form could not be read. Reload the page and send it again.", code: "bad_request" };
      const parsed = options.schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        return {
          ok: false,
          message: CORRECT_FIELDS,
          fieldErrors: fieldErrorsOf(parsed.error),
          values,
        };
      }
      const data = await options.run(parsed.data, actor);
      return { ok: true, data, message: options.successMessage };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) return { ok: false, message: error.message, code: error.code, fieldErrors: error.fieldErrors, values };
      console.error(error);
      return { ok: false, message: "Something went wrong on our side and nothing was saved. Please try again.", values };
    }
  };
}
