import type { Metadata } from "next";
import Link from "next/link";
import { OwnerApplicationForm } from "@/components/owners/application-form";
import { submitOwnerApplicationAction } from "@/lib/actions/owner-applications";
import { getCachedEquityPlans } from "@/lib/owners/cached";
import { shareImage } from "@/lib/site";

export const metadata: Metadata = {
  title: "Apply to become an owner",
  description: "Apply online in a few minutes: your details, your household, how to pay your equity, and the FLOWER discount.",
  alternates: { canonical: "/owners/apply" },
  openGraph: { title: "Apply to become an owner", url: "/owners/apply", images: [shareImage] },
};

export default async function OwnerApplicationPage() {
  const plans = await getCachedEquityPlans();
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold text-leaf-900">Apply to become an owner</h1>
      <p className="mt-3 max-w-prose">
        It takes about five minutes. What you type stays in this browser until you send it, so you can come back to it. Staff review every
        application and email you the decision. <Link href="/owners">Why become an owner?</Link>
      </p>
      <OwnerApplicationForm action={submitOwnerApplicationAction} plans={plans} />
    </article>
  );
}
