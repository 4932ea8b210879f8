import { Select, useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionOf, LANGUAGES } from '../lib/i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const { setDirection } = useDirection();
  return (
    <Select
      aria-label={t('lang.label')}
      data-testid="language-switch"
      w={{ base: 112, sm: 130 }}
      size="xs"
      allowDeselect={false}
      value={i18n.language}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      onChange={(lang) => {
        if (!lang) return;
        void i18n.changeLanguage(lang);
        setDirection(directionOf(lang));
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
