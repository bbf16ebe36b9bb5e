"use client";

import { useFormStatus } from "react-dom";

const variants = {
  primary: "bg-leaf-800 text-white hover:bg-leaf-900",
  secondary: "border border-leaf-800 bg-white text-leaf-800 hover:bg-leaf-50",
  danger: "bg-red-800 text-white hover:bg-red-900",
} as const;

/**
 * A submit button that shows the form is busy and cannot be pressed twice meanwhile: busy
 * while its form's action runs, or while `busy` says so (a form its own script sends).
 */
export function SubmitButton({
  children,
  pendingLabel = "Working…",
  variant = "primary",
  busy,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: keyof typeof variants;
  busy?: boolean;
}) {
  const status = useFormStatus();
  const pending = busy ?? status.pending;
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 font-semibold disabled:opacity-70 ${variants[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
