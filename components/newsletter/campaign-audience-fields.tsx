import { useId } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import type { CampaignSegment, ListAudience } from "@/lib/model/newsletter";
import { listFieldName } from "@/lib/validations/newsletter-campaigns";

export type ChoosableList = { id: number; name: string; audience: ListAudience };

type Errors = Partial<Record<"lists" | "ownership" | "subscribedFrom" | "subscribedBefore", string[]>>;

const ownershipChoices = [
  ["any", "Everyone on them"],
  ["owners", "Only people with an ownership (checked when it goes out)"],
  ["not_owners", "Only people without an ownership"],
] as const;

/**
 * Who a campaign goes to: its lists (one checkbox each, named `list-ID`) and, optionally,
 * who of them (owners or not, by when they joined the list), worked out when it goes out.
 * `values` are the fields as sent back after a refusal, which win over the saved choice.
 */
export function CampaignAudienceFields({
  lists,
  chosen,
  segment,
  values,
  errors,
}: {
  lists: ChoosableList[];
  chosen: number[];
  segment: CampaignSegment | null;
  values?: Record<string, string>;
  errors?: Errors;
}) {
  const id = useId();
  const errorId = errors?.lists?.length ? `${id}-lists-error` : undefined;
  const ownership = values?.ownership ?? segment?.ownership ?? "any";
  const ticked = (listId: number) => (values ? values[listFieldName(listId)] !== undefined : chosen.includes(listId));
  return (
    <>
      <fieldset aria-describedby={errorId}>
        <legend className="font-semibold">Lists it goes to</legend>
        <p className="text-sm text-muted">Each person on more than one of them gets it once. Archived lists are not offered.</p>
        <div className="mt-2 space-y-2">
          {lists.map((list) => (
            <CheckboxField
              key={list.id}
              name={listFieldName(list.id)}
              defaultChecked={ticked(list.id)}
              label={list.audience === "owners" ? `${list.name} (owners only: reaches those who still have an ownership when it goes out)` : list.name}
            />
          ))}
          {lists.length === 0 && <p>There is no list to send to: add one on the lists page first.</p>}
        </div>
        {errorId && (
          <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
            {errors!.lists!.join(" ")}
          </p>
        )}
      </fieldset>
      <fieldset aria-describedby={errors?.ownership?.length ? `${id}-ownership-error` : undefined}>
        <legend className="font-semibold">Who on those lists</legend>
        <div className="mt-2 space-y-2">
          {ownershipChoices.map(([value, label]) => (
            <div key={value} className="flex items-start gap-3">
              <input id={`${id}-${value}`} type="radio" name="ownership" value={value} defaultChecked={ownership === value} className="mt-1 size-5 shrink-0 accent-leaf-800" />
              <label htmlFor={`${id}-${value}`}>{label}</label>
            </div>
          ))}
        </div>
        {errors?.ownership?.length ? (
          <p id={`${id}-ownership-error`} className="mt-1 text-sm font-semibold text-red-800">
            {errors.ownership.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Joined the list on or after (optional)" name="subscribedFrom" type="date" hint="The store’s calendar." defaultValue={values?.subscribedFrom ?? segment?.subscribedFrom ?? ""} errors={errors?.subscribedFrom} />
        <Field label="Joined the list before (optional)" name="subscribedBefore" type="date" hint="The store’s calendar." defaultValue={values?.subscribedBefore ?? segment?.subscribedBefore ?? ""} errors={errors?.subscribedBefore} />
      </div>
    </>
  );
}
