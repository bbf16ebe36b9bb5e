import { useId } from "react";

type CheckboxFieldProps = {
  name: string;
  label: React.ReactNode;
  errors?: string[];
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "type">;

/** A checkbox with its label beside it, its hint and errors tied to it for screen readers. */
export function CheckboxField({ name, label, errors, hint, className, ...props }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          name={name}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className="mt-1 size-5 shrink-0 accent-leaf-800"
          {...props}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={hintId} className="ml-8 text-sm text-muted">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="ml-8 mt-1 text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
