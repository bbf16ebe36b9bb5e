import type { Metadata } from "next";
import { AlphabeticalIndex, CategoryOverview } from "@/components/monographs/category-overview";
import { LiveSearch } from "@/components/monographs/live-search";
import { QueryProvider } from "@/components/providers/query-provider";
import { getCachedCategories, getCachedMonographList } from "@/lib/monographs/cached";

export const metadata: Metadata = {
  title: "Health library",
  description: "Plain-language monographs on herbs, supplements, vitamins, therapies and conditions, with graded evidence and cited research.",
  alternates: { canonical: "/health" },
};

export default async function HealthLibraryPage() {
  const [categories, monographs] = await Promise.all([getCachedCategories(), getCachedMonographList()]);
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Health library</h1>
      <p className="mt-3 max-w-prose">
        What the research says about {monographs.length} herbs, supplements, nutrients, therapies and conditions, graded
        by the strength of the evidence and linked to the studies. Use it to prepare questions for your practitioner.
      </p>
      <div className="mt-6">
        <QueryProvider>
          <LiveSearch />
        </QueryProvider>
      </div>
      <div className="mt-10">
        <CategoryOverview categories={categories} monographs={monographs} />
      </div>
      <AlphabeticalIndex monographs={monographs} />
    </>
  );
}
