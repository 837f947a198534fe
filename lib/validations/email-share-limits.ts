// Apart from the schema so the dialog's maxLength needs neither zod nor the link finder in the browser.
export const EMAIL_MAX = 254;
// Short on purpose: room for a note to a colleague, not for a sales pitch in the institute's name.
export const TITLE_MAX = 150;
export const MESSAGE_MAX = 500;
