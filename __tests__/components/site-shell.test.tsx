import { render, screen, within } from "@testing-library/react";
import { SiteAside } from "@/components/site/site-aside";
import { SiteFooter } from "@/components/site/site-footer";
import { defaultSiteSettings } from "@/lib/model/site-settings";
import type { subscribeToNewsletterAction } from "@/lib/actions/newsletter";
import { asideLinkGroups } from "@/lib/site";

const signupAction = jest.fn(async () => ({ ok: true as const, data: null })) as unknown as typeof subscribeToNewsletterAction;

describe("SiteAside", () => {
  it("carries every link of the original co-op page", () => {
    render(<SiteAside groups={asideLinkGroups(defaultSiteSettings)} signupAction={signupAction} />);
    const aside = screen.getByRole("complementary", { name: "Co-op links" });
    const expected: [RegExp, string][] = [
      [/sign up for the email newsletter/i, "/newsletter#signup"],
      [/email newsletter archive/i, "/newsletter#archive"],
      [/latest issue of the rutabaga rap/i, "/newsletter/issues#latest"],
      [/rutabaga rap archive/i, "/newsletter/issues"],
      [/about our co-op/i, "/about"],
      [/flower discount program/i, "/about/flower-program"],
      [/current job openings/i, "/jobs"],
      [/top 10 reasons/i, "/about/top-10-reasons"],
      [/why become an owner/i, "/owners"],
      [/apply to become an owner/i, "/owners/apply"],
      [/all about co-ops/i, "/about/co-ops"],
      [/board of directors/i, "/about/board"],
      [/global ends policy/i, "/about/global-ends-policy"],
      [/advertise in our newsletter/i, "/advertise"],
      [/apply for a job online/i, "/jobs#apply"],
      [/co-op connections/i, "/about/co-op-connections"],
      [/discover your local co-op/i, defaultSiteSettings.localCoopFinderUrl],
      [/instagram/i, defaultSiteSettings.social.instagram],
      [/twitter/i, defaultSiteSettings.social.twitter],
      [/facebook/i, defaultSiteSettings.social.facebook],
    ];
    for (const [name, href] of expected) {
      expect(within(aside).getByRole("link", { name })).toHaveAttribute("href", href);
    }
  });

  it("offers the newsletter signup with labelled fields", () => {
    render(<SiteAside groups={asideLinkGroups(defaultSiteSettings)} signupAction={signupAction} />);
    const signup = screen.getByRole("region", { name: "Get our email newsletter" });
    expect(within(signup).getByLabelText("Email address")).toHaveAttribute("type", "email");
    expect(within(signup).getByLabelText("First name (optional)")).toHaveAttribute("autocomplete", "given-name");
    expect(within(signup).getByRole("button", { name: "Sign up" })).toBeInTheDocument();
  });

  it("tells screen reader users which links leave the site", () => {
    render(<SiteAside groups={asideLinkGroups(defaultSiteSettings)} signupAction={signupAction} />);
    expect(screen.getByRole("link", { name: /instagram \(opens another site\)/i })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
  });
});

describe("SiteFooter", () => {
  it("shows the address, phone, fax, email and directions", () => {
    render(<SiteFooter settings={defaultSiteSettings} />);
    const footer = screen.getByRole("contentinfo");
    expect(footer).toHaveTextContent("62 Marshall St");
    expect(footer).toHaveTextContent("Rochester, NY 14607");
    expect(footer).toHaveTextContent("Fax: 585-454-0343");
    expect(within(footer).getByRole("link", { name: defaultSiteSettings.phone })).toHaveAttribute(
      "href",
      "tel:+15855550142",
    );
    expect(within(footer).getByRole("link", { name: defaultSiteSettings.email })).toHaveAttribute(
      "href",
      `mailto:${defaultSiteSettings.email}`,
    );
    expect(within(footer).getByRole("link", { name: /hours and directions/i })).toHaveAttribute("href", "/visit");
  });
});
