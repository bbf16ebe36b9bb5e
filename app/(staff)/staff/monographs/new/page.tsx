import Link from "next/link";
import { MonographEditor } from "@/components/monographs/monograph-editor";
import { saveMonographAction } from "@/lib/actions/monographs";
import { requirePageRole } from "@/lib/auth/session";

export const metadata = { title: "New monograph" };

export default async function NewMonographPage() {
  await requirePageRole("staff", "/staff/monographs/new");
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/monographs">Health library</Link> › New
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">New monograph</h1>
      <MonographEditor
        action={saveMonographAction}
        monograph={{
          slug: "",
          title: "",
          category: "herbs-supplements",
          alsoListedAs: [],
          relatedTerms: [],
          summary: "",
          sections: { background: "", theoryEvidence: "", safety: "", practiceDosing: "", authorInformation: "" },
          evidence: [],
          references: [],
          status: "draft",
        }}
      />
    </>
  );
}
