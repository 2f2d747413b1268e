import { useEffect, useRef, useState } from 'preact/hooks';
import { control, type ApiExample, type Examples } from '../control.js';
import { Copyable, Empty } from '../ui.js';

interface SwaggerUi {
  preauthorizeApiKey(scheme: string, value: string): void;
  preauthorizeBasic(scheme: string, user: string, password: string): void;
}
declare global {
  interface Window {
    SwaggerUIBundle?: (config: Record<string, unknown>) => SwaggerUi;
  }
}

let loading: Promise<void> | undefined;
/** Swagger UI is big: fetched (from this simulator, never a CDN) the first time the docs open. */
function loadSwaggerUi(): Promise<void> {
  loading ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/__page/assets/swagger/swagger-ui.css';
    document.head.append(css);
    const script = document.createElement('script');
    script.src = '/__page/assets/swagger/swagger-ui-bundle.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Swagger UI could not be loaded'));
    document.head.append(script);
  });
  return loading;
}

interface Credential {
  label: string;
  apply(ui: SwaggerUi): void;
  extra?: [string, string][];
}

/** The credential "try it" is signed in with, as the API's module gave it (/__page/examples). */
function credentialFor(api: ApiExample | undefined): Credential | undefined {
  const signIn = api?.sign_in;
  if (!signIn) return undefined;
  const { user } = signIn;
  return {
    label: signIn.label,
    apply: (ui) =>
      user === undefined
        ? ui.preauthorizeApiKey(signIn.scheme, signIn.token)
        : ui.preauthorizeBasic(signIn.scheme, user, signIn.token),
    extra: api.extra,
  };
}

/** Interactive reference of each spec, its "try it" aimed at this simulator and signed in. */
export function DocsTab() {
  const [examples, setExamples] = useState<Examples>();
  const [api, setApi] = useState<string>();
  const [error, setError] = useState<string>();
  const dom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    control<Examples>('GET', '/__page/examples', 'default')
      .then((e) => {
        setExamples(e);
        setApi(e.apis[0]?.name ?? 'control');
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const specs = examples
    ? [
        ...examples.apis.map((a) => ({ name: a.name, url: a.spec_url, title: a.title.split(' — ')[0] })),
        { name: 'control', url: examples.control.spec_url, title: 'connkit control' },
      ]
    : [];
  const spec = specs.find((s) => s.name === api);
  const credential = credentialFor(examples?.apis.find((a) => a.name === api));

  useEffect(() => {
    if (!spec || !dom.current) return;
    const node = dom.current;
    node.replaceChildren();
    loadSwaggerUi()
      .then(() => {
        const bundle = window.SwaggerUIBundle;
        if (!bundle) throw new Error('Swagger UI did not load');
        const ui = bundle({
          url: spec.url,
          domNode: node,
          deepLinking: false,
          docExpansion: 'list',
          defaultModelsExpandDepth: -1,
          tryItOutEnabled: true,
          displayRequestDuration: true,
          persistAuthorization: false,
          onComplete: () => credential?.apply(ui),
        });
      })
      .catch((e: Error) => setError(e.message));
  }, [spec?.url]);

  if (error) return <Empty>{error}</Empty>;
  return (
    <div class="tab-docs">
      <div class="toolbar">
        <div class="pills">
          {specs.map((s) => (
            <button
              type="button"
              class={s.name === api ? 'pill active' : 'pill'}
              onClick={() => setApi(s.name)}
              data-testid={`docs-${s.name}`}
            >
              {s.title}
            </button>
          ))}
        </div>
      </div>
      {spec && (
        <p class="lead">
          “Try it out” calls this simulator{credential ? <>, signed in with {credential.label}</> : null}.
          {credential?.extra?.map(([k, v]) => (
            <span class="extra">
              {k}: <Copyable value={v} />
            </span>
          ))}
        </p>
      )}
      <div class="swagger" ref={dom} data-testid="swagger" />
    </div>
  );
}
