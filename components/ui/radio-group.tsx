import { useId } from "react";

export type RadioOption = { value: string; label: React.ReactNode; description?: React.ReactNode };

/** Radio buttons in a fieldset whose legend names the choice; errors are tied to every option. */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  errors,
  required,
}: {
  legend: string;
  name: string;
  options: RadioOption[];
  value?: string;
  onChange?: (value: string) => void;
  errors?: string[];
  required?: boolean;
}) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-2 space-y-3">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-3 rounded-md border border-leaf-100 bg-white p-3">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                required={required}
                checked={value === undefined ? undefined : value === option.value}
                onChange={onChange ? () => onChange(option.value) : undefined}
                aria-describedby={[option.description ? `${optionId}-description` : "", errorId ?? ""].join(" ").trim() || undefined}
                className="mt-1 size-5 shrink-0 accent-leaf-800"
              />
              <div>
                <label htmlFor={optionId} className="font-semibold">
                  {option.label}
                </label>
                {option.description && <div id={`${optionId}-description`}>{option.description}</div>}
              </div>
            </div>
          );
        })}
      </div>
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
