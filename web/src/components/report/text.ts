// Turning a message key with parameters into words: numbers in the reader's convention
// ("4.000" in Indonesian, "4,000" in English), and `{field}` as the field's own label.
import { useI18n, type MessageKey } from '../../i18n';
import { fieldLabels, type ReportField } from '../../report/validate';

export interface Said {
  key: MessageKey;
  params?: Record<string, string | number>;
  field?: ReportField | null;
}

export function useSay() {
  const { t, lang } = useI18n();
  const number = (n: number) => n.toLocaleString(lang() === 'id' ? 'id-ID' : 'en-GB');
  return (said: Said) => {
    const params: Record<string, string> = {};
    if (said.field) params.field = t(fieldLabels[said.field]);
    for (const [name, value] of Object.entries(said.params ?? {})) {
      params[name] = typeof value === 'number' ? number(value) : value;
    }
    return t(said.key, params);
  };
}
