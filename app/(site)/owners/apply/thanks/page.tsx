import type { Metadata } from "next";
import Link from "next/link";
import { ClearApplicationDraft } from "@/components/owners/clear-application-draft";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Thank you for applying", robots: { index: false } };

export default function ApplicationThanksPage() {
  return (
    <article className="max-w-prose">
      <ClearApplicationDraft />
      <h1 className="text-3xl font-bold text-leaf-900">Thank you for applying</h1>
      <div className="prose-coop mt-4">
        {/* Every application gets this page, whoever the address belongs to: the email says the rest (no form tells who is an owner). */}
        <p>We have emailed the address you gave to say what happens next. If nothing arrives in a few minutes, look in your spam folder.</p>
        <p>
          A staff member reviews new applications, usually within a few days, and we email you the decision. Once you are approved you
          get your owner number, and your first equity payment is taken at the register.
        </p>
        <p>To follow your application, sign in with the email address you gave: we send you a link, no password needed.</p>
      </div>
      <p className="mt-6 flex flex-wrap gap-3">
        <ButtonLink href="/login?callbackUrl=%2Faccount" prefetch={false}>
          Follow my application
        </ButtonLink>
        <ButtonLink href="/health" variant="secondary">
          Browse the health library
        </ButtonLink>
      </p>
      <p className="mt-6">
        Questions? <Link href="/visit">Find our phone number and hours</Link>.
      </p>
    </article>
  );
}
