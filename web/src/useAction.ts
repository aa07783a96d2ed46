import { useState } from "react";

/** Something the user starts that the API may refuse: `run` starts it, `busy` holds while
 * it runs, and `refusal` is why the last run failed (null before any failure). */
export function useAction<A extends unknown[]>(
  act: (...args: A) => Promise<void>,
): { run: (...args: A) => Promise<void>; busy: boolean; refusal: unknown } {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setRefusal(null);
    try {
      await act(...args);
    } catch (error) {
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, refusal };
}
