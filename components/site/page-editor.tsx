"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { savePageAction } from "@/lib/actions/site";
import { MarkdownContent } from "./markdown";

type EditablePage = { slug: string; title: string; description: string; markdown: string };

/** The staff editor for a content page: Markdown on one side, the rendered page on the other. */
export function PageEditor({ action, page }: { action: typeof savePageAction; page: EditablePage }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const values = { ...page, ...failed?.values };
  const [markdown, setMarkdown] = useState(page.markdown);
  const formKey = useFormKey(result);
  return (
    <form key={formKey} action={formAction} className="mt-6 space-y-5">
      <FormMessage result={result} />
      <input type="hidden" name="slug" value={page.slug} />
      <Field label="Title" name="title" defaultValue={values.title} required maxLength={120} errors={failed?.fieldErrors?.title} />
      <Field
        label="Summary"
        name="description"
        hint="One sentence for search engines and link previews."
        defaultValue={values.description}
        maxLength={300}
        errors={failed?.fieldErrors?.description}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Field
          label="Text (Markdown)"
          name="markdown"
          multiline
          rows={24}
          hint="## for a heading, - for a list item, [words](/address) for a link."
          defaultValue={failed?.values?.markdown ?? markdown}
          onChange={(event) => setMarkdown(event.currentTarget.value)}
          errors={failed?.fieldErrors?.markdown}
          className="font-mono"
        />
        <section aria-labelledby="preview-heading" className="rounded-lg border border-leaf-100 bg-white p-4">
          <h2 id="preview-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-muted">
            Preview
          </h2>
          <MarkdownContent source={markdown} />
        </section>
      </div>
      <SubmitButton pendingLabel="Saving…">Save page</SubmitButton>
    </form>
  );
}
