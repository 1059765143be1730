/** The navigation state with which the user menu asks the sign-in page to end the session. */
export const SIGN_OUT_STATE = { signOut: true } as const;
