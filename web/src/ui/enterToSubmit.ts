// Enter submits a dialog's form from wherever the user is typing, except where Enter means
// something else: choosing in a select or date picker, a new line in a text area, ending an
// input method's composition (Chinese is typed through one), pressing a button or switch.
import type { KeyboardEvent } from 'react';

export type KeyPress = {
  key: string;
  /** An input method is composing: Enter confirms the characters, it does not submit. */
  isComposing: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The focused element's tag (`INPUT`, `TEXTAREA`, `BUTTON` …), its role and type. */
  tagName: string;
  role: string | null;
  type: string | null;
  /** Inside a date picker, where Enter takes the typed date. */
  inPicker: boolean;
};

const TYPING_INPUTS: ReadonlySet<string> = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'number',
  'password',
]);

/** Whether this key press should submit the form: Enter, or Ctrl/⌘+Enter in a text area. */
export function submitsForm(k: KeyPress): boolean {
  if (k.key !== 'Enter' || k.isComposing || k.shiftKey || k.altKey) return false;
  if (k.role === 'combobox' || k.inPicker) return false;
  if (k.tagName === 'TEXTAREA') return k.ctrlKey || k.metaKey;
  return k.tagName === 'INPUT' && TYPING_INPUTS.has(k.type ?? 'text');
}

/** The key press of a React keyboard event, as `submitsForm` reads it. */
export function keyPressOf(e: KeyboardEvent): KeyPress {
  const target = e.target instanceof HTMLElement ? e.target : null;
  return {
    key: e.key,
    // Chrome reports the Enter that ends a composition as key code 229.
    isComposing: e.nativeEvent.isComposing || e.keyCode === 229,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    tagName: target?.tagName ?? '',
    role: target?.getAttribute('role') ?? null,
    type: target?.getAttribute('type') ?? null,
    inPicker: target?.closest('.ant-picker') != null,
  };
}
