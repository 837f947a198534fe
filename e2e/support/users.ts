/** Staff accounts of the e2e database, one per role. */
export const STAFF = {
  admin: { email: "admin@perspectives.test", password: "admin-password-123", role: "ADMIN", name: "Admin" },
  editor: { email: "editor@perspectives.test", password: "editor-password-123", role: "EDITOR", name: "Editor" },
  analyst: { email: "analyst@perspectives.test", password: "analyst-password-123", role: "ANALYST", name: "Analyst" },
} as const;
