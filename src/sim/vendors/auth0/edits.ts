import type { RecordEdits } from '../../control/records.js';
import type { Auth0Data, Link } from './state.js';

/** `org_…/con_…`, the id the page lists a link under. */
function locate(data: Auth0Data, id: string): { list: Link[]; index: number } | undefined {
  const slash = id.indexOf('/');
  const list = data.links[id.slice(0, slash)];
  const index = list ? list.findIndex((l) => l.connection_id === id.slice(slash + 1)) : -1;
  return list && index >= 0 ? { list, index } : undefined;
}

/** What the page's record editor may change in Auth0's state, and its one-click presets. */
export const auth0Edits: RecordEdits<Auth0Data> = {
  links: {
    get: (data, id) => {
      const at = locate(data, id);
      return at ? { organization_id: id.slice(0, id.indexOf('/')), ...at.list[at.index] } : undefined;
    },
    put: (data, id, record) => {
      const at = locate(data, id);
      // The group's key holds the organization: the stored link does not repeat it.
      const { organization_id: _org, ...link } = record as Link & { organization_id: string };
      if (at) at.list[at.index] = link;
    },
    idOf: (r) => `${String(r.organization_id)}/${String(r.connection_id)}`,
    presets: {
      disable: {
        label: 'Disable',
        description:
          'is_enabled false: the connections view lists it disabled and the enabled_connections view leaves it out.',
        apply: (data, id) => {
          const at = locate(data, id);
          if (at) at.list[at.index] = { ...at.list[at.index], is_enabled: false };
        },
      },
      unlink: {
        label: 'Unlink',
        description: 'Removes the connection from the organization, as DELETE does: both views answer 404 for it.',
        apply: (data, id) => {
          const at = locate(data, id);
          if (at) at.list.splice(at.index, 1);
        },
      },
    },
  },
};
