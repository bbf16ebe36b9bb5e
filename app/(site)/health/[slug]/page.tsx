import type { Metadata } from "next";
import Link from "next/link";
import { MonographArticle } from "@/components/monographs/monograph-article";
import { MonographBreadcrumb } from "@/components/monographs/breadcrumb";
import { JsonLdScript } from "@/components/ui/json-ld-script";
import { getEnv } from "@/lib/env";
import { getCachedMonograph, getCachedMonographList, getCachedMonographNames, loadMonograph } from "@/lib/monographs/cached";
import { monographJsonLd } from "@/lib/monographs/json-ld";
import { shareImage } from "@/lib/site";

type Props = { params: Promise<{ slug: string }> };

// Published monographs are prerendered; one published later renders on its first request
// and is cached from then on.
export async function generateStaticParams() {
  return (await getCachedMonographList()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const monograph = await getCachedMonograph(slug);
  if (!monograph) return {};
  return {
    title: `${monograph.title} · Health library`,
    description: monograph.summary || undefined,
    alternates: { canonical: `/health/${slug}` },
    openGraph: {
      title: monograph.title,
      description: monograph.summary || undefined,
      type: "article",
      url: `/health/${slug}`,
      images: [shareImage],
    },
  };
}

export default async function MonographPage({ params }: Props) {
  const { slug } = await params;
  const [monograph, names] = await Promise.all([loadMonograph(slug), getCachedMonographNames()]);
  return (
    <>
      <JsonLdScript data={monographJsonLd(monograph, `${getEnv().siteUrl}/health/${slug}`)} />
      <MonographBreadcrumb categorySlug={monograph.category} categoryName={monograph.categoryName} title={monograph.title} />
      <p className="print-hidden float-right ml-4">
        <Link href={`/health/${slug}/print`} className="rounded-md border border-leaf-800 px-3 py-1.5 font-semibold no-underline">
          Print
        </Link>
      </p>
      <MonographArticle monograph={monograph} names={names} />
    </>
  );
}
