// `/dokumentasi-api`: the API reference for other apps, read from `/api/openapi.json`, which
// the Worker generates from the schemas its routes validate with. Text only, no Swagger UI.
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { HttpMethod, OpenApiDocument, Operation } from '../../../worker/openapi/types';
import { getApiDocument } from '../api/openapi';
import { Credentials } from '../components/apidocs/Credentials';
import { OperationView } from '../components/apidocs/OperationView';
import { Prose } from '../components/apidocs/Prose';
import { LoadError } from '../components/LoadError';
import { SchemaFields } from '../components/apidocs/SchemaFields';
import { wordsIn } from '../components/apidocs/words';
import { useI18n, usePageTitle } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import './ApiDocs.css';

interface Listed {
  method: HttpMethod;
  path: string;
  op: Operation;
}

/** The operations by tag, in the document's order of tags; an unknown tag comes last. */
function byTag(doc: OpenApiDocument) {
  const all: Listed[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method as HttpMethod, path, op: op! })),
  );
  const names = [...doc.tags.map((t) => t.name), ...all.flatMap((o) => o.op.tags)];
  return [...new Set(names)]
    .map((name) => ({ tag: doc.tags.find((t) => t.name === name), name, operations: all.filter((o) => (o.op.tags[0] ?? '') === name) }))
    .filter((group) => group.operations.length > 0);
}

function Reference(props: { doc: OpenApiDocument }) {
  const { t, lang } = useI18n();
  const errorBody = () => props.doc.components.schemas.ErrorBody;
  return (
    <>
      <p class="api-version">{t('apiDocs.version', { version: props.doc.info.version })}</p>
      <Prose text={wordsIn(lang(), props.doc.info) ?? ''} class="api-about" />
      <Credentials schemes={props.doc.components.securitySchemes} />
      <Show when={errorBody()}>
        {(schema) => (
          <section class="api-errors" aria-labelledby="api-errors-title">
            <h2 id="api-errors-title">{t('apiDocs.errorShape')}</h2>
            <p>{t('apiDocs.errorShapeIntro')}</p>
            <SchemaFields schema={schema()} />
          </section>
        )}
      </Show>
      <For each={byTag(props.doc)}>
        {(group) => (
          <section class="api-tag" aria-labelledby={`api-tag-${group.name}`}>
            <h2 id={`api-tag-${group.name}`}>
              {(group.tag && wordsIn(lang(), group.tag)) || group.name}
            </h2>
            <For each={group.operations}>{(o) => <OperationView doc={props.doc} {...o} />}</For>
          </section>
        )}
      </For>
    </>
  );
}

export default function ApiDocs() {
  const { t } = useI18n();
  usePageTitle('apiDocs.pageTitle');
  const [doc, { refetch }] = createResource(getApiDocument);
  return (
    <section class="api-docs" aria-labelledby="api-docs-title">
      <h1 id="api-docs-title">{t('apiDocs.title')}</h1>
      <p>{t('apiDocs.intro')}</p>
      <p>
        <a href="/api/openapi.json">{t('apiDocs.download')}</a>
      </p>
      <Switch>
        <Match when={doc.state === 'errored'}>
          <LoadError message={`${t('apiDocs.error')} ${t(errorMessageKey(doc.error))}`} onRetry={() => void refetch()} />
        </Match>
        <Match when={doc()}>{(loaded) => <Reference doc={loaded()} />}</Match>
        <Match when={true}>
          <p role="status">{t('apiDocs.loading')}</p>
        </Match>
      </Switch>
    </section>
  );
}
