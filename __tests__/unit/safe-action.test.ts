import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import type { Role } from "@/lib/model/users";
import { AppError } from "@/lib/model/errors";

// The session is the one part replaced here: who is signed in is set per test. The real
// guards are exercised over HTTP (__tests__/http/access-matrix.test.ts); these tests pin
// down the order and the shape of defineAction's answers.
let signedIn: Role | null = null;
jest.mock("@/lib/auth/session", () => {
  const { AppError: Err } = jest.requireActual("@/lib/model/errors");
  const user = () => {
    if (!signedIn) throw new Err("unauthorized", "Please sign in first.");
    return { id: "u1", email: "someone@coop.example", name: null, role: signedIn };
  };
  return {
    requireUser: async () => user(),
    requireStaff: async () => {
      const current = user();
      if (current.role === "member") throw new Err("forbidden", "This is for co-op staff.");
      return current;
    },
    requireAdmin: async () => {
      const current = user();
      if (current.role !== "admin") throw new Err("forbidden", "This is for co-op admins.");
      return current;
    },
  };
});

// The request's Origin, as Next's headers() would give it; a browser's form always sends one.
let origin: string | null = "http://localhost:3000";
jest.mock("next/headers", () => ({ headers: async () => new Headers(origin === null ? {} : { origin }) }));

const schema = z.object({ title: z.string().min(3, "At least 3 letters."), rows: z.string().optional() });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

describe("defineAction", () => {
  const run = jest.fn(async (input: { title: string }) => `saved ${input.title}`);
  const staffAction = defineAction({ access: "staff", schema, run, successMessage: "Saved." });
  const adminAction = defineAction({ access: "admin", schema, run });
  beforeEach(() => {
    run.mockClear();
    signedIn = null;
    origin = "http://localhost:3000";
  });

  it.each([null, "", "null"])("refuses a request whose Origin is %p before the role check, even from an admin, and never runs", async (sent) => {
    origin = sent;
    signedIn = "admin";
    expect(await staffAction(null, form({ title: "Valid" }))).toEqual({
      ok: false,
      code: "forbidden",
      message: "This form can only be sent from the co-op’s own pages. Reload the page and send it again.",
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a visitor who is not signed in before reading the form, and never runs", async () => {
    expect(await staffAction(null, form({ title: "x" }))).toEqual({ ok: false, message: "Please sign in first.", code: "unauthorized", values: { title: "x" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a member a staff action, and staff an admin action", async () => {
    signedIn = "member";
    expect(await staffAction(null, form({ title: "Valid" }))).toMatchObject({ ok: false, message: "This is for co-op staff." });
    signedIn = "staff";
    expect(await adminAction(null, form({ title: "Valid" }))).toMatchObject({ ok: false, message: "This is for co-op admins." });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers invalid input field by field, keeps what was typed (not React's own fields), and never runs", async () => {
    signedIn = "staff";
    const result = await staffAction(null, form({ title: "x", $ACTION_KEY: "k1" }));
    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { title: ["At least 3 letters."] },
      values: { title: "x" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it.each([[[null]], [[]], ["text"], [null], [{ title: "Valid" }], [[["title", "Valid"]]]])(
    "answers a hand-made call whose argument is %p instead of a form with a plain refusal, after the role check, and never runs",
    async (argument) => {
      const call = staffAction as unknown as (previous: null, argument: unknown) => ReturnType<typeof staffAction>;
      expect(await call(null, argument)).toMatchObject({ ok: false, message: "Please sign in first." });
      signedIn = "staff";
      expect(await call(null, argument)).toEqual({ ok: false, code: "bad_request", message: "This form could not be read. Reload the page and send it again." });
      expect(run).not.toHaveBeenCalled();
    },
  );

  it("runs with the parsed input and the signed-in person, and answers with its data", async () => {
    signedIn = "admin";
    expect(await staffAction(null, form({ title: "Board" }))).toEqual({ ok: true, data: "saved Board", message: "Saved." });
    expect(run).toHaveBeenCalledWith({ title: "Board" }, expect.objectContaining({ id: "u1", role: "admin" }));
  });

  it("turns a known failure into its message and field errors", async () => {
    signedIn = "staff";
    const taken = defineAction({
      access: "staff",
      schema,
      run: () => {
        throw new AppError("conflict", "That address is taken.", { title: ["Choose another."] });
      },
    });
    expect(await taken(null, form({ title: "Board" }))).toEqual({
      ok: false,
      message: "That address is taken.",
      code: "conflict",
      fieldErrors: { title: ["Choose another."] },
      values: { title: "Board" },
    });
  });

  it("puts a reason the query layer gave, and no action explained, into words: nobody reads a code", async () => {
    signedIn = "staff";
    const missing = defineAction({
      access: "staff",
      schema,
      run: () => {
        throw new AppError("conflict", { reason: "owner_number_sequence_missing" });
      },
    });
    const result = await missing(null, form({ title: "Board" }));
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/^[A-Z].*owner number.*\.$/) });
    expect(JSON.stringify(result)).not.toContain("owner_number_sequence_missing");
  });

  it("hides an unexpected failure behind a plain message", async () => {
    signedIn = "staff";
    const log = jest.spyOn(console, "error").mockImplementation(() => {});
    const broken = defineAction({
      access: "staff",
      schema,
      run: () => {
        throw new Error("SQLITE_CORRUPT: secret detail");
      },
    });
    const result = await broken(null, form({ title: "Board" }));
    log.mockRestore();
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/nothing was saved/) });
    expect(JSON.stringify(result)).not.toContain("secret detail");
  });

  it("lets redirect() through to Next", async () => {
    const public_ = defineAction({ access: "public", schema, run: () => redirect("/login/check-email") });
    await expect(public_(null, form({ title: "Board" }))).rejects.toThrow("NEXT_REDIRECT");
  });
});
