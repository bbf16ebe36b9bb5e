"use client";

import { useState } from "react";

/**
 * A key that changes with every action result. React resets a form after its action
 * runs; re-mounting it under a new key lets its fields take their defaultValue again,
 * which the form sets to what the person typed, so a rejected form keeps their input.
 */
export function useFormKey(result: unknown) {
  const [seen, setSeen] = useState(result);
  const [count, setCount] = useState(0);
  if (seen !== result) {
    setSeen(result);
    setCount(count + 1);
  }
  return count;
}
