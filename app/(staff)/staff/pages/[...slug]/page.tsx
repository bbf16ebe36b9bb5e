import Link from "next/link";
import { notFound } from "next/navigation";
import { PageEditor } from "@/components/site/page-editor";
import { getPageBySlug } from "@/db/queries/site";
import { savePageAction } from "@/lib/actions/site";
import { requirePageRole } from "@/lib/auth/session";

type Props = { params: Promise<{ slug: string[] }> };

export const metadata = { title: "Edit page" };

export default async function EditPage({ params }: Props) {
  const slug = (await params).slug.join("/");
  await requirePageRole("staff", `/staff/pages/${slug}`);
  const page = getPageBySlug(slug);
  if (!page) notFound();
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/pages">Pages</Link> › {page.title}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Edit “{page.title}”</h1>
      <p className="mt-2">
        Public address: <Link href={`/${page.slug}`}>/{page.slug}</Link>
      </p>
      <PageEditor
        action={savePageAction}
        page={{ slug: page.slug, title: page.title, description: page.description, markdown: page.markdown }}
      />
    </>
  );
}
