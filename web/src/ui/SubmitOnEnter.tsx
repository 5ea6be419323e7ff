import type { FormInstance } from 'antd';
import { Typography } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { keyPressOf, submitsForm } from './enterToSubmit';

/** Wraps a dialog's form: Enter (Ctrl+Enter in a text area) submits it (enterToSubmit.ts). */
export function SubmitOnEnter({ form, children }: { form: FormInstance; children: ReactNode }) {
  const handleKeyDown = (e: KeyboardEvent) => {
    if (!submitsForm(keyPressOf(e))) return;
    e.preventDefault();
    form.submit();
  };
  return <div onKeyDown={handleKeyDown}>{children}</div>;
}

/** A dialog's footer: the keys that work on the left, its buttons on the right. */
export function KeysFooter({ hint, children }: { hint: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Typography.Text type="secondary" style={{ flex: 1, textAlign: 'left', fontSize: 12 }}>
        {hint}
      </Typography.Text>
      {children}
    </div>
  );
}
