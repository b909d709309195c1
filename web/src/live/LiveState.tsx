// The live connection's state as a dot and a word, for the pages that follow a topic.
import { useI18n } from '../i18n';
import type { LiveState as State } from './useLiveTopic';
import './live.css';

export function LiveState(props: { state: State }) {
  const { t } = useI18n();
  return (
    <p class={`live-state live-${props.state}`} role="status">
      <span aria-hidden="true" class="live-dot" />
      {t(`live.${props.state}`)}
    </p>
  );
}
