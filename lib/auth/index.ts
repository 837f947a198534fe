import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { headers } from "next/headers";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/data/audit";
import { isActiveUserEmail } from "@/lib/data/users";
import { clientAddress } from "@/lib/security/client-address";
import { authenticateWithPassword } from "./credentials";
import { clearAccountLock } from "./login-throttle";
import { linkTokenAdapter, sendSignInLink, spendLinkRequest } from "./magic-link";
import { oidcRefusal } from "./oidc-profile";

/** Thrown from authorize(); its code reaches the sign-in form. */
class LockedOut extends CredentialsSignin {
  override code = "locked";
}

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) });

function oidcProvider(): NextAuthConfig["providers"] {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      // Read the profile from the userinfo endpoint too: a conforming provider
      // puts the email there, not in the ID token, when it issues an access token;
      // without it every staff member would be turned away for want of an address.
      idToken: false,
      // Staff are invited by email first; single sign-on then attaches to that
      // account, but only after the signIn callback below has seen a verified
      // address of an allowed domain that belongs to invited, active staff.
      allowDangerousEmailAccountLinking: true,
    },
  ];
}

/** Where Auth.js sends a refusal: the sign-in page, in the reader's language, with its own message. */
const refusal = (code: string) => `/sign-in?error=${code}`;

function config(): NextAuthConfig {
  const e = env();
  // Auth.js builds every link (sign-in mails, callbacks, redirects) from
  // AUTH_URL when it is set, and from the request's Host otherwise: APP_URL
  // decides, never a header.
  process.env.AUTH_URL = `${e.APP_URL}/api/auth`;
  return {
    adapter: linkTokenAdapter(PrismaAdapter(db)),
    secret: e.AUTH_SECRET,
    trustHost: true,
    // One line per failure, without a stack: most are a client's doing (an unknown
    // action, a forged or stale cookie), and a fuzzer must not be able to flood the log.
    logger: {
      error(error) {
        const cause = (error as Error & { cause?: unknown }).cause;
        const reason = cause instanceof Error ? ` (${cause.message})` : "";
        console.error(`[auth] ${error.name}: ${error.message.split("\n")[0]?.slice(0, 200)}${reason}`);
      },
      warn(code) {
        console.warn(`[auth] warning: ${code}`);
      },
      debug() {},
    },
    // Credentials need JWT sessions; every request still re-reads the user (see session.ts), so deactivation ends them at once.
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    // Errors (a refused single sign-on, a spent link) go to the sign-in page in the
    // reader's language: the locale routing picks it, as for any path without one.
    pages: { signIn: "/ko/sign-in", verifyRequest: "/ko/sign-in/check-email", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await authenticateWithPassword(parsed.data.email, parsed.data.password, clientAddress(request.headers));
          if (result.ok) return result.user;
          if (result.reason === "locked") throw new LockedOut();
          return null;
        },
      }),
      Nodemailer({
        id: "email",
        server: e.SMTP_URL ?? "smtp://127.0.0.1:25",
        from: e.MAIL_FROM,
        maxAge: 15 * 60,
        sendVerificationRequest: sendSignInLink,
      }),
      ...oidcProvider(),
    ],
    events: {
      // A sign-in by link or single sign-on proves the owner: it lifts a lock that password guesses put on the account.
      async signIn({ user, account }) {
        if (account?.provider !== "credentials" && user.email) await clearAccountLock(user.email);
      },
      // The first time an identity is attached to a staff account, administrators can see it.
      async linkAccount({ user, account }) {
        if (account.type === "email") return;
        await recordAudit({
          userId: user.id ?? null,
          action: "link-sso",
          entityType: "user",
          entityId: user.id ?? "",
          changes: { provider: [null, account.provider], providerAccountId: [null, account.providerAccountId] },
        });
      },
    },
    callbacks: {
      // Only invited, active staff get in, whatever the way in.
      async signIn({ user, account, profile, email }) {
        if (account?.provider === "credentials") return true;
        if (email?.verificationRequest) {
          // A link is asked for: the same answer for staff and strangers; only the limits can refuse it.
          const allowed = await spendLinkRequest(user.email ?? "", clientAddress(await headers()));
          return allowed ? true : refusal("TooManyLinks");
        }
        if (account?.provider === "oidc") {
          const refused = oidcRefusal(profile, e.OIDC_ALLOWED_DOMAINS);
          if (refused) return refusal(refused);
        }
        return user.email ? isActiveUserEmail(user.email) : false;
      },
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
