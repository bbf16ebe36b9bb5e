import { reasonWords, type ErrorReason } from "./error-reasons";

export type { ErrorReason };

/** Failures the portal expects, each with the HTTP status a route handler answers with. */
const statusByCode = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  bad_request: 400,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof statusByCode;

/** What to correct, field by field (a field's name, or a path such as `household.0.email`). */
export type FieldErrors = Record<string, string[]>;

/** The banner over a form whose fields each say what to correct. */
export const CORRECT_FIELDS = "Please correct the fields marked below.";

export class AppError extends Error {
  /** Why a query or service refused; unset on an error written in words where it was thrown. */
  readonly reason?: ErrorReason;

  /**
   * `said` is either the words people read, or `{ reason }` for a refusal callers tell
   * apart by its reason (made with `refusals`), whose message is then the reason's
   * default words. Either way `message` is fit to show.
   */
  constructor(
    readonly code: ErrorCode,
    said: string | { reason: ErrorReason },
    readonly fieldErrors?: FieldErrors,
  ) {
    super(typeof said === "string" ? said : reasonWords[said.reason]);
    this.name = "AppError";
    if (typeof said !== "string") this.reason = said.reason;
  }

  get status() {
    return statusByCode[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Whether `error` is a refusal for one of the reasons `map` has an entry for (so `map[error.reason]` is there). */
export function hasReasonIn<R extends ErrorReason>(error: unknown, map: { readonly [K in R]: unknown }): error is AppError & { reason: R } {
  return isAppError(error) && error.reason !== undefined && Object.hasOwn(map, error.reason);
}

/** A refusal pointing at fields: the form's banner asks to correct them, and each field says what is wrong. */
export function invalidFields(fieldErrors: FieldErrors, code: ErrorCode = "bad_request") {
  return new AppError(code, CORRECT_FIELDS, fieldErrors);
}

/**
 * The refusal maker of a module whose functions refuse for known reasons, limited to the
 * reasons it declares (`const refuse = refusals<JobRefusal>()`), so that the actions'
 * maps of that union (`explainRefusals<JobRefusal>`) cover everything it can throw.
 */
export function refusals<R extends ErrorReason>() {
  return (code: ErrorCode, reason: R, fieldErrors?: FieldErrors) => new AppError(code, { reason }, fieldErrors);
}

/** An action's own words for each reason `R`: words said under the refusal's code, or the error to answer with instead. */
export type RefusalWords<R extends ErrorReason> = [R] extends [never]
  ? { readonly "name the reasons covered: explainRefusals<TheirUnion>(...)": never }
  : { readonly [K in R]: string | ((refusal: AppError & { reason: K }) => AppError) };

/**
 * Turns the refusals an action meets into its own words, and passes any other error on
 * unchanged. `R` is named, never inferred (`explainRefusals<JobRefusal>({ … })`), so
 * the map covers every reason of it: a reason added to a query's union without words
 * here is a type error. Reasons outside `R` keep their default words.
 */
export function explainRefusals<R extends ErrorReason = never>(words: RefusalWords<NoInfer<R>>) {
  const said = words as unknown as Partial<Record<ErrorReason, string | ((refusal: AppError) => AppError)>>;
  return (error: unknown): unknown => {
    if (!isAppError(error) || error.reason === undefined) return error;
    const own = said[error.reason];
    if (own === undefined) return error;
    return typeof own === "string" ? new AppError(error.code, own) : own(error);
  };
}

/** A JSON error answer for route handlers; unexpected errors become a plain 500 without details. */
export function errorResponse(error: unknown, headers?: HeadersInit) {
  if (isAppError(error)) {
    return Response.json({ error: error.code, message: error.message, fieldErrors: error.fieldErrors }, { status: error.status, headers });
  }
  console.error(error);
  return Response.json({ error: "internal", message: "Something went wrong on our side." }, { status: 500, headers });
}
