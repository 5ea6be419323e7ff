// The file name a `Content-Disposition: attachment` header gives (RFC 6266): the UTF-8
// `filename*` (RFC 8187: `UTF-8''%E5%AE%A2…`) when present and readable, else the plain
// `filename` (quoted or a token). Null when the header names none.

// One parameter: `; name = value`, the value a quoted string (with \-escapes) or a token.
const PARAM = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

function parameters(header: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name = '', raw = ''] of header.matchAll(PARAM)) {
    const key = name.toLowerCase();
    const value = raw.trim();
    if (found.has(key)) continue; // the first one counts
    found.set(key, value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);
  }
  return found;
}

/** An RFC 8187 ext-value (`charset'language'percent-encoded`) decoded; null if it cannot be. */
function extValue(text: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(text);
  if (!match) return null;
  const [, charset = '', encoded = ''] = match;
  switch (charset.toLowerCase()) {
    case 'utf-8':
      try {
        return decodeURIComponent(encoded);
      } catch {
        return null; // not UTF-8 after all: the plain name is used
      }
    case 'iso-8859-1':
      return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
    default:
      return null;
  }
}

/** No folders and no control characters in a name to save under; null if nothing is left. */
function safeName(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const safe = name.replace(/[/\\\u0000-\u001f\u007f]/g, '_').trim();
  return safe === '' || safe === '.' || safe === '..' ? null : safe;
}

export function attachmentFileName(header: string | null): string | null {
  if (!header) return null;
  const params = parameters(header);
  const extended = params.get('filename*');
  const name = (extended !== undefined ? extValue(extended) : null) ?? params.get('filename');
  return name === undefined ? null : safeName(name);
}
