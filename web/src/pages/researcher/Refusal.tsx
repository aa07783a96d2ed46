import type { FormEvent } from "react";
import { ApiError } from "../../api";
import { sentence } from "../../text";

/** Why the API refused an action, in its words; nothing before anything was tried. */
export function Refusal({ error, testId }: { error: unknown; testId: string }) {
  if (error === null) {
    return null;
  }
  const text = error instanceof ApiError ? sentence(error.message) : "Something went wrong. Try again.";
  return (
    <p className="reason" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}

/** A form's submit handler that runs `action` instead of the browser's submission. */
export function submitted(action: () => Promise<void>): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    void action();
  };
}
