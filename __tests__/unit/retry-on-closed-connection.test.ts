import http from "node:http";
import type { AddressInfo } from "node:net";
import "../helpers/retry-on-closed-connection";

/**
 * A server that closes a path's first `closings` connections without answering, as a
 * keep-alive timeout does (`/page-N` closes N times), and answers after.
 */
async function serverClosingFirstConnections() {
  const seen = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const count = (seen.get(request.url!) ?? 0) + 1;
    seen.set(request.url!, count);
    const closings = Number(/-(\d+)$/.exec(request.url!)?.[1] ?? 1);
    if (count <= closings) request.socket.destroy();
    else response.end(`answered ${request.method}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

it("the http tests' fetch sends a GET again, up to three times, when the connection closed before any answer, and never a POST", async () => {
  const server = await serverClosingFirstConnections();
  try {
    await expect((await fetch(server.url("/page-1"))).text()).resolves.toBe("answered GET");
    expect(server.seen.get("/page-1")).toBe(2);
    await expect((await fetch(server.url("/page-3"))).text()).resolves.toBe("answered GET");
    expect(server.seen.get("/page-3")).toBe(4);
    // A server that keeps closing is a failure, not a wait.
    await expect(fetch(server.url("/page-4"))).rejects.toThrow("fetch failed");
    expect(server.seen.get("/page-4")).toBe(4);
    await expect(fetch(server.url("/form"), { method: "POST", body: "a=1" })).rejects.toThrow("fetch failed");
    expect(server.seen.get("/form")).toBe(1);
  } finally {
    await server.close();
  }
});
