import { clientIp, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-ip";

const request = (forwardedFor?: string) =>
  new Headers({ [SOCKET_ADDRESS_HEADER]: "203.0.113.9", ...(forwardedFor && { "x-forwarded-for": forwardedFor }) });

describe("clientIp", () => {
  it("with no proxy trusted, is the socket's peer whatever X-Forwarded-For claims", () => {
    expect(clientIp(request("198.51.100.1"), 0)).toBe("203.0.113.9");
    expect(clientIp(request(), 0)).toBe("203.0.113.9");
  });

  it("behind one proxy, is the address that proxy appended, not what the client wrote before it", () => {
    // client forged "1.2.3.4"; the proxy (peer 203.0.113.9) appended the real client 198.51.100.7
    expect(clientIp(request("1.2.3.4, 198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("behind two proxies, skips the inner proxy's entry", () => {
    expect(clientIp(request("1.2.3.4, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("never reaches past the chain when fewer proxies answered than trusted", () => {
    expect(clientIp(request("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("is 'unknown' rather than a client's claim when the server did not stamp the peer", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });
});
