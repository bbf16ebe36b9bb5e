import { ContentArticle } from "@/components/site/content-article";
import { contentPageMetadata, loadContentPage } from "@/lib/site/cached";

export const generateMetadata = () => contentPageMetadata("advertise");

export default async function AdvertisePage() {
  return <ContentArticle {...await loadContentPage("advertise")} />;
}
