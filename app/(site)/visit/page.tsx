import { ContentArticle } from "@/components/site/content-article";
import { StoreDetails } from "@/components/site/store-details";
import { contentPageMetadata, getCachedSiteSettings, loadContentPage } from "@/lib/site/cached";

export const generateMetadata = () => contentPageMetadata("visit");

export default async function VisitPage() {
  const [page, settings] = await Promise.all([loadContentPage("visit"), getCachedSiteSettings()]);
  return (
    <ContentArticle {...page}>
      <StoreDetails settings={settings} />
    </ContentArticle>
  );
}
