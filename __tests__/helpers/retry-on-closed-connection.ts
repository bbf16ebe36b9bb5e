/**
 * Node's fetch keeps connections to the portal open between requests. When the server
 * closes one that has sat idle for its keep-alive timeout (5 s) just as the client reuses
 * it, the request fails with "other side closed" before any answer: on a loaded CI
 * machine, timers run late and this happens now and then. A browser retries such a GET
 * on a new connection without the user noticing; the tests' fetch does the same, for GET
 * and HEAD only (a POST may have been received, so it is never sent twice). Up to three
 * times: after eight requests at once, eight connections sit idle together, and the
 * retry may take another that the server is closing (seen beside three CPU hogs).
 */
const nodeFetch = globalThis.fetch;
const MAX_RETRIES = 3;

// By name and code: fetch's errors come from Node's realm, not the test file's, so `instanceof TypeError` is false.
function isClosedBeforeAnswer(error: unknown) {
  const { name, cause } = (error ?? {}) as { name?: string; cause?: { code?: string } };
  return name === "TypeError" && cause?.code === "UND_ERR_SOCKET";
}

globalThis.fetch = async function fetchRetryingClosedConnection(input: RequestInfo | URL, init?: RequestInit) {
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const mayResend = method === "GET" || method === "HEAD";
  for (let retries = 0; ; retries++) {
    try {
      return await nodeFetch(input, init);
    } catch (error) {
      if (!mayResend || retries === MAX_RETRIES || !isClosedBeforeAnswer(error)) throw error;
    }
  }
};
