/**
 * The co-op's facts as the original site gave them (address, fax). Where it gave none,
 * the values are placeholders for staff to replace in Settings: the phone number is in
 * the 555-01xx range reserved for fiction, the email domain is the reserved `.example` top-level domain (RFC 2606).
 * They are the settings in force until an admin saves some; their shape is `siteSettingsSchema`
 * (lib/validations/site.ts), which checks them where they are read.
 */
export const defaultSiteSettings = {
  coopName: "Marshall Street Food Co-op",
  tagline: "A grocery store owned by the people who shop here",
  streetAddress: "62 Marshall St",
  locality: "Rochester",
  region: "NY",
  postalCode: "14607",
  phone: "585-555-0142",
  fax: "585-454-0343",
  email: "store@coop.example",
  hours: ["Monday – Saturday: 8 am – 9 pm", "Sunday: 9 am – 8 pm"],
  directionsUrl: "https://www.openstreetmap.org/search?query=62%20Marshall%20St%2C%20Rochester%2C%20NY%2014607",
  localCoopFinderUrl: "https://www.grocery.coop/",
  social: {
    instagram: "https://www.instagram.com/",
    twitter: "https://x.com/",
    facebook: "https://www.facebook.com/",
  },
  staffNotificationEmail: "store@coop.example",
};
