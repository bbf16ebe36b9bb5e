import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { StaffJobList } from "@/components/jobs/staff-job-list";
import { QueryProvider } from "@/components/providers/query-provider";
import type { setJobStatusAction } from "@/lib/actions/jobs";
import type { StaffJobRow } from "@/lib/jobs/staff-list";

type Action = typeof setJobStatusAction;

const rows: StaffJobRow[] = [
  { id: 1, slug: "cashier", title: "Cashier", department: "Front end", status: "draft", closesOn: "2099-01-01", updatedAt: "2026-11-20T10:00:00.000Z", applicants: {} },
  { id: 2, slug: "deli-cook", title: "Deli Cook", department: "Deli", status: "published", closesOn: "2099-01-01", updatedAt: "2026-11-21T10:00:00.000Z", applicants: { new: 2, interview: 1 } },
];

/** A server answer that waits until the test lets it go, so the optimistic state can be seen first. */
function deferredAction(answer: Awaited<ReturnType<Action>>) {
  let release = () => {};
  const action = jest.fn(() => new Promise<Awaited<ReturnType<Action>>>((resolve) => (release = () => resolve(answer))));
  return { action: action as unknown as Action, release: () => release() };
}

const rowOf = (title: string) => screen.getByRole("row", { name: new RegExp(title) });

beforeEach(() => {
  // The list refetches after a change; the server still has the rows as they were. (jsdom has no Response class.)
  global.fetch = jest.fn(async () => ({ ok: true, json: async () => ({ jobs: rows }) }) as Response) as typeof fetch;
});

describe("StaffJobList", () => {
  it("counts postings by state, shows applicants by status, and filters", () => {
    render(
      <QueryProvider>
        <StaffJobList initial={rows} setStatus={jest.fn() as unknown as Action} />
      </QueryProvider>,
    );
    expect(within(rowOf("Deli Cook")).getByText("2 new · 1 interview")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("State"), { target: { value: "draft" } });
    expect(screen.queryByRole("row", { name: /Deli Cook/ })).toBeNull();
    expect(rowOf("Cashier")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "Draft (1)" })).toBeInTheDocument();
  });

  it("shows a publish at once, and puts the row back with the server's refusal", async () => {
    const { action, release } = deferredAction({ ok: false, message: "The posting is already in that state. Reload to see the latest." });
    // The list's refetch after the refusal never answers here, so only the rollback itself can put the row back.
    global.fetch = jest.fn(() => new Promise<Response>(() => {})) as typeof fetch;
    render(
      <QueryProvider>
        <StaffJobList initial={rows} setStatus={action} />
      </QueryProvider>,
    );
    fireEvent.click(within(rowOf("Cashier")).getByRole("button", { name: /Publish/ }));
    await waitFor(() => expect(within(rowOf("Cashier")).getByText("Published")).toBeInTheDocument());
    release();
    await waitFor(() => expect(within(rowOf("Cashier")).getByText("Draft")).toBeInTheDocument());
    expect(await screen.findByRole("alert")).toHaveTextContent("Not changed: The posting is already in that state.");
  });
});
