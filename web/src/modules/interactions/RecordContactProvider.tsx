import { FormOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/sessionContext';
import {
  RecordContactContext,
  useRecordContact,
  type RecordContactRequest,
} from './recordContactContext';
import { RecordContactModal } from './RecordContactModal';

/** Alt+N opens the dialog from anywhere (the key, not the character: Option+N on a Mac). */
function isShortcut(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyN';
}

/**
 * Holds the console's one "record a contact" dialog: pages open it through
 * `useRecordContact()`, the header through its button, anyone with Alt+N. Only for users who
 * record contacts (`interaction.write`).
 */
export function RecordContactProvider({ children }: { children: ReactNode }) {
  const { access } = useCurrentSession();
  const [request, setRequest] = useState<RecordContactRequest | null>(null);
  const canRecord = access.can('interaction.write');
  const open = useCallback(
    (next: RecordContactRequest = {}) => {
      if (canRecord) setRequest(next);
    },
    [canRecord],
  );

  useEffect(() => {
    if (!canRecord) return;
    const handleKeyDown = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      e.preventDefault();
      setRequest((current) => current ?? {});
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, [canRecord]);

  return (
    <RecordContactContext.Provider value={open}>
      {children}
      {request && (
        <RecordContactModal
          interaction={request.interaction}
          customer={request.customer}
          onClose={() => setRequest(null)}
        />
      )}
    </RecordContactContext.Provider>
  );
}

/** The header's "record a contact" button; nothing for users who do not record contacts. */
export function RecordContactButton() {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const open = useRecordContact();
  if (!access.can('interaction.write')) return null;
  return (
    <Tooltip title={t('interaction.shortcut')}>
      <Button
        type="primary"
        size="small"
        icon={<FormOutlined />}
        onClick={() => open()}
        data-testid="record-contact"
      >
        {t('interaction.recordShort')}
      </Button>
    </Tooltip>
  );
}
