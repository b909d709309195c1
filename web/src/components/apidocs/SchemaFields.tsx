// A body or an answer's schema as a list of fields: name, required or not, type, limits;
// objects inside open into their own list.
import { For, Show } from 'solid-js';
import type { JsonSchema } from '../../../../worker/openapi/types';
import { useI18n } from '../../i18n';
import { constraintsText, fieldsOf, typeText } from './schemaText';

function TypeLine(props: { schema: JsonSchema }) {
  return (
    <>
      <code>{typeText(props.schema)}</code>
      <For each={constraintsText(props.schema)}>
        {(text) => (
          <>
            {' · '}
            <code class="api-limit">{text}</code>
          </>
        )}
      </For>
    </>
  );
}

export function SchemaFields(props: { schema: JsonSchema }) {
  const { t } = useI18n();
  return (
    <Show when={fieldsOf(props.schema)} fallback={<p><TypeLine schema={props.schema} /></p>}>
      {(object) => (
        <>
          <ul class="api-fields">
            <For each={object().fields}>
              {(field) => (
                <li>
                  <code class="api-name">{field.name}</code>{' '}
                  <span class="api-flag">{t(field.required ? 'apiDocs.required' : 'apiDocs.optional')}</span>{' '}
                  <TypeLine schema={field.schema} />
                  <Show when={fieldsOf(field.schema)}>
                    <SchemaFields schema={field.schema} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={object().closed}>
            <p class="api-note">{t('apiDocs.closed')}</p>
          </Show>
        </>
      )}
    </Show>
  );
}
