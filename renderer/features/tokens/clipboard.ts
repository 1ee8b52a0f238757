/**
 * Writes text to the clipboard when the page is allowed to; false otherwise, so the caller
 * shows the text in a selectable read-only field instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
