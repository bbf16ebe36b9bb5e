import { formatAddress } from "@/lib/site";
import type { SiteSettings } from "@/lib/validations/site";

/** Online by the emailed link or from the account page, or on paper at the store. */
export function HowToVote({ settings }: { settings: SiteSettings }) {
  return (
    <section aria-labelledby="how-to-vote" className="mt-8 rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="how-to-vote" className="mb-3 text-xl font-bold text-leaf-900">
        How to vote
      </h2>
      <h3 className="font-semibold">Online</h3>
      <p className="mt-1">
        Open the link in the ballot email we sent to your ownership&apos;s address, or{" "}
        {/* A plain link: the account page renders per request and must not be prefetched. */}
        <a href="/account">sign in and go to your account</a>. After you vote you get a receipt code, on screen and by email,
        that shows your ballot was counted without showing your choices.
      </p>
      <h3 className="mt-4 font-semibold">On paper</h3>
      <p className="mt-1">
        Ask for a paper ballot at the front desk of the store, {formatAddress(settings)}, during opening hours. Each ownership votes
        once: online or on paper, not both.
      </p>
    </section>
  );
}
