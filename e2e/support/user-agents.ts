// Who a request says it is. The counter leaves robots and unusual user agents
// out (lib/stats/robots.ts): a person is an ordinary desktop Chrome, not
// "HeadlessChrome", which the robots lists rightly exclude.

/** A desktop Chrome on Linux; `n` varies the build number (a browser of its own), which robots lists do not look at. */
export const chromeOnLinux = (n = 0) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${Math.floor(n / 200)}.${n % 200} Safari/537.36`;

/** A person's browser. */
export const PERSON = chromeOnLinux();

/** A search engine's crawler: its requests are answered but never counted as views. */
export const ROBOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";
