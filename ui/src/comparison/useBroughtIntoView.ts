import { useEffect, useRef } from "react";

/** A ref for a panel that opens below the matrix: it scrolls into view when it opens and when `key` changes. */
export function useBroughtIntoView<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.scrollIntoView?.({ block: "start" }), [key]);
  return ref;
}
