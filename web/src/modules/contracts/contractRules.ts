// Form rules of a contract, as the server checks them (core/contracts/contract.cc).
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { yuanToFen } from '../customers/money';

/** The server's largest contract value, in fen (openapi.json, Contract.amount_fen). */
const MAX_AMOUNT_FEN = 1_000_000_000_000_000;

export function amountRule(t: TFunction): FormRule {
  return {
    validator: async (_r, v: string | undefined) => {
      const text = (v ?? '').trim();
      if (text === '') return;
      const fen = yuanToFen(text);
      if (fen === null) throw new Error(t('errors.field.invalid_money'));
      if (fen > MAX_AMOUNT_FEN) throw new Error(t('errors.field.out_of_range'));
    },
  };
}

/** An end (or termination) day on or after the start day, as the server requires. */
export function notBeforeStartRule(t: TFunction, startsOn: () => string | null): FormRule {
  return {
    validator: async (_r, v: Dayjs | null | undefined) => {
      const start = startsOn();
      if (v && start && v.format('YYYY-MM-DD') < start)
        throw new Error(t('errors.field.before_start'));
    },
  };
}
