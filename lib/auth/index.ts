import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isActiveUserEmail } from "@/lib/data/users";
import { deliver } from "@/lib/mail/transport";
import { signInLinkMail } from "@/lib/mail/templates/sign-in-link";
import { clientAddress } from "@/lib/security/client-address";
import { authenticateWithPassword } from "./credentials";

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
      // Staff are invited by email first; single sign-on then attaches to that account.
      allowDangerousEmailAccountLinking: true,
    },
  ];
}

function config(): NextAuthConfig {
  const e = env();
  return {
    adapter: PrismaAdapter(db),
    secret: e.AUTH_SECRET,
    trustHost: true,
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
        async sendVerificationRequest({ identifier, url, expires }) {
          const mail = signInLinkMail({ url, expires, appUrl: e.APP_URL });
          await deliver({ to: identifier, ...mail });
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // Only invited, active staff get in, whatever the way in.
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
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
