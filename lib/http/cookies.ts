/** The names of the cookies a request carries (values are not needed, and not read). */
export function cookieNames(headers: Pick<Headers, "get">): string[] {
  return (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.split("=")[0]?.trim() ?? "")
    .filter(Boolean);
}
