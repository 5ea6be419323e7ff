// Form rules shared by the dialogs that write a contact record's text (record a contact,
// plan and complete a visit), mirroring the server's (engagement/interaction.cc).
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { isRealPurpose } from '../validation/rules';

/** A purpose is required, at most 200 characters, and real (no placeholder). */
export function purposeRules(t: TFunction): FormRule[] {
  return [
    requiredRule(t),
    maxCharsRule(t, 200),
    {
      // Judged once the user has finished (leaving the field, saving), not at the first
      // character: "无线网络改造" starts with the placeholder "无".
      validateTrigger: 'onBlur',
      validator: async (_r, v: unknown) => {
        const text = typeof v === 'string' ? v : '';
        if (text.trim() !== '' && !isRealPurpose(text))
          throw new Error(t('errors.field.not_a_purpose'));
      },
    },
  ];
}

/** At most `max` chosen (contacts, participants). */
export function atMostRule(t: TFunction, max: number): FormRule {
  return {
    validator: async (_r, v: unknown[] | undefined) => {
      if ((v?.length ?? 0) > max) throw new Error(t('errors.field.too_many_max', { max }));
    },
  };
}
