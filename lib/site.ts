// The institution's name, contact and images are settings staff edit
// (lib/data/site-settings.ts); only the calendar the portal keeps is fixed.

/** Dates are shown as the institution's calendar has them (an upload at 09:00 KST is that day everywhere). */
export const SITE_TIME_ZONE = "Asia/Seoul";
