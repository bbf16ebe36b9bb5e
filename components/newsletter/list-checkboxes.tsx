import { CheckboxField } from "@/components/ui/checkbox-field";
import { listFieldName } from "@/lib/model/newsletter";

export type ListOption = { id: number; name: string; description: string; ticked: boolean; ownersOnly?: boolean };

type Props = { legend: string; lists: ListOption[]; errors?: string[] };

/** The lists as checkboxes (`list-<id>`), ticked as given; a plain form posts them without JavaScript. */
export function ListCheckboxes({ legend, lists, errors }: Props) {
  const errorId = errors?.length ? "lists-error" : undefined;
  return (
    <fieldset className="space-y-3" aria-describedby={errorId}>
      <legend className="font-semibold">{legend}</legend>
      {errorId && (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      )}
      {lists.map((list) => (
        <CheckboxField
          key={list.id}
          name={listFieldName(list.id)}
          defaultChecked={list.ticked}
          label={list.ownersOnly ? `${list.name} (owners only)` : list.name}
          hint={list.description || undefined}
        />
      ))}
    </fieldset>
  );
}
