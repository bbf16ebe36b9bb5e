import Link from "next/link";
import { notFound } from "next/navigation";
import { MonographEditor } from "@/components/monographs/monograph-editor";
import { MonographStatusControls } from "@/components/monographs/monograph-status-controls";
import { getMonographById } from "@/db/queries/monographs";
import { deleteMonographAction, saveMonographAction, setMonographStatusAction } from "@/lib/actions/monographs";
import { requirePageRole } from "@/lib/auth/session";

export const metadata = { title: "Edit monograph" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditMonographPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("staff", `/staff/monographs/${id}`);
  const monograph = /^\d+$/.test(id) ? getMonographById(Number(id)) : null;
  if (!monograph) notFound();
  const { created } = await searchParams;
  const { categoryName, updatedAt, ...editable } = monograph;
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/monographs">Health library</Link> › {monograph.title}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">Edit “{monograph.title}”</h1>
      {created && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3">
          Created as {monograph.status === "published" ? "published" : "a draft"}.
        </p>
      )}
      {monograph.status === "published" && (
        <p className="mt-2">
          Public page: <Link href={`/health/${monograph.slug}`}>/health/{monograph.slug}</Link>
        </p>
      )}
      <MonographStatusControls id={monograph.id} status={monograph.status} setStatus={setMonographStatusAction} remove={deleteMonographAction} />
      <MonographEditor action={saveMonographAction} monograph={editable} />
    </>
  );
}
