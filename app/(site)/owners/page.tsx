import { ContentArticle } from "@/components/site/content-article";
import { ButtonLink } from "@/components/ui/button-link";
import { contentPageMetadata, loadContentPage } from "@/lib/site/cached";

export const generateMetadata = () => contentPageMetadata("owners");

export default async function OwnersPage() {
  return (
    <ContentArticle {...await loadContentPage("owners")}>
      <p className="mt-8">
        <ButtonLink href="/owners/apply">Apply to become an owner</ButtonLink>
      </p>
    </ContentArticle>
  );
}
