import { instantFromStoreDateTime, storeDateTimeInput } from "@/lib/model/store-time";

describe("times typed on the store's clock", () => {
  it("reads a winter and a summer time at the store's offset of the day", () => {
    expect(instantFromStoreDateTime("2027-03-01T09:00")?.toISOString()).toBe("2027-03-01T14:00:00.000Z");
    expect(instantFromStoreDateTime("2027-07-01T09:00")?.toISOString()).toBe("2027-07-01T13:00:00.000Z");
  });

  it("refuses a time the clocks skip in spring, a day not in the calendar and anything malformed", () => {
    for (const value of ["2027-03-14T02:30", "2027-02-30T10:00", "2027-13-01T10:00", "2027-03-01T24:00", "2027-3-1T9:00", "2027-03-01 09:00", ""]) {
      expect({ value, instant: instantFromStoreDateTime(value) }).toEqual({ value, instant: null });
    }
  });

  it("takes an hour that happens twice in autumn the first time", () => {
    expect(instantFromStoreDateTime("2027-11-07T01:30")?.toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });

  it("shows an instant as the field takes it, and reads it back to the same instant", () => {
    for (const iso of ["2027-03-01T14:00:00.000Z", "2027-07-01T03:59:00.000Z", "2027-11-08T06:30:00.000Z", "2027-12-31T23:59:00.000Z"]) {
      expect(instantFromStoreDateTime(storeDateTimeInput(new Date(iso)))?.toISOString()).toBe(iso);
    }
    expect(storeDateTimeInput(new Date("2027-03-01T14:00:00Z"))).toBe("2027-03-01T09:00");
  });
});
