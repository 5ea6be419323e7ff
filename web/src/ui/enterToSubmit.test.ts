import { describe, expect, it } from 'vitest';
import { submitsForm, type KeyPress } from './enterToSubmit';

const enter: KeyPress = {
  key: 'Enter',
  isComposing: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  tagName: 'INPUT',
  role: null,
  type: 'text',
  inPicker: false,
};

describe('which key presses submit a dialog form', () => {
  it.each<[string, Partial<KeyPress>, boolean]>([
    ['Enter in a text input', {}, true],
    ['Enter in an input without a type', { type: null }, true],
    ['Enter in a number input', { type: 'number' }, true],
    ['another key', { key: 'a' }, false],
    ['Enter ending a Chinese input composition', { isComposing: true }, false],
    ['Shift+Enter', { shiftKey: true }, false],
    ['Alt+Enter', { altKey: true }, false],
    ['Enter in a select (opens it or picks the option)', { role: 'combobox' }, false],
    ['Enter in a date picker (takes the typed date)', { inPicker: true }, false],
    ['Enter in a text area (a new line)', { tagName: 'TEXTAREA', type: null }, false],
    ['Ctrl+Enter in a text area', { tagName: 'TEXTAREA', type: null, ctrlKey: true }, true],
    ['⌘+Enter in a text area', { tagName: 'TEXTAREA', type: null, metaKey: true }, true],
    ['Enter on a button (presses it)', { tagName: 'BUTTON', type: 'button' }, false],
    ['Enter on a switch', { tagName: 'BUTTON', role: 'switch', type: 'button' }, false],
    ['Enter on a checkbox', { type: 'checkbox' }, false],
  ])('%s → %s', (_what, press, submits) => {
    expect(submitsForm({ ...enter, ...press })).toBe(submits);
  });
});
