import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The same rules as the shared schemas (packages/schemas contracts.ts), with the console's messages. */
export function referenceRules(t: TFunction, required: boolean): FormRule[] {
  return [
    { required, whitespace: true, message: t('contracts.validation.referenceRequired') },
    { max: 100, message: t('contracts.validation.max', { max: 100 }) },
    { pattern: /^[\p{L}\p{N}\-_./ ]+$/u, message: t('contracts.validation.referenceChars') },
  ];
}

export function labelRules(t: TFunction): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('contracts.validation.labelRequired') },
    { max: 200, message: t('contracts.validation.max', { max: 200 }) },
  ];
}

export function maxRule(t: TFunction, max: number): FormRule {
  return { max, message: t('contracts.validation.max', { max }) };
}

export function emailRule(t: TFunction): FormRule {
  return { type: 'email', message: t('validation.email') };
}

export function phoneRule(t: TFunction): FormRule {
  return { pattern: /^\+?[0-9 .()-]{6,25}$/, message: t('contracts.validation.phone') };
}
