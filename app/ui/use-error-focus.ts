import { useEffect, useRef } from "react";

/**
 * After a failed submit, move focus to the error message, so screen readers announce it and
 * keyboard users start from it (WCAG 3.3.1). Pass the action's result; focus moves when it
 * carries an error.
 */
export function useErrorFocus<T extends HTMLElement = HTMLDivElement>(
  result: { error?: unknown } | undefined,
) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (result?.error) ref.current?.focus();
  }, [result]);
  return ref;
}
