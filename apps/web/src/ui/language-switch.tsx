import { Segmented } from 'antd';
import { useLanguage, type Language } from '../i18n/language';

export interface LanguageSwitchProps {
  dark?: boolean;
}

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh' },
  { label: 'EN', value: 'en' },
];

/** 中文 / EN toggle; the choice is remembered in localStorage. */
export function LanguageSwitch({ dark = false }: LanguageSwitchProps) {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label="Language / 语言"
      data-testid="language-switch"
      options={OPTIONS}
      value={language}
      onChange={setLanguage}
      style={dark ? { background: 'rgba(255,255,255,0.2)' } : undefined}
    />
  );
}
