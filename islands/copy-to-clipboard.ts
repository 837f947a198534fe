/**
 * Copies the link; where the clipboard is refused (old browser, no permission)
 * the reader is shown it to copy by hand. True when it was copied.
 */
export async function copyToClipboard(text: string, promptLabel: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    window.prompt(promptLabel, text);
    return false;
  }
}
