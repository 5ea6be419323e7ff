// antd Form rules for dossier fields, from the server's rules (validation/rules.ts).
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { checkRule, maxCharsRule, requiredRule } from '../validation/formRules';
import { isCivilDate, isValidCreditCode, isValidPhone } from '../validation/rules';
import type { FieldSpec } from './fields';
import { yuanToFen } from './money';

export function fieldRules(t: TFunction, field: FieldSpec): FormRule[] {
  const rules: FormRule[] = [];
  if (field.required) rules.push(requiredRule(t));
  if (field.maxChars !== undefined) rules.push(maxCharsRule(t, field.maxChars));
  switch (field.kind) {
    case 'creditCode':
      rules.push(checkRule(t, 'invalid_credit_code', isValidCreditCode));
      break;
    case 'phone':
      rules.push(checkRule(t, 'invalid_phone', isValidPhone));
      break;
    case 'date':
      rules.push(checkRule(t, 'invalid_date', isCivilDate));
      break;
    case 'money':
      rules.push(checkRule(t, 'invalid_money', (v) => yuanToFen(v) !== null));
      break;
    case 'integer':
      rules.push({
        type: 'integer',
        min: field.min,
        max: field.max,
        message: t('errors.field.out_of_range_between', { min: field.min, max: field.max }),
      });
      break;
    default:
      break;
  }
  return rules;
}
