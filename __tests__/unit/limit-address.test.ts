import { addressForLimits } from "@/lib/auth/client-ip";
import { publicFormLimitKey } from "@/lib/rate-limits";

describe("addressForLimits: the part of a client address that per-address limits count", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(addressForLimits("203.0.113.9")).toBe("203.0.113.9");
    expect(addressForLimits(" 203.0.113.9 ")).toBe("203.0.113.9");
  });

  it("reads an IPv4 client of a dual-stack socket (::ffff:a.b.c.d, in any spelling) as its IPv4 address", () => {
    expect(addressForLimits("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressForLimits("::FFFF:203.0.113.9")).toBe("203.0.113.9");
    expect(addressForLimits("0:0:0:0:0:ffff:cb00:7109")).toBe("203.0.113.9");
    expect(addressForLimits("[::ffff:203.0.113.9]")).toBe("203.0.113.9");
  });

  it("keys an IPv6 client on its /64: a host picks the other 64 bits freely", () => {
    const block = addressForLimits("2001:db8:1:2::1");
    expect(block).toBe("2001:db8:1:2::/64");
    for (const sameBlock of ["2001:db8:1:2::ffff", "2001:db8:1:2:aaaa::9", "2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:DB8:1:2:0:0:0:1"]) {
      expect(addressForLimits(sameBlock)).toBe(block);
    }
    expect(addressForLimits("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
  });

  it("expands :: wherever it stands", () => {
    expect(addressForLimits("::1")).toBe("0:0:0:0::/64");
    expect(addressForLimits("::")).toBe("0:0:0:0::/64");
    expect(addressForLimits("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(addressForLimits("2001:db8::7:0:0:1")).toBe("2001:db8:0:0::/64");
    expect(addressForLimits("2001:db8:0:5::")).toBe("2001:db8:0:5::/64");
    expect(addressForLimits("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });

  it("drops brackets, a port and a zone id", () => {
    expect(addressForLimits("[2001:db8:1:2::1]")).toBe("2001:db8:1:2::/64");
    expect(addressForLimits("[2001:db8:1:2::1]:8443")).toBe("2001:db8:1:2::/64");
    expect(addressForLimits("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressForLimits("[fe80::1%25en0]:80")).toBe("fe80:0:0:0::/64");
    expect(addressForLimits("203.0.113.9:51234")).toBe("203.0.113.9");
  });

  it("puts everything that is not an address under one key, so made-up text cannot buy a fresh limit", () => {
    for (const malformed of ["", "unknown", "not an address", "1.2.3", "1.2.3.256", "01.2.3.4", "2001:db8::1::2", "2001:db8:1:2:3:4:5:6:7", "12345::1", ":1:2:3:4:5:6:7", "g::1", "::ffff:1.2.3.999", "[::1", "x".repeat(10_000)]) {
      expect({ malformed, key: addressForLimits(malformed) }).toEqual({ malformed, key: "unknown" });
    }
  });
});

describe("publicFormLimitKey", () => {
  it("counts the addresses of one /64 together, and an IPv4-mapped address with its IPv4 address", () => {
    expect(publicFormLimitKey("owners:apply", "2001:db8:1:2::1")).toBe(publicFormLimitKey("owners:apply", "2001:db8:1:2:aaaa::9"));
    expect(publicFormLimitKey("owners:apply", "2001:db8:1:2::1")).not.toBe(publicFormLimitKey("owners:apply", "2001:db8:1:3::1"));
    expect(publicFormLimitKey("owners:apply", "::ffff:192.0.2.7")).toBe(publicFormLimitKey("owners:apply", "192.0.2.7"));
    expect(publicFormLimitKey("owners:apply", "192.0.2.7")).not.toBe(publicFormLimitKey("jobs:apply", "192.0.2.7"));
  });

  it("stores no address, only a hash of it", () => {
    expect(publicFormLimitKey("owners:apply", "2001:db8:1:2::1")).not.toMatch(/2001|db8/);
  });
});
