// The page the browser test opens: the simulator and MSW's worker in the page, Auth0 called at
// its real host with fetch. Its findings go to window.__connkitDone. (The harness swaps the
// source entry below for the built dist/browser bundle.)
import { setupWorker } from 'msw/browser';
import { createSimulator, handlers } from '../../../src/browser.js';

const sim = createSimulator({ seed: 42 });
await setupWorker(...handlers(sim)).start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  onUnhandledRequest: 'error',
  quiet: true,
});

const { auth0 } = (await sim.control.fixtures()).apis;
const org = auth0.organizations.empty.id;
const connection = auth0.unlinked_connection_ids[0];
const url = `https://connkit.auth0.com/api/v2/organizations/${org}/connections`;
const headers = { Authorization: `Bearer ${auth0.tokens.full}`, 'Content-Type': 'application/json' };

const linked = async () =>
  ((await (await fetch(url, { headers })).json()) as { connection_id: string }[]).map((l) => l.connection_id);
const before = await linked();
const added = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ connection_id: connection }) });
const after = await linked();

Object.assign(window, {
  __connkitDone: {
    connection,
    before,
    addedStatus: added.status,
    after,
    workerControlled: navigator.serviceWorker.controller !== null,
  },
});
