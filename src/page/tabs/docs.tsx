import { useEffect, useRef, useState } from 'preact/hooks';
import { control, type Examples, type Fixtures } from '../control.js';
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

/** The credential "try it" is signed in with, per API, from the fixtures. */
function credentialFor(api: string, fixtures: Record<string, any>): Credential | undefined {
  const f = fixtures[api];
  if (!f) return undefined;
  switch (api) {
    case 'leadconduit':
      return { label: 'the user API key (HTTP Basic, user "API")', apply: (ui) => ui.preauthorizeBasic('APIKey', 'API', f.credentials.user) };
    case 'auth0':
      return { label: 'a token with every organization-connection scope', apply: (ui) => ui.preauthorizeApiKey('bearerAuth', f.tokens.full), extra: [['organization id', f.organizations.main.id]] };
    case 'mycreditapp':
      return {
        label: "the guest organization's client token",
        apply: (ui) => ui.preauthorizeApiKey('bearerAuth', f.organizations.guest.access_token),
        extra: [['Requester-Organization-ID', f.organizations.guest.id]],
      };
    case 'wingfield':
      return { label: 'the partner token with write access', apply: (ui) => ui.preauthorizeApiKey('bearerAuth', f.tokens.write), extra: [['externalServiceId', f.external_service_id]] };
    default:
      return undefined;
  }
}

/** Interactive reference of each spec, its "try it" aimed at this simulator and signed in. */
export function DocsTab() {
  const [examples, setExamples] = useState<Examples>();
  const [fixtures, setFixtures] = useState<Record<string, any>>();
  const [api, setApi] = useState<string>();
  const [error, setError] = useState<string>();
  const dom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    Promise.all([control<Examples>('GET', '/__page/examples', 'default'), control<Fixtures>('GET', '/__control/fixtures', 'default')])
      .then(([e, f]) => {
        setExamples(e);
        setFixtures(f.apis as Record<string, any>);
        setApi(e.apis[0]?.name ?? 'control');
      })
      .catch((e) => setError(e.message));
  }, []);

  const specs = examples ? [...examples.apis.map((a) => ({ name: a.name, url: a.spec_url, title: a.title.split(' — ')[0] })), { name: 'control', url: examples.control.spec_url, title: 'connkit control' }] : [];
  const spec = specs.find((s) => s.name === api);
  const credential = api && fixtures ? credentialFor(api, fixtures) : undefined;

  useEffect(() => {
    if (!spec || !dom.current) return;
    const node = dom.current;
    node.replaceChildren();
    loadSwaggerUi()
      .then(() => {
        const ui = window.SwaggerUIBundle!({
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
      .catch((e) => setError(e.message));
  }, [spec?.url]);

  if (error) return <Empty>{error}</Empty>;
  return (
    <div class="tab-docs">
      <div class="toolbar">
        <div class="pills">
          {specs.map((s) => (
            <button type="button" class={s.name === api ? 'pill active' : 'pill'} onClick={() => setApi(s.name)} data-testid={`docs-${s.name}`}>
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
