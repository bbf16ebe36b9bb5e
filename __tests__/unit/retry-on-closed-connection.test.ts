import http from "node:http";
import type { AddressInfo } from "node:net";
import "../helpers/retry-on-closed-connection";

/** A server that closes the first connection of each path without answering, as a keep-alive timeout does, and answers after. */
async function serverClosingFirstConnection() {
  const seen = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const count = (seen.get(request.url!) ?? 0) + 1;
    seen.set(request.url!, count);
    if (count === 1) request.socket.destroy();
    else response.end(`answered ${request.method}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

it("the http tests' fetch sends a GET again once when the connection closed before any answer, and never a POST", async () => {
  const server = await serverClosingFirstConnection();
  try {
    await expect((await fetch(server.url("/page"))).text()).resolves.toBe("answered GET");
    expect(server.seen.get("/page")).toBe(2);
    await expect(fetch(server.url("/form"), { method: "POST", body: "a=1" })).rejects.toThrow("fetch failed");
    expect(server.seen.get("/form")).toBe(1);
  } finally {
    await server.close();
  }
});
