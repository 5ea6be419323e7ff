// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusOnOpen, isWorkingInField } from './focusOnOpen';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.appendChild(host);
  return host;
}

function byId<T extends HTMLElement>(host: HTMLElement, id: string): T {
  const el = host.querySelector<T>(`#${id}`);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

describe('focusOnOpen', () => {
  it('focuses the first field while no field has the focus', () => {
    const host = mount('<input id="first" /><button id="b">ok</button>');
    const first = byId<HTMLInputElement>(host, 'first');
    focusOnOpen(() => first.focus());
    expect(document.activeElement).toBe(first);

    // A button (the one that opened the dialog, say) is not a field: still focused.
    byId(host, 'b').focus();
    const focus = vi.fn();
    focusOnOpen(focus);
    expect(focus).toHaveBeenCalledOnce();
  });

  it('leaves the caret where the user already types', () => {
    const host = mount('<textarea id="summary"></textarea><input id="next" />');
    const next = byId<HTMLInputElement>(host, 'next');
    next.focus();
    const focus = vi.fn(() => byId(host, 'summary').focus());
    focusOnOpen(focus);
    expect(focus).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(next);
  });

  it('knows fields from other elements', () => {
    const host = mount(
      '<input id="i" /><textarea id="t"></textarea><select id="s"></select><div id="d"></div><button id="b"></button>',
    );
    for (const id of ['i', 't', 's']) expect(isWorkingInField(byId(host, id))).toBe(true);
    for (const id of ['d', 'b']) expect(isWorkingInField(byId(host, id))).toBe(false);
    expect(isWorkingInField(null)).toBe(false);
  });
});
