import { inWords } from "./error-reasons";

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

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return statusByCode[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A JSON error answer for route handlers; unexpected errors become a plain 500 without details. */
export function errorResponse(error: unknown, headers?: HeadersInit) {
  if (isAppError(error)) {
    return Response.json(
      { error: error.code, message: inWords(error.message), fieldErrors: error.fieldErrors },
      { status: error.status, headers },
    );
  }
  console.error(error);
  return Response.json({ error: "internal", message: "Something went wrong on our side." }, { status: 500, headers });
}
