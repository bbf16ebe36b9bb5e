import http from "node:http";

/**
 * A GET as wrk sends it (no Accept-Encoding, so the bytes the measures are answered
 * with), on a connection of its own: one kept alive from before a load may be closed
 * under it.
 */
export function getAsWrk(url: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}
