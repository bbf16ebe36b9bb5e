"use client";

import { applicationSteps } from "./application-steps";

/** Where the person is in the application; steps already done can be revisited. */
export function StepProgress({ current, onSelect }: { current: number; onSelect: (step: number) => void }) {
  return (
    <nav aria-label="Application progress">
      <p className="text-sm font-semibold text-muted">
        Step {current + 1} of {applicationSteps.length}
      </p>
      <ol className="mt-2 flex flex-wrap gap-2">
        {applicationSteps.map((step, index) => {
          const state = index < current ? "done" : index === current ? "current" : "upcoming";
          const label = (
            <>
              <span aria-hidden="true">{index + 1}. </span>
              {step.title}
              {state === "done" && <span className="sr-only"> (done)</span>}
            </>
          );
          const style = {
            done: "border-leaf-700 bg-leaf-50 text-leaf-900 underline",
            current: "border-leaf-800 bg-leaf-800 text-white",
            upcoming: "border-gray-400 bg-white text-muted",
          }[state];
          return (
            <li key={step.id} aria-current={state === "current" ? "step" : undefined}>
              {state === "done" ? (
                <button type="button" onClick={() => onSelect(index)} className={`rounded-full border px-3 py-1 text-sm font-semibold ${style}`}>
                  {label}
                </button>
              ) : (
                <span className={`inline-block rounded-full border px-3 py-1 text-sm font-semibold ${style}`}>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
