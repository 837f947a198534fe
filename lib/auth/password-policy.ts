/** Shared by the sign-in forms, user management and the ADMIN_PASSWORD check. */
export const PASSWORD_MIN_LENGTH = 12;
