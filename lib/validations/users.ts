import { z } from "zod";

export const roleSchema = z.enum(["ADMIN", "EDITOR", "ANALYST"], { error: "invalidRole" });

export const inviteUserSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email("invalidEmail")),
  name: z.string().trim().max(100, "tooLong").optional(),
  role: roleSchema,
});

export const changeRoleSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });
export const setActiveSchema = z.object({
  userId: z.string().min(1).max(64),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
