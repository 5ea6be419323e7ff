import { useState } from 'react';

// The import run the user started from the Data import page, kept in the tab's session
// storage so that leaving the page (for the run's details, say) and coming back shows its
// progress again. It stays until the user dismisses it or starts another; one per user, so
// signing in as someone else in the same tab does not show theirs.

const storageKey = (userId: number) => `kams.imports.current.${userId}`;

function read(userId: number): number | null {
  try {
    const text = window.sessionStorage.getItem(storageKey(userId));
    const id = text !== null && /^\d+$/.test(text) ? Number(text) : NaN;
    return Number.isSafeInteger(id) && id > 0 ? id : null;
  } catch {
    return null; // storage refused (e.g. disabled): the card lives as long as the page
  }
}

function write(userId: number, id: number | null): void {
  try {
    if (id === null) window.sessionStorage.removeItem(storageKey(userId));
    else window.sessionStorage.setItem(storageKey(userId), String(id));
  } catch {
    // As above: without storage, the page's state alone keeps the run.
  }
}

/** The current run's id (null: none) and how to follow another or let it go. */
export function useCurrentImportRun(userId: number) {
  const [id, setId] = useState<number | null>(() => read(userId));
  return {
    id,
    follow: (runId: number) => {
      write(userId, runId);
      setId(runId);
    },
    dismiss: () => {
      write(userId, null);
      setId(null);
    },
  };
}
