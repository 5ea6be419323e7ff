// antd Form rules built from the server's field rules, with messages in the user's language.
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { charLength, trimSpace } from './rules';

function asText(value: unknown): string {
  return trimSpace(typeof value === 'string' ? value : '');
}

export function requiredRule(t: TFunction): FormRule {
  return {
    required: true,
    validator: async (_rule, value: unknown) => {
      const empty = value == null || (typeof value === 'string' && asText(value) === '');
      if (empty) throw new Error(t('errors.field.required'));
    },
  };
}

export function maxCharsRule(t: TFunction, max: number): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (charLength(asText(value)) > max) throw new Error(t('errors.field.too_long_max', { max }));
    },
  };
}

/** Non-empty text must pass `ok`; `problem` names the message (errors.field.<problem>). */
export function checkRule(t: TFunction, problem: string, ok: (text: string) => boolean): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const text = asText(value);
      if (text !== '' && !ok(text)) throw new Error(t(`errors.field.${problem}`));
    },
  };
}
