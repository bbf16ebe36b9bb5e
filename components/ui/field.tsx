import { useId } from "react";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  multiline?: boolean;
  rows?: number;
} & Omit<React.InputHTMLAttributes<HTMLInputElement> & React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

const controlClass =
  "mt-1 block w-full rounded-md border border-gray-400 bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-red-700";

/** A labelled input or textarea whose hint and errors are tied to it for screen readers. */
export function Field({ label, name, errors, hint, multiline, rows = 4, className, ...props }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const shared = { id, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...shared} rows={rows} className={controlClass} {...(props as React.TextareaHTMLAttributes<HTMLTextAreaElement>)} />
      ) : (
        <input {...shared} className={controlClass} {...(props as React.InputHTMLAttributes<HTMLInputElement>)} />
      )}
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
