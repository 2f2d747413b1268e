import type { RecordEdits } from '../../control/records.js';
import type { Auth0State, Link } from './state.js';

/** `org_…/con_…`, the id the page lists a link under. */
const partsOf = (id: string) => {
  const slash = id.indexOf('/');
  return { org: id.slice(0, slash), connection: id.slice(slash + 1) };
};

function locate(state: Auth0State, id: string): Link | undefined {
  const { org, connection } = partsOf(id);
  return state.find(org, connection).link;
}

/** The link as the page shows it: the group's key holds the organization, the stored link does not repeat it. */
const shown = (id: string, link: Link) => ({ organization_id: partsOf(id).org, ...link });

/** What the page's record editor may change in Auth0's state, and its one-click presets. */
export const auth0Edits: RecordEdits<Auth0State> = {
  links: {
    get: (state, id) => {
      const link = locate(state, id);
      return link ? shown(id, link) : undefined;
    },
    put: (state, id, record) => {
      const { org, connection } = partsOf(id);
      const { index, link } = state.find(org, connection);
      // Checked against the links schema: a stored link with the organization beside it.
      const { organization_id: _org, ...fields } = record as Link & { organization_id: string };
      if (link) state.links(org)[index] = fields;
    },
    idOf: (r) => `${String(r.organization_id)}/${String(r.connection_id)}`,
    presets: {
      disable: {
        label: 'Disable',
        description:
          'is_enabled false: the connections view lists it disabled and the enabled_connections view leaves it out.',
        apply: (state, id) => {
          const link = locate(state, id);
          return link ? { ...shown(id, link), is_enabled: false } : 'removed';
        },
      },
      unlink: {
        label: 'Unlink',
        description: 'Removes the connection from the organization, as DELETE does: both views answer 404 for it.',
        apply: (state, id) => {
          const { org, connection } = partsOf(id);
          state.remove(org, connection);
          return 'removed';
        },
      },
    },
  },
};
