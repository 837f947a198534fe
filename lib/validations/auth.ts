import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

/** Only paths on this site: an open redirect after sign-in would be a phishing tool. */
export const callbackUrlSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .max(2000)
  .catch("/ko/admin");

export const passwordSignInSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("invalidEmail")),
  password: z.string().min(1, "required").max(1024, "tooLong"),
  callbackUrl: callbackUrlSchema,
});

export const emailSignInSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("invalidEmail")),
  callbackUrl: callbackUrlSchema,
});

export const newPasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, "passwordTooShort").max(1024, "tooLong");
