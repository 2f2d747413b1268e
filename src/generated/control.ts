// Generated from specs/control.yaml by openapi-typescript (npm run generate). Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and what is served
         * @description Answers 200 with the served APIs and the seed.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild the session's state from a seed
         * @description Rebuilds every API's state of the session from `seed` (the current seed when absent) and clears its scenarios and counters. A reset of the default session with a seed makes it the seed of new sessions too.
         */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalog and the session's active scenarios
         * @description Every scenario connkit knows, with its parameters and defaults, and those switched on for the session.
         */
        get: operations["listScenarios"];
        put?: never;
        post?: never;
        /**
         * Switch every scenario of the session off
         * @description Clears the session's active scenarios and their counters.
         */
        delete: operations["clearScenarios"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenarios/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A scenario of the catalog. */
                name: "sso-outage" | "rate-limited" | "maintenance" | "latency" | "server-error" | "connection-reset";
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Switch a scenario on (or change its parameters)
         * @description Activates the scenario for the session, for `apis` (the catalog's default when absent) with `params` over the defaults. Activating it again replaces the earlier activation.
         */
        put: operations["activateScenario"];
        post?: never;
        /**
         * Switch a scenario off
         * @description Removes the scenario from the session's active list (a no-op when it was off).
         */
        delete: operations["deactivateScenario"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fixtures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every credential and fixture id a client needs, per API
         * @description What the session's state holds that a test or a vendor harness needs, so neither hard-codes ids or keys. Each API's entry carries its base URL.
         */
        get: operations["getFixtures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leadconduit/sso-only-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an SSO connection whose LC row is missing
         * @description The state a missed Kafka invitation message leaves behind; `GET /connections` lists it as `sso_only` and the repair endpoint fixes it.
         */
        post: operations["createSsoOnlyConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leadconduit/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint an API key for an account
         * @description A new API key for the account (the primary account when absent), superuser or not.
         */
        post: operations["createLeadConduitCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth0/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a Management API token with chosen scopes
         * @description A JWT the simulator accepts, for `tenant` (connkit when absent) with exactly `scopes`; `expired` mints one already expired.
         */
        post: operations["createAuth0Token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mycreditapp/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a guest invitation in a chosen state
         * @description An invitation of `host_organization_id` (the fixture host when absent) that is `sent` (live), `expired` or `accepted`.
         */
        post: operations["createMyCreditAppInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mycreditapp/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an organization with an API client token
         * @description A new organization (no connections yet) and a bearer token of its API client.
         */
        post: operations["createMyCreditAppOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wingfield/connect-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a connect token in a chosen state
         * @description A connect token of `organization_id` (an organization no service is related to when absent) for `external_service_id` (the partner service when absent), `open`, `claimed`, `cancelled` or `expired`.
         */
        post: operations["createWingfieldConnectToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/wingfield/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a partner token with chosen permissions
         * @description A `tok_ext_v1_…` token of `external_service_id` (the partner service when absent) with the given permission per scope (`none` when absent).
         */
        post: operations["createWingfieldToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provider-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a fresh consumable fixture (a provider state)
         * @description What `connkit verify` calls, just before a check, for each fixture that check uses up
         *     (a connect token it claims, a connection it repairs…), when the verify profile names a
         *     `provider_states` source. The simulator answers it here; an implementation under test
         *     answers the same request at a URL of its own (or through a command), so repeated runs
         *     never run out of fixtures. `state` names the fixture, `params` narrow it, and the
         *     answer is the fixture, shaped as the state's answer schema says.
         */
        post: operations["mintProviderState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest requests
         * @description The newest `limit` requests the simulator answered that match every filter given (`session`, `api`, `operationId`, `status`, `method`, `since`), with how many of the kept entries matched in all: what a test asserts on (`matched`) when it drives the simulator over HTTP. The journal keeps the newest entries up to its capacity (`--journal-size`, 1000 by default) and its byte cap (`--journal-bytes`, 64 MiB by default) and drops the oldest.
         */
        get: operations["getJournal"];
        put?: never;
        post?: never;
        /**
         * Empty the journal
         * @description Drops every entry.
         */
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the requests so far covered
         * @description Of each API served: which operations the journaled requests reached, which of each operation's documented statuses they were answered with, which answers the spec does not document, and which scenarios acted, with the spec (and the scenario catalog) as the denominator. Made from the entries the journal keeps (`--journal-size`, `--journal-bytes`). `connkit coverage --journal file` makes the same report from a saved journal.
         */
        get: operations["getCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the session's state
         * @description A snapshot of every API's state and the active scenarios; importing it reproduces the exact
         *     state, byte for byte. Streamed at any size (a million records per API): as one JSON document
         *     by default, or with `Accept: application/x-ndjson` as NDJSON, one line per record. The NDJSON
         *     form's first line is the header `{"connkit":1,"format":"ndjson","seed":…,"sizes":…,"scenarios":…}`;
         *     each further line is `{"api":…,"path":[…],"value":…}` and sets `value` at `path` in that API's
         *     state, in order (a line with `path: []` and `value: {}` begins an API; a collection of more
         *     than 256 entries comes as its empty container, then one line per entry, at any depth).
         */
        get: operations["exportState"];
        /**
         * Replace the session's state with a snapshot
         * @description The session's state becomes the snapshot's, exactly. Every API's state is first checked
         *     against that API's state schema (`Snapshot.apis.<api>`: its collections, and the records
         *     of each collection marked `x-connkit-records` against the record schema its API's spec
         *     gives it); a snapshot that fails answers 422 naming the field
         *     (`apis.wingfield.relations must be object`) and changes nothing. An NDJSON snapshot
         *     (`Content-Type: application/x-ndjson`, the form `GET` exports) is streamed and has no size
         *     limit; a JSON one is bound by the 1 MB body limit. A JSON body that breaks this operation's
         *     own schema (an API's state missing a collection, or one of the wrong kind) is refused
         *     before that, with 400 naming the field.
         */
        put: operations["importState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sessions the simulator holds
         * @description The default session first, then the named ones from the least recently used (the first to be dropped past `--max-sessions`).
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state/{api}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
            };
            cookie?: never;
        };
        /**
         * The collections of one API's state, with their sizes
         * @description What `GET /state/{api}/{collection}` can page through, for the session the request names.
         */
        get: operations["listStateCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state/{api}/{collection}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
                /** @description A collection `GET /state/{api}` lists. */
                collection: string;
            };
            cookie?: never;
        };
        /**
         * One page of a collection of an API's state
         * @description The records as the simulator holds them, `limit` from `offset` on, in a stable order
         *     (the order they were made in). Paged so that a state of a million records can be read
         *     a screen at a time; `q` keeps the records whose id contains it.
         */
        get: operations["browseState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state/{api}/{collection}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
                /** @description A collection `GET /state/{api}` lists. */
                collection: components["parameters"]["StateCollection"];
                /** @description The record's id as `GET /state/{api}/{collection}` lists it (URL-encoded; some contain `/`). */
                id: components["parameters"]["StateRecordId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Replace one record of an editable collection
         * @description The page's record editor. The record must follow the schema its API's spec gives that
         *     collection (`x-connkit-state` in `specs/<api>.yaml`, built from the spec's own component
         *     schemas); a record that does not is refused with 422 naming the field, and nothing
         *     changes. The fields that make the record's id must stay as they are (rename by
         *     creating anew through the API instead). `GET /state/{api}` says which collections are
         *     editable.
         */
        put: operations["putStateRecord"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state/{api}/{collection}/{id}/presets/{preset}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
                /** @description A collection `GET /state/{api}` lists. */
                collection: components["parameters"]["StateCollection"];
                /** @description The record's id as `GET /state/{api}/{collection}` lists it (URL-encoded; some contain `/`). */
                id: components["parameters"]["StateRecordId"];
                /** @description A preset `GET /state/{api}` lists for the collection. */
                preset: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a one-click change to one record
         * @description The changes a frontend developer reaches for ("make this connection SSO-only", "expire
         *     this token", "disconnect"), declared by each API's module, so the result is a state the
         *     API itself could reach. `record` is the record afterwards, null when the preset removed
         *     it from the collection.
         */
        post: operations["applyStatePreset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ConnkitError: {
            error: {
                code: string;
                message: string;
            };
        };
        /** @enum {string} */
        ApiName: "leadconduit" | "auth0" | "mycreditapp" | "wingfield";
        ObjectId: string;
        /** @enum {string} */
        Permission: "none" | "read" | "write";
        Health: {
            /** @constant */
            status: "ok";
            seed: number;
            apis: components["schemas"]["ApiName"][];
            sessions: number;
        };
        SessionInfo: {
            session: string;
            seed: number;
        };
        SessionList: {
            /** @description Which simulator process answered: `connkit mock --instance NAME` (or `CONNKIT_INSTANCE`), by default `hostname:port`; `in-process` for a simulator with no server. Behind a proxy that hashes `X-Connkit-Session` over several processes it names the one holding the sessions listed. */
            instance: string;
            sessions: {
                name: string;
                seed: number;
                /** @description The names of the scenarios on in it. */
                scenarios: string[];
            }[];
        };
        StateCollections: {
            api: components["schemas"]["ApiName"];
            session: string;
            collections: {
                name: string;
                total: number;
                /** @description Its records can be replaced with `PUT /state/{api}/{collection}/{id}`. */
                editable: boolean;
                /** @description One-click changes for a record of it (`POST …/{id}/presets/{name}`). */
                presets: {
                    name: string;
                    label: string;
                    description: string;
                }[];
            }[];
        };
        StateRecord: {
            api: components["schemas"]["ApiName"];
            collection: string;
            session: string;
            id: string;
            preset?: string;
            /** @description The record as the simulator stores it (an object); null when a preset removed it. */
            record: unknown;
        };
        StatePage: {
            api: components["schemas"]["ApiName"];
            collection: string;
            session: string;
            offset: number;
            limit: number;
            /** @description Records in the collection (that match `q`, when given). */
            total: number;
            items: {
                id: string;
                /** @description The record as the simulator stores it. */
                record: {
                    [key: string]: unknown;
                };
            }[];
        };
        ActiveScenario: {
            name: string;
            apis: components["schemas"]["ApiName"][];
            params: {
                [key: string]: number;
            };
        };
        ActiveList: {
            active: components["schemas"]["ActiveScenario"][];
        };
        Scenarios: {
            catalog: {
                name: string;
                description: string;
                apis: components["schemas"]["ApiName"][];
                params: {
                    [key: string]: {
                        default: number;
                        description: string;
                    };
                };
            }[];
            active: components["schemas"]["ActiveScenario"][];
        };
        Fixtures: {
            session: string;
            seed: number;
            /**
             * @description Per served API, what `connkit verify` needs to test it: each entry is a valid verify
             *     profile for that API (credentials for each role the checks need, and fixture ids).
             *     For an implementation without a control API, write the same object by hand. A check
             *     whose role or fixture is missing is skipped with the reason; lists described as
             *     consumed are used up by the checks that change state.
             */
            apis: {
                leadconduit?: components["schemas"]["LeadConduitFixtures"];
                auth0?: components["schemas"]["Auth0Fixtures"];
                mycreditapp?: components["schemas"]["MyCreditAppFixtures"];
                wingfield?: components["schemas"]["WingfieldFixtures"];
            };
            /**
             * @description Per served API, both base URLs it answers at on this simulator: `prefixed` (connkit's
             *     own prefix, the one in each profile's `base_url`) and `vendor` (the vendor's own
             *     server path, so a client changes only its host).
             */
            base_urls?: {
                [key: string]: {
                    /** Format: uri */
                    prefixed: string;
                    /** Format: uri */
                    vendor: string;
                };
            };
        };
        /** @description LeadConduit's profile as GET /fixtures answers it: LeadConduitProfile with every field required, since the simulator always gives them (a test holds the two in step). */
        LeadConduitFixtures: {
            /** @constant */
            api: "leadconduit";
            /** Format: uri */
            base_url: string;
            credentials: {
                /** @description API key of a normal user of account A. */
                user: string;
                /** @description API key of a superuser of account A. */
                superuser: string;
                /** @description API key of a user of another account B. */
                other_account_user: string;
            };
            connections: {
                /** @description Connections of account A that have their LC row. */
                completed: {
                    id: components["schemas"]["ObjectId"];
                    external_id: components["schemas"]["ObjectId"];
                    invitation_id: components["schemas"]["ObjectId"];
                    /** @enum {string} */
                    relationship_type: "seller" | "buyer";
                }[];
                /** @description SSO connections of account A with no LC row (consumed by repairs). */
                sso_only: components["schemas"]["ObjectId"][];
                /** @description Connection ids (any of the three) that belong to account B only. */
                other_account: components["schemas"]["ObjectId"][];
                /** @description SSO connection ids of account B (a repair by A must answer 422). */
                other_account_sso_only: components["schemas"]["ObjectId"][];
            };
        } & WithRequired<components["schemas"]["LeadConduitProfile"], "api" | "base_url" | "credentials" | "connections">;
        /** @description Auth0's profile as GET /fixtures answers it: Auth0Profile with every field required, since the simulator always gives them (a test holds the two in step). */
        Auth0Fixtures: {
            /** @constant */
            api: "auth0";
            /** Format: uri */
            base_url: string;
            tokens: {
                /** @description A token with all four organization_connections scopes. */
                full: string;
                /** @description A token with read:organization_connections only. */
                read_only: string;
                /** @description A valid token with none of the four scopes. */
                no_scope: string;
                /** @description A full token of another tenant. */
                other_tenant: string;
                expired: string;
            };
            organizations: {
                main: components["schemas"]["Auth0OrganizationFixture"];
                empty: components["schemas"]["Auth0OrganizationFixture"];
                other_tenant: components["schemas"]["Auth0OrganizationFixture"];
            };
            /** @description Tenant connections linked to neither main nor empty (added and removed again by the checks). */
            unlinked_connection_ids: string[];
        } & WithRequired<components["schemas"]["Auth0Profile"], "api" | "base_url" | "tokens" | "organizations" | "unlinked_connection_ids">;
        /** @description MyCreditApp's profile as GET /fixtures answers it: MyCreditAppProfile with every field required, since the simulator always gives them (a test holds the two in step). */
        MyCreditAppFixtures: {
            /** @constant */
            api: "mycreditapp";
            /** Format: uri */
            base_url: string;
            organizations: {
                /** @description A guest organization with hosts (host is one of them). */
                guest: components["schemas"]["MyCreditAppOrganizationFixture"];
                /** @description A host organization with guests (guest is one of them). */
                host: components["schemas"]["MyCreditAppOrganizationFixture"];
                /** @description An organization connected to neither. */
                unconnected: components["schemas"]["MyCreditAppOrganizationFixture"];
                /** @description An organization not yet connected to host, holding invitations of host. */
                invitee: components["schemas"]["MyCreditAppOrganizationFixture"];
            };
            invitations: {
                /** @description Live invitation tokens of host (consumed). */
                sent: string[];
                accepted: string[];
                expired: string[];
            };
            expired_access_token: string;
        } & WithRequired<components["schemas"]["MyCreditAppProfile"], "api" | "base_url" | "organizations" | "invitations" | "expired_access_token">;
        /** @description Wingfield's profile as GET /fixtures answers it: WingfieldProfile with every field required, since the simulator always gives them (a test holds the two in step). */
        WingfieldFixtures: {
            /** @constant */
            api: "wingfield";
            /** Format: uri */
            base_url: string;
            /** Format: uuid */
            external_service_id: string;
            /** Format: uuid */
            other_external_service_id: string;
            tokens: {
                /** @description user, organization and court-booking write. */
                write: string;
                read: string;
                none: string;
                /** @description A write token of the other external service. */
                other_service: string;
                expired: string;
            };
            connect_tokens: {
                /** @description Open tokens of organizations with no relation yet (consumed). */
                open: string[];
                claimed: string[];
                cancelled: string[];
                expired: string[];
                /** @description Open tokens issued to the other external service. */
                other_service: string[];
                /** @description Open tokens of organizations already related, with the relation's external id (consumed). */
                confirm: {
                    token: string;
                    external_organization_id: string;
                }[];
                malformed: string;
                unknown: string;
            };
            organizations: {
                related: {
                    /** Format: uuid */
                    id: string;
                    external_organization_id: string;
                }[];
                unrelated: string[];
            };
            /** @description Users who may join organizations.related[0] and hold no PRO seat of this service. */
            users: string[];
            /** @description PRO seats the external service has free (with more users than seats, the quota check expects a refusal). */
            pro_seats_left: number;
        } & WithRequired<components["schemas"]["WingfieldProfile"], "api" | "base_url" | "external_service_id" | "other_external_service_id" | "tokens" | "connect_tokens" | "organizations" | "users" | "pro_seats_left">;
        LeadConduitProfile: {
            /** @constant */
            api: "leadconduit";
            /** Format: uri */
            base_url?: string;
            provider_states?: components["schemas"]["ProviderStateSource"];
            credentials: {
                /** @description API key of a normal user of account A. */
                user: string;
                /** @description API key of a superuser of account A. */
                superuser?: string;
                /** @description API key of a user of another account B. */
                other_account_user?: string;
            };
            connections: {
                /** @description Connections of account A that have their LC row. */
                completed: {
                    id: components["schemas"]["ObjectId"];
                    external_id: components["schemas"]["ObjectId"];
                    invitation_id: components["schemas"]["ObjectId"];
                    /** @enum {string} */
                    relationship_type: "seller" | "buyer";
                }[];
                /** @description SSO connections of account A with no LC row (consumed by repairs). */
                sso_only?: components["schemas"]["ObjectId"][];
                /** @description Connection ids (any of the three) that belong to account B only. */
                other_account?: components["schemas"]["ObjectId"][];
                /** @description SSO connection ids of account B (a repair by A must answer 422). */
                other_account_sso_only?: components["schemas"]["ObjectId"][];
            };
        };
        Auth0Profile: {
            /** @constant */
            api: "auth0";
            /** Format: uri */
            base_url?: string;
            provider_states?: components["schemas"]["ProviderStateSource"];
            tokens: {
                /** @description A token with all four organization_connections scopes. */
                full: string;
                /** @description A token with read:organization_connections only. */
                read_only?: string;
                /** @description A valid token with none of the four scopes. */
                no_scope?: string;
                /** @description A full token of another tenant. */
                other_tenant?: string;
                expired?: string;
            };
            organizations: {
                main: components["schemas"]["Auth0OrganizationFixture"];
                empty?: components["schemas"]["Auth0OrganizationFixture"];
                other_tenant?: components["schemas"]["Auth0OrganizationFixture"];
            };
            /** @description Tenant connections linked to neither main nor empty (added and removed again by the checks). */
            unlinked_connection_ids?: string[];
        };
        Auth0OrganizationFixture: {
            id: string;
            /** @description Every connection linked to the organization. */
            connection_ids: string[];
            enabled_count?: number;
        };
        MyCreditAppProfile: {
            /** @constant */
            api: "mycreditapp";
            /** Format: uri */
            base_url?: string;
            provider_states?: components["schemas"]["ProviderStateSource"];
            organizations: {
                /** @description A guest organization with hosts (host is one of them). */
                guest: components["schemas"]["MyCreditAppOrganizationFixture"];
                /** @description A host organization with guests (guest is one of them). */
                host?: components["schemas"]["MyCreditAppOrganizationFixture"];
                /** @description An organization connected to neither. */
                unconnected?: components["schemas"]["MyCreditAppOrganizationFixture"];
                /** @description An organization not yet connected to host, holding invitations of host. */
                invitee?: components["schemas"]["MyCreditAppOrganizationFixture"];
            };
            invitations?: {
                /** @description Live invitation tokens of host (consumed). */
                sent?: string[];
                accepted?: string[];
                expired?: string[];
            };
            expired_access_token?: string;
        };
        MyCreditAppOrganizationFixture: {
            /** Format: uuid */
            id: string;
            name?: string;
            access_token: string;
            host_ids?: string[];
            guest_ids?: string[];
        };
        WingfieldProfile: {
            /** @constant */
            api: "wingfield";
            /** Format: uri */
            base_url?: string;
            provider_states?: components["schemas"]["ProviderStateSource"];
            /** Format: uuid */
            external_service_id: string;
            /** Format: uuid */
            other_external_service_id?: string;
            tokens: {
                /** @description user, organization and court-booking write. */
                write: string;
                read?: string;
                none?: string;
                /** @description A write token of the other external service. */
                other_service?: string;
                expired?: string;
            };
            connect_tokens?: {
                /** @description Open tokens of organizations with no relation yet (consumed). */
                open?: string[];
                claimed?: string[];
                cancelled?: string[];
                expired?: string[];
                /** @description Open tokens issued to the other external service. */
                other_service?: string[];
                /** @description Open tokens of organizations already related, with the relation's external id (consumed). */
                confirm?: {
                    token: string;
                    external_organization_id: string;
                }[];
                malformed?: string;
                unknown?: string;
            };
            organizations?: {
                related?: {
                    /** Format: uuid */
                    id: string;
                    external_organization_id: string;
                }[];
                unrelated?: string[];
            };
            /** @description Users who may join organizations.related[0] and hold no PRO seat of this service. */
            users?: string[];
            /** @description PRO seats the external service has free (with more users than seats, the quota check expects a refusal). */
            pro_seats_left?: number;
        };
        /**
         * @description Where `connkit verify` gets each consumable fixture, fresh, just before the check that
         *     uses it up (see `POST /provider-states`). Without one, the profile's lists are used and
         *     what they lose is recorded in verify's state file.
         */
        ProviderStateSource: {
            /**
             * Format: uri
             * @description Answers `POST {state, params}` (a ProviderStateRequest) with the fixture.
             */
            url: string;
            /** @description Sent with every call (a token of your staging, say). */
            headers?: {
                [key: string]: string;
            };
        } | {
            /** @description Run through the shell in the profile's folder, the ProviderStateRequest as JSON on stdin; prints the fixture as JSON on stdout and exits 0. */
            command: string;
        };
        /**
         * @description The consumable fixtures verify mints, one per kind of fixture a check uses up.
         * @enum {string}
         */
        ProviderStateName: "open connect token" | "sso-only connection" | "pending invitation" | "unlinked auth0 connection" | "user without a seat";
        ProviderStateRequest: {
            state: components["schemas"]["ProviderStateName"];
            params?: Record<string, never>;
        } & (components["schemas"]["OpenConnectTokenState"] | components["schemas"]["SsoOnlyConnectionState"] | components["schemas"]["PendingInvitationState"] | components["schemas"]["UnlinkedAuth0ConnectionState"] | components["schemas"]["UserWithoutSeatState"]);
        /** @description Wingfield. An open connect token of the profile's external service, for a fresh organization no service is related to, or for `organization_id` (one already related, to confirm the relation). */
        OpenConnectTokenState: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            state: "open connect token";
            params?: {
                /** Format: uuid */
                organization_id?: string;
            };
        };
        /** @description LeadConduit. An SSO connection of the profile's account whose LC row is missing (what a repair fixes). */
        SsoOnlyConnectionState: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            state: "sso-only connection";
            params?: {
                /** @enum {string} */
                relationship_type?: "seller" | "buyer";
            };
        };
        /** @description MyCreditApp. A live invitation of `host_organization_id` (the profile's host when absent) and an organization, connected to neither side yet, that may accept it. */
        PendingInvitationState: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            state: "pending invitation";
            params?: {
                /** Format: uuid */
                host_organization_id?: string;
            };
        };
        /** @description Auth0. A connection of the tenant of `organization_id` that is not linked to that organization. */
        UnlinkedAuth0ConnectionState: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            state: "unlinked auth0 connection";
            params: {
                organization_id: string;
            };
        };
        /** @description Wingfield. A user who holds no PRO seat of the profile's external service and may join its related organizations. */
        UserWithoutSeatState: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            state: "user without a seat";
            params?: Record<string, never>;
        };
        /** @description The fixture; which schema applies follows from the state asked for. Extra members are allowed and ignored. */
        ProviderStateAnswer: components["schemas"]["OpenConnectTokenFixture"] | components["schemas"]["SsoOnlyConnectionFixture"] | components["schemas"]["PendingInvitationFixture"] | components["schemas"]["UnlinkedAuth0ConnectionFixture"] | components["schemas"]["UserWithoutSeatFixture"];
        OpenConnectTokenFixture: {
            connectToken: string;
            /** Format: uuid */
            organization_id: string;
        };
        SsoOnlyConnectionFixture: {
            id: components["schemas"]["ObjectId"];
            /** @enum {string} */
            relationship_type?: "seller" | "buyer";
        };
        PendingInvitationFixture: {
            invitation_token: string;
            /** Format: uuid */
            host_organization_id: string;
            invitee: {
                /** Format: uuid */
                id: string;
                access_token: string;
            };
        };
        UnlinkedAuth0ConnectionFixture: {
            connection_id: string;
            organization_id: string;
        };
        UserWithoutSeatFixture: {
            /** Format: uuid */
            user_id: string;
        };
        Auth0Token: {
            label: string;
            tenant: string;
            scopes: string[];
            token: string;
        };
        JournalEntry: {
            seq: number;
            /** Format: date-time */
            at: string;
            session: string;
            method: string;
            url: string;
            api?: string;
            operationId?: string;
            /** @description 0 when the connection was reset without an answer. */
            status: number;
            durationMs: number;
            scenarios?: string[];
            violations?: string[];
            request?: components["schemas"]["JournalMessage"];
            response?: components["schemas"]["JournalMessage"];
        };
        /** @description Headers and body of a journaled request or answer, for the page and for replays. */
        JournalMessage: {
            headers: {
                [key: string]: string;
            };
            /** @description The body as text, cut after 64 KiB. */
            body?: string;
            /** @description True when the body was longer than what is kept. */
            truncated?: boolean;
        };
        Journal: {
            /** @description Requests journaled since start (kept or dropped). */
            total: number;
            capacity: number;
            /** @description Kept entries that match the filters (before `limit`). */
            matched: number;
            /** @description Bytes the kept entries hold (estimated from their strings). */
            bytes: number;
            maxBytes: number;
            entries: components["schemas"]["JournalEntry"][];
        };
        CoverageRatio: {
            covered: number;
            of: number;
        };
        Coverage: {
            /** @description Journaled requests the report is made of. */
            requests: number;
            apis: {
                api: string;
                title: string;
                /**
                 * @description Each error type the API's spec documents (`x-connkit-error-types` on its error envelope:
                 *     Auth0's errorCode, Wingfield's error.type, MyCreditApp's detail[].type, LeadConduit's
                 *     sentence class) and how many error answers carried it; zero for those never met.
                 */
                errorTypes: {
                    type: string;
                    requests: number;
                }[];
                /** @description Error types answers carried that the spec does not list (LeadConduit's `unclassified` for a sentence of no class). */
                undocumentedErrorTypes: string[];
                operations: {
                    operationId: string;
                    method: string;
                    path: string;
                    requests: number;
                    statuses: {
                        status: string;
                        requests: number;
                    }[];
                    undocumented: number[];
                }[];
                scenarios: {
                    name: string;
                    requests: number;
                }[];
                totals: {
                    operations: components["schemas"]["CoverageRatio"];
                    statuses: components["schemas"]["CoverageRatio"];
                    scenarios: components["schemas"]["CoverageRatio"];
                    errorTypes: components["schemas"]["CoverageRatio"];
                };
            }[];
        };
        Snapshot: {
            /** @constant */
            connkit: 1;
            seed: number;
            sizes?: {
                [key: string]: number;
            };
            scenarios?: components["schemas"]["ActiveScenario"][];
            /** @description Each API's state as that API stores it; the collections each API's state cannot do without are required. */
            apis: {
                leadconduit?: components["schemas"]["LeadConduitState"];
                auth0?: components["schemas"]["Auth0State"];
                mycreditapp?: components["schemas"]["MyCreditAppState"];
                wingfield?: components["schemas"]["WingfieldState"];
            } & {
                [key: string]: Record<string, never>;
            };
        };
        /** @description One line of an NDJSON snapshot (the first is the header, the others set a value at a path of one API's state). */
        SnapshotLine: {
            /** @constant */
            connkit: 1;
            /** @constant */
            format: "ndjson";
            seed: number;
            sizes?: {
                [key: string]: number;
            };
            scenarios?: components["schemas"]["ActiveScenario"][];
        } | {
            api: components["schemas"]["ApiName"];
            path: (string | number)[];
            value: unknown;
        };
        StateCounters: {
            seed: number;
            counter: number;
        };
        /** @description LeadConduit's state as stored. This schema, with the record schemas it names through `x-connkit-records` (each API spec's `x-connkit.state.<collection>` or `x-connkit.internal.<collection>`), is what an import is checked against before anything changes: the one definition of a snapshot's shape. */
        LeadConduitState: components["schemas"]["StateCounters"] & {
            accounts: {
                [key: string]: unknown;
            };
            ssoAccounts: {
                [key: string]: unknown;
            };
            credentials: {
                [key: string]: unknown;
            };
            networkConnections: {
                [key: string]: unknown;
            };
            rows: {
                [key: string]: unknown;
            };
            invitations: {
                [key: string]: unknown;
            };
        };
        /** @description Auth0's state as stored (see LeadConduitState for how it is read). */
        Auth0State: components["schemas"]["StateCounters"] & {
            tenants: {
                [key: string]: unknown;
            };
            /** @description Per organization id, its links sorted by connection_id. */
            links: {
                [key: string]: unknown[];
            };
            tokens: unknown[];
        };
        /** @description MyCreditApp's state as stored (see LeadConduitState for how it is read). */
        MyCreditAppState: components["schemas"]["StateCounters"] & {
            orgs: {
                [key: string]: unknown;
            };
            connections: unknown[];
            invitations: {
                [key: string]: unknown;
            };
            clients: unknown[];
        };
        /** @description Wingfield's state as stored (see LeadConduitState for how it is read). */
        WingfieldState: components["schemas"]["StateCounters"] & {
            services: {
                [key: string]: unknown;
            };
            tokens: {
                [key: string]: unknown;
            };
            organizations: {
                [key: string]: unknown;
            };
            users: {
                [key: string]: unknown;
            };
            connectTokens: {
                [key: string]: unknown;
            };
            relations: {
                [key: string]: unknown;
            };
            memberships: {
                [key: string]: unknown;
            };
        };
    };
    responses: {
        /** @description The request breaks the control API's schema; the message names the field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnkitError"];
            };
        };
        /** @description A non-loopback caller sent a wrong control token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnkitError"];
            };
        };
        /** @description The control API answers loopback callers only (no control token configured), or the caller sent none. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnkitError"];
            };
        };
        /** @description A fixture the request names does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnkitError"];
            };
        };
        /** @description The scenario does not take this: a parameter it does not have, a value outside the parameter's range (see the catalog, `GET /scenarios`), or an API it does not apply to. The message names the field (`params.ms`, `apis`); nothing changes. */
        ScenarioUnprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnkitError"];
            };
        };
        /** @description The snapshot could not be imported. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnkitError"];
            };
        };
    };
    parameters: {
        /** @description A collection `GET /state/{api}` lists. */
        StateCollection: string;
        /** @description The record's id as `GET /state/{api}/{collection}` lists it (URL-encoded; some contain `/`). */
        StateRecordId: string;
        /** @description The API whose state to read. */
        StateApi: components["schemas"]["ApiName"];
        /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
        Session: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    reset: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    seed?: number;
                };
            };
        };
        responses: {
            /** @description Reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfo"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listScenarios: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Catalog and active scenarios. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scenarios"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    clearScenarios: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description None active. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    activateScenario: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description A scenario of the catalog. */
                name: "sso-outage" | "rate-limited" | "maintenance" | "latency" | "server-error" | "connection-reset";
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    apis?: components["schemas"]["ApiName"][];
                    params?: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description Active. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ScenarioUnprocessable"];
        };
    };
    deactivateScenario: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description A scenario of the catalog. */
                name: "sso-outage" | "rate-limited" | "maintenance" | "latency" | "server-error" | "connection-reset";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Remaining active scenarios. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getFixtures: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Fixtures per API. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fixtures"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createSsoOnlyConnection: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    account_id?: components["schemas"]["ObjectId"];
                    /** @enum {string} */
                    relationship_type?: "seller" | "buyer";
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: components["schemas"]["ObjectId"];
                        account_id: components["schemas"]["ObjectId"];
                        invitation_id: components["schemas"]["ObjectId"];
                        /** @enum {string} */
                        relationship_type: "seller" | "buyer";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createLeadConduitCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    account_id?: components["schemas"]["ObjectId"];
                    /** @default false */
                    superuser?: boolean;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        api_key: string;
                        account_id: components["schemas"]["ObjectId"];
                        superuser: boolean;
                        /** @description A ready Authorization header value. */
                        authorization: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createAuth0Token: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tenant?: string;
                    scopes: ("read:organization_connections" | "create:organization_connections" | "update:organization_connections" | "delete:organization_connections")[];
                    expired?: boolean;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Auth0Token"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createMyCreditAppInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    host_organization_id?: string;
                    /** Format: email */
                    email?: string;
                    /** @enum {string} */
                    state: "sent" | "expired" | "accepted";
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        host_organization_id: string;
                        invitation_token: string;
                        /** @enum {string} */
                        status: "sent" | "expired" | "accepted";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createMyCreditAppOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        access_token: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createWingfieldConnectToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    state: "open" | "claimed" | "cancelled" | "expired";
                    /** Format: uuid */
                    organization_id?: string;
                    /** Format: uuid */
                    external_service_id?: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connectToken: string;
                        /** Format: uuid */
                        organization_id: string;
                        /** Format: uuid */
                        external_service_id: string;
                        /** @enum {string} */
                        state: "open" | "claimed" | "cancelled";
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createWingfieldToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    external_service_id?: string;
                    scopes?: {
                        user?: components["schemas"]["Permission"];
                        organization?: components["schemas"]["Permission"];
                        "court-booking"?: components["schemas"]["Permission"];
                    };
                    expired?: boolean;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        /** Format: uuid */
                        external_service_id: string;
                        scopes: {
                            [key: string]: components["schemas"]["Permission"];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    mintProviderState: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderStateRequest"];
            };
        };
        responses: {
            /** @description The fixture, fresh (never handed out before). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderStateAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getJournal: {
        parameters: {
            query?: {
                /** @description How many of the newest entries. */
                limit?: number;
                /** @description Only this session's requests. */
                session?: string;
                /** @description Only requests to this API (`control` for the control API's own). */
                api?: "leadconduit" | "auth0" | "mycreditapp" | "wingfield" | "control";
                /** @description Only requests routed to this operation of the API's spec. */
                operationId?: string;
                /** @description Only answers with this status (`409`), or of this class (`4xx`); `0` is a connection reset. */
                status?: string;
                /** @description Only requests with this method. */
                method?: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
                /** @description Only requests after this `seq` (read `total` before the step under test). */
                since?: number;
            };
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    clearJournal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Emptied. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getCoverage: {
        parameters: {
            query?: {
                /** @description Only this session's requests. */
                session?: string;
            };
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coverage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    exportState: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                    "application/x-ndjson": components["schemas"]["SnapshotLine"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    importState: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Snapshot"];
                "application/x-ndjson": components["schemas"]["SnapshotLine"];
            };
        };
        responses: {
            /** @description Imported. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfo"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listStateCollections: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateCollections"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    browseState: {
        parameters: {
            query?: {
                /** @description How many records to skip. */
                offset?: number;
                /** @description How many records to return. */
                limit?: number;
                /** @description Only records whose id contains this text. */
                q?: string;
            };
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
                /** @description A collection `GET /state/{api}` lists. */
                collection: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    putStateRecord: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
                /** @description A collection `GET /state/{api}` lists. */
                collection: components["parameters"]["StateCollection"];
                /** @description The record's id as `GET /state/{api}/{collection}` lists it (URL-encoded; some contain `/`). */
                id: components["parameters"]["StateRecordId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The record as stored now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
        };
    };
    applyStatePreset: {
        parameters: {
            query?: never;
            header?: {
                /** @description The session to act on; the default session when absent. A value that breaks the pattern answers 400 naming the header, on every operation (the session is resolved before the operation runs). */
                "X-Connkit-Session"?: components["parameters"]["Session"];
            };
            path: {
                /** @description The API whose state to read. */
                api: components["parameters"]["StateApi"];
                /** @description A collection `GET /state/{api}` lists. */
                collection: components["parameters"]["StateCollection"];
                /** @description The record's id as `GET /state/{api}/{collection}` lists it (URL-encoded; some contain `/`). */
                id: components["parameters"]["StateRecordId"];
                /** @description A preset `GET /state/{api}` lists for the collection. */
                preset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applied. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["Unprocessable"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
