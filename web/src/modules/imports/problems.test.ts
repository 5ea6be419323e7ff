import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import i18n from '../../i18n';
import { startProblems } from './problems';

const t = i18n.getFixedT('en-US');

describe('why an import did not start', () => {
  it.each([
    [
      new ApiError(400, 'validation_failed', 'bad header', { header: 'missing_column: amount' }),
      ['The header lacks the column "amount".'],
    ],
    [
      new ApiError(400, 'validation_failed', 'bad header', { header: 'unknown_column: amout' }),
      ['The header\'s column "amout" is not known.'],
    ],
    [new ApiError(400, 'validation_failed', 'empty', { file: 'empty' }), ['The file is empty.']],
    [
      new ApiError(400, 'validation_failed', 'long', { file_name: 'too_long' }),
      ['file_name: Too long'],
    ],
    [new ApiError(403, 'forbidden', 'no'), ['You may not import data.']],
    [
      new ApiError(413, 'payload_too_large', 'big'),
      ['The file is larger than the 512 MiB the server accepts; split it and import the parts.'],
    ],
    [
      new ApiError(503, 'unavailable', 'queue full'),
      [
        'The server cannot take an import just now: 4 imports are already waiting, or its database cannot be reached. Nothing was imported; please try again later.',
      ],
    ],
    [new ApiError(0, 'network', 'offline'), ['Cannot reach the server; check your connection']],
  ])('%s', (error, sentences) => {
    expect(startProblems(t, error)).toEqual(sentences);
  });
});
