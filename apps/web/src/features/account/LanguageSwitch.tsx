import type { Locale } from '@raccord/schemas';
import { App, Segmented } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale } from '../../i18n';
import { errorMessage } from '../../lib/error-message';
import { SessionContext } from '../auth/use-session';
import { useUpdateMe } from './use-account';

const options: { value: Locale; label: string }[] = [
  { value: 'fr', label: 'FR' },
  { value: 'en', label: 'EN' },
];

/** FR / EN: remembered on this device and, when signed in, in the user's profile. */
interface LanguageSwitchProps {
  size?: 'small' | 'middle';
  /** Full language names instead of FR / EN (the account page; the header keeps the short form). */
  long?: boolean;
}

export function LanguageSwitch({ size = 'small', long = false }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useContext(SessionContext);
  const updateMe = useUpdateMe();

  const onChange = async (locale: Locale) => {
    await changeLocale(locale);
    if (!session || session.user.locale === locale) return;
    updateMe.mutate({ locale }, { onError: (error) => void message.error(errorMessage(error)) });
  };

  return (
    <Segmented<Locale>
      aria-label={t('lang.label')}
      size={size}
      value={currentLocale()}
      options={long ? options.map((o) => ({ value: o.value, label: t(`lang.${o.value}`) })) : options}
      onChange={(value) => void onChange(value)}
    />
  );
}
