/**
 * Saves a Blob (made in the browser, or a file the API answered with) as a file: behind a
 * link that is clicked once and let go.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click's task, so the browser has started reading the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves text made in the browser as a file; nothing is sent to the server. */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * Saves CSV text as UTF-8 with a byte-order mark, so spreadsheet programs read Chinese
 * right; KAMS's own CSV import skips the mark.
 */
export function downloadCsv(fileName: string, text: string): void {
  downloadText(fileName, `\uFEFF${text}`, 'text/csv;charset=utf-8');
}
