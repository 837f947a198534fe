import escapeHtml from "escape-html";

/** The magic-link mail, in both languages: the address alone does not tell us which the reader prefers. */
export function signInLinkMail({ url, expires, appUrl }: { url: string; expires: Date; appUrl: string }) {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const host = new URL(appUrl).host;
  const text = [
    `Sign in to ${host}:`,
    url,
    `This link works once and expires in ${minutes} minutes. If you did not ask for it, ignore this mail.`,
    "",
    `${host}에 로그인하려면 아래 링크를 누르세요:`,
    url,
    `이 링크는 한 번만 쓸 수 있으며 ${minutes}분 후 만료됩니다. 요청하지 않았다면 이 메일을 무시하세요.`,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Sign in to ${e(host)} · ${e(host)}에 로그인</p>
<p><a href="${e(url)}" style="display:inline-block;padding:10px 18px;background:#0b3d6e;color:#fff;text-decoration:none;border-radius:6px">Sign in · 로그인</a></p>
<p>This link works once and expires in ${minutes} minutes. · 이 링크는 한 번만 쓸 수 있으며 ${minutes}분 후 만료됩니다.</p>
</body></html>`;
  return { subject: `Sign in to ${host} · 로그인 링크`, text, html };
}
