// One operation of the API reference: method and path, what it is for, who may call it,
// its parameters, its body and its answers.
import { For, Show } from 'solid-js';
import type { HttpMethod, OpenApiDocument, Operation, ResponseObject } from '../../../../worker/openapi/types';
import { useI18n } from '../../i18n';
import { accessKeys } from './Credentials';
import { Prose } from './Prose';
import { SchemaFields } from './SchemaFields';
import { constraintsText, typeText } from './schemaText';
import { wordsIn } from './words';

/** A response, or the shared one it refers to (`#/components/responses/not_found`). */
function resolved(doc: OpenApiDocument, response: Operation['responses'][string]): ResponseObject {
  if (!('$ref' in response)) return response;
  return doc.components.responses[response.$ref.split('/').pop()!] ?? { description: response.$ref, 'x-description-id': response.$ref };
}

export function OperationView(props: { doc: OpenApiDocument; method: HttpMethod; path: string; op: Operation }) {
  const { t, lang } = useI18n();
  const op = () => props.op;
  const access = () =>
    op()
      .security.map((alternative) => {
        const scheme = Object.keys(alternative)[0];
        if (!scheme) return t('apiDocs.access.public');
        const roles = scheme === 'staffSession' ? op()['x-staff-roles'] : undefined;
        const name = accessKeys[scheme] ? t(accessKeys[scheme]) : scheme;
        return roles ? `${name} (${t('apiDocs.roles', { roles: roles.join(', ') })})` : name;
      })
      .join('; ');
  const body = () => op().requestBody;
  const bodySchema = () => Object.values(body()?.content ?? {}).find((m) => m.schema)?.schema;

  return (
    <details class="api-op" id={op().operationId}>
      <summary>
        <span class={`api-method api-method-${props.method}`}>{props.method.toUpperCase()}</span>{' '}
        <code class="api-path">{props.path}</code> <span class="api-summary">{lang() === 'id' ? op()['x-summary-id'] : op().summary}</span>
      </summary>
      <div class="api-op-body">
        <Show when={wordsIn(lang(), op())}>{(text) => <Prose text={text()} />}</Show>
        <p>
          <strong>{t('apiDocs.access')}:</strong> {access()}
        </p>
        <Show when={op().parameters?.length}>
          <h3>{t('apiDocs.parameters')}</h3>
          <ul class="api-fields">
            <For each={op().parameters}>
              {(p) => (
                <li>
                  <code class="api-name">{p.name}</code> <span class="api-flag">{p.in}</span>{' '}
                  <span class="api-flag">{t(p.required ? 'apiDocs.required' : 'apiDocs.optional')}</span>{' '}
                  <code>{typeText(p.schema)}</code>
                  <For each={constraintsText(p.schema)}>{(c) => <> · <code class="api-limit">{c}</code></>}</For>
                  <Show when={wordsIn(lang(), p)}>{(text) => <Prose text={text()} class="api-note" />}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={body()}>
          {(b) => (
            <>
              <h3>{t('apiDocs.body')}</h3>
              <p>
                <For each={Object.keys(b().content)}>{(type, i) => <>{i() ? ', ' : ''}<code>{type}</code></>}</For>
              </p>
              <Show when={wordsIn(lang(), b())}>{(text) => <Prose text={text()} />}</Show>
              <Show when={bodySchema()}>{(schema) => <SchemaFields schema={schema()} />}</Show>
            </>
          )}
        </Show>
        <h3>{t('apiDocs.responses')}</h3>
        <dl class="api-responses">
          <For each={Object.entries(op().responses)}>
            {([status, response]) => {
              const r = resolved(props.doc, response);
              const schema = Object.values(r.content ?? {}).find((m) => m.schema)?.schema;
              return (
                <>
                  <dt>
                    <strong>{status}</strong>
                    <For each={Object.keys(r.content ?? {})}>{(type) => <> <code>{type}</code></>}</For>
                  </dt>
                  <dd>
                    <Prose text={wordsIn(lang(), r) ?? ''} />
                    <Show when={schema && !schema.$ref}>
                      <SchemaFields schema={schema!} />
                    </Show>
                  </dd>
                </>
              );
            }}
          </For>
        </dl>
      </div>
    </details>
  );
}
