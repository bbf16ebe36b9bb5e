import { ContentArticle } from "@/components/site/content-article";
import { contentPageMetadata, getCachedPageList, loadContentPage } from "@/lib/site/cached";

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  const pages = await getCachedPageList();
  return pages.flatMap(({ slug }) => (slug.startsWith("about/") ? [{ slug: slug.slice("about/".length) }] : []));
}

export async function generateMetadata({ params }: Props) {
  return contentPageMetadata(`about/${(await params).slug}`);
}

export default async function AboutSubPage({ params }: Props) {
  return <ContentArticle {...await loadContentPage(`about/${(await params).slug}`)} />;
}
