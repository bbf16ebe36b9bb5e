// What an upload route answers a form with (the résumé, a Rutabaga Rap issue): the shape
// of a server action's answer, so the form shows it the same way. Pure: the route, the
// page that shows a refused form again and the form in the browser all read it.

export type UploadFormResult =
  | {
      ok: true;
      /** Shown above the form when it stays on its page. */
      message?: string;
      /** The page to go to next, when the form was taken and leaves its page. */
      redirect?: string;
    }
  | {
      ok: false;
      message: string;
      /** Set when the refusal was an expected one (`rate_limited`, `forbidden`, …). */
      code?: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** What was typed, so the form can show it again. */
      values?: Record<string, string>;
    };
