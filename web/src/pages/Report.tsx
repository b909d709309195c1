// `/lapor`: file a complaint. The form, then (once accepted) the code and the tracking link.
import { createSignal, Show } from 'solid-js';
import type { CreateComplaintResponse } from '../../../worker/domain/api';
import { ReportForm } from '../components/report/ReportForm';
import { ReportSuccess } from '../components/report/ReportSuccess';
import { usePageTitle, useI18n } from '../i18n';
import { loadDraft } from '../report/draft';
import './Report.css';

export default function Report() {
  const { t } = useI18n();
  usePageTitle('report.pageTitle');
  const [result, setResult] = createSignal<CreateComplaintResponse | null>(null);
  // Bumped to start over: the form (and the region picker inside) is built afresh.
  const [round, setRound] = createSignal(1);

  return (
    <Show
      when={result()}
      fallback={
        <Show when={round()} keyed>
          {(_round) => (
            <>
              <h1>{t('report.heading')}</h1>
              <p id="report-intro" class="report-intro">
                {t('report.intro')}
              </p>
              <ReportForm
                loaded={loadDraft()}
                onSubmitted={setResult}
                onReset={() => setRound((n) => n + 1)}
              />
            </>
          )}
        </Show>
      }
    >
      {(done) => (
        <ReportSuccess
          result={done()}
          onAnother={() => {
            setResult(null);
            setRound((n) => n + 1);
          }}
        />
      )}
    </Show>
  );
}
