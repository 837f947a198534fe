// A stand-in for @/lib/auth (Auth.js) in tests that call pages and route
// handlers outside a request: the session is the user `signInAs` named.
let sessionUserId: string | null = null;

/** The user the next calls see as signed in; null for nobody. */
export function signInAs(userId: string | null) {
  sessionUserId = userId;
}

export const auth = () => Promise.resolve(sessionUserId ? { user: { id: sessionUserId } } : null);
export const signIn = () => Promise.resolve(undefined);
export const signOut = () => Promise.resolve(undefined);
