// After sending: the public code, big; the private tracking link with copy and share; and a
// plain warning that this link is the only way to follow the complaint privately.
import { createSignal, onMount, Show } from 'solid-js';
import type { CreateComplaintResponse } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { trackingPath, trackingUrl } from '../../report/tracking';
import './ReportSuccess.css';

export interface ReportSuccessProps {
  result: CreateComplaintResponse;
  onAnother: () => void;
}

export function ReportSuccess(props: ReportSuccessProps) {
  const { t } = useI18n();
  const [copied, setCopied] = createSignal<'yes' | 'no' | null>(null);
  let heading!: HTMLHeadingElement;
  let linkField!: HTMLInputElement;
  const url = () => trackingUrl(props.result.code, props.result.trackingToken);
  const canShare = typeof navigator.share === 'function';

  onMount(() => heading.focus()); // and so into view, read first by a screen reader

  async function copy() {
    try {
      await navigator.clipboard.writeText(url());
      setCopied('yes');
    } catch {
      // no clipboard (old browser, no permission): select it for a manual copy
      linkField.focus();
      linkField.select();
      setCopied('no');
    }
  }

  function share() {
    navigator
      .share({ title: t('report.success.shareTitle', { code: props.result.code }), url: url() })
      .catch(() => {}); // the user closed the share sheet
  }

  return (
    <section class="report-success" aria-labelledby="report-success-title">
      <h1 id="report-success-title" tabindex="-1" ref={heading}>
        {t('report.success.title')}
      </h1>
      <p>{t('report.success.codeIntro')}</p>
      <p class="complaint-code">{props.result.code}</p>

      <div class="tracking-box">
        <h2>{t('report.success.linkTitle')}</h2>
        <p class="warning">
          <strong>{t('report.success.warningStrong')}</strong> {t('report.success.warning')}
        </p>
        <label for="tracking-link">{t('report.success.linkLabel')}</label>
        <input id="tracking-link" class="tracking-link" type="text" readonly value={url()} ref={linkField} />
        <div class="actions">
          <button type="button" class="primary" onClick={copy}>
            {t('report.success.copy')}
          </button>
          <Show when={canShare}>
            <button type="button" onClick={share}>
              {t('report.success.share')}
            </button>
          </Show>
        </div>
        <p role="status" class="status">
          {copied() === 'yes' ? t('report.success.copied') : copied() === 'no' ? t('report.success.copyManually') : ''}
        </p>
      </div>

      <p>{t('report.success.remembered')}</p>
      <p class="actions">
        <a class="button-like primary" href={trackingPath(props.result.code, props.result.trackingToken)}>
          {t('report.success.open')}
        </a>
        <button type="button" onClick={() => props.onAnother()}>
          {t('report.success.another')}
        </button>
      </p>
    </section>
  );
}
