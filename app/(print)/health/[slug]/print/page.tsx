import type { Metadata } from "next";
import Link from "next/link";
import { MonographArticle } from "@/components/monographs/monograph-article";
import { PrintedOn } from "@/components/monographs/printed-on";
import { getEnv } from "@/lib/env";
import { getCachedMonograph, getCachedMonographList, loadMonograph } from "@/lib/monographs/cached";
import { getCachedSiteSettings } from "@/lib/site/cached";

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getCachedMonographList()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const monograph = await getCachedMonograph((await params).slug);
  return monograph ? { title: `${monograph.title} (print)`, robots: { index: false } } : {};
}

/** A monograph laid out for paper: the text, its references, where it came from and when it was printed. */
export default async function MonographPrintPage({ params }: Props) {
  const { slug } = await params;
  const [monograph, settings] = await Promise.all([loadMonograph(slug), getCachedSiteSettings()]);
  const url = `${getEnv().siteUrl}/health/${slug}`;
  return (
    <>
      <p className="print-hidden mb-6 text-sm">
        <Link href={`/health/${slug}`}>Back to the monograph</Link> · Use your browser&apos;s Print command to print this page.
      </p>
      <p className="mb-4 text-sm">
        {settings.coopName} Health library · {monograph.categoryName}
      </p>
      <MonographArticle monograph={monograph} names={{}} />
      <footer className="mt-8 border-t border-gray-300 pt-3 text-xs">
        <p>
          From <span className="break-all">{url}</span>
        </p>
        <PrintedOn />
      </footer>
    </>
  );
}
