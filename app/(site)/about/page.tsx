import { ContentArticle } from "@/components/site/content-article";
import { contentPageMetadata, loadContentPage } from "@/lib/site/cached";

export const generateMetadata = () => contentPageMetadata("about");

export default async function AboutPage() {
  return <ContentArticle {...await loadContentPage("about")} />;
}
