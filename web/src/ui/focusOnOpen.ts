/**
 * Whether the user is already working in a field: the element with the focus takes text or
 * a choice. A dialog's first-field focus runs once its opening animation has ended; on a
 * slow machine the user (or a quick hand) has clicked into a field and typed by then.
 */
export function isWorkingInField(active: Element | null = document.activeElement): boolean {
  if (!(active instanceof HTMLElement)) return false;
  return (
    active.isContentEditable ||
    active.tagName === 'INPUT' ||
    active.tagName === 'TEXTAREA' ||
    active.tagName === 'SELECT'
  );
}

/**
 * Focuses a dialog's first field when it has opened — unless the user already works in a
 * field: a late focus must never move their caret, or what they type lands in another field.
 */
export function focusOnOpen(focus: () => void): void {
  if (!isWorkingInField()) focus();
}
