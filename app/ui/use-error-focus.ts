import { useEffect, useRef } from "react";

/**
 * After a failed submit, move focus to the error message, so screen readers announce it and
 * keyboard users start from it (WCAG 3.3.1). Pass the action's result (or its errors); focus
 * moves each time a new one arrives that carries an error.
 */
export function useErrorFocus<T extends HTMLElement = HTMLDivElement>(
  result: { error?: unknown } | { fieldErrors: unknown } | undefined | null,
) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (result && ("fieldErrors" in result || result.error)) ref.current?.focus();
  }, [result]);
  return ref;
}
