// A password shown once, right after it was set, for the admin to hand over to its account.
import { useI18n } from '../../i18n';
import { ShownSecret } from './ShownSecret';

export interface ShownPasswordProps {
  id: string;
  title: string;
  username: string;
  password: string;
  onDone: () => void;
}

export function ShownPassword(props: ShownPasswordProps) {
  const { t } = useI18n();
  return (
    <ShownSecret
      id={props.id}
      title={props.title}
      facts={[{ label: t('admin.field.username'), value: props.username }]}
      secret={{ label: t('admin.field.password'), value: props.password }}
      note={t('admin.secret.note')}
      copyLabel={t('admin.secret.copy')}
      onDone={props.onDone}
    />
  );
}
