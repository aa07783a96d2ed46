// Sign up and sign in. The token goes to sessionStorage (session.ts), never into a URL.
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import SignIn from "../graphql/SignIn.graphql";
import SignUp from "../graphql/SignUp.graphql";
import { ApiError } from "../api";
import { signIn, signOut, useSession, type Session } from "../session";
import { send } from "../useQuery";
import { sentence } from "../text";
import { Link } from "./Link";

let dialogOpen = false;
const listeners = new Set<() => void>();

/** Opens the sign-in form, e.g. from a button that needs an account. */
export function askToSignIn(): void {
  dialogOpen = true;
  listeners.forEach((listener) => listener());
}

function closeDialog(): void {
  dialogOpen = false;
  listeners.forEach((listener) => listener());
}

function useDialogOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => dialogOpen,
  );
}

export function AccountBar() {
  const session = useSession();
  const open = useDialogOpen();
  if (session !== null) {
    return (
      <div className="account">
        <span>
          Signed in as <strong>{session.viewer.name}</strong>
        </span>
        {session.viewer.role === "MODERATOR" && <Link to="/claims">Claims queue</Link>}
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <div className="account">
      <button type="button" onClick={open ? closeDialog : askToSignIn} aria-expanded={open}>
        Sign in or sign up
      </button>
      {open && <AccountForm />}
    </div>
  );
}

function AccountForm() {
  const [mode, setMode] = useState<"in" | "up">("in");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [mode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      if (mode === "up") {
        await send(SignUp, { email, password, name });
      }
      const { login } = await send<{ login: Session }>(SignIn, { email, password });
      signIn(login);
      closeDialog();
    } catch (caught) {
      setError(caught instanceof ApiError ? sentence(caught.message) : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="account-form card" onSubmit={submit} aria-label={mode === "in" ? "Sign in" : "Sign up"}>
      <div className="tabs" role="group" aria-label="Account">
        <button type="button" aria-pressed={mode === "in"} onClick={() => setMode("in")}>
          Sign in
        </button>
        <button type="button" aria-pressed={mode === "up"} onClick={() => setMode("up")}>
          Sign up
        </button>
      </div>
      {mode === "up" && (
        <label>
          Name
          <input ref={first} required value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" />
        </label>
      )}
      <label>
        Email
        <input
          ref={mode === "in" ? first : undefined}
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="email"
        />
      </label>
      <label>
        Password {mode === "up" && <span className="muted">(12 characters or more)</span>}
        <input
          type="password"
          required
          minLength={mode === "up" ? 12 : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete={mode === "up" ? "new-password" : "current-password"}
        />
      </label>
      {error !== "" && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mode === "in" ? "Sign in" : "Create account"}
      </button>
    </form>
  );
}
