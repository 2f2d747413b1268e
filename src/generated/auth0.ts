// Generated from specs/auth0.yaml by openapi-typescript (npm run generate). Do not edit.

export interface paths {
    "/organizations/{id}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * Get connections associated with an organization
         * @description Lists the organization's connections, ordered by `connection_id`, zero-based page
         *     `page` of `per_page`. With `include_totals=true` the page comes inside
         *     `{start, limit, total, connections}` where `start = page * per_page`,
         *     `limit = per_page` and `total` counts every link after the `is_enabled` filter.
         */
        get: operations["get_organization_connections"];
        put?: never;
        /**
         * Add a connection to an organization
         * @description Links an existing tenant connection to the organization. The connection must exist in
         *     the tenant (connections are not created here). Omitted members take their defaults:
         *     `organization_connection_name` = the connection's name, `assign_membership_on_login`
         *     false, `show_as_button` true, `is_signup_enabled` false, `organization_access_level`
         *     `none`, `is_enabled` true. Linking the same connection twice answers 409.
         */
        post: operations["post_organization_connection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/connections/{connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connection_id: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        /**
         * Get a specific connection associated with an organization
         * @description Returns one organization connection; 404 when the organization or the link does not exist.
         */
        get: operations["get_organization_connection"];
        put?: never;
        post?: never;
        /**
         * Delete a connection from an organization
         * @description Unlinks the connection from the organization (the tenant connection remains). 204 with no body.
         */
        delete: operations["delete_organization_connection"];
        options?: never;
        head?: never;
        /**
         * Update a connection associated with an organization
         * @description Updates the link's settings. Every member is optional; `connection_id` cannot be
         *     changed. `null` resets a nullable member to its default:
         *     `organization_connection_name` to the connection's name, `organization_access_level`
         *     to `none`, `is_enabled` to `true`. An empty body changes nothing.
         */
        patch: operations["patch_organization_connection"];
        trace?: never;
    };
    "/organizations/{id}/enabled_connections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * Get connections enabled for an organization
         * @description The GA view of the same organization-connection links: the organization's links whose
         *     `is_enabled` is true, ordered by `connection_id`, zero-based page `page` of `per_page`,
         *     each with the GA members only (no `organization_connection_name`,
         *     `organization_access_level` or `is_enabled`). With `include_totals=true` the page comes
         *     inside `{start, limit, total, enabled_connections}` where `start = page * per_page`,
         *     `limit = per_page` and `total` counts every enabled link.
         */
        get: operations["get_enabled_connections"];
        put?: never;
        /**
         * Add connections to an organization
         * @description Enables an existing tenant connection for the organization (connections are not created
         *     here). This is the GA view of the link the EA `POST /organizations/{id}/connections`
         *     makes: omitted members take the same defaults (`assign_membership_on_login` false,
         *     `show_as_button` true, `is_signup_enabled` false; EA-only members: the connection's own
         *     name, `organization_access_level` `none`, `is_enabled` true). A link that exists but is
         *     disabled (`is_enabled` false, EA view) is enabled again and keeps its EA-only members.
         *     Enabling a connection that is already enabled answers 409.
         */
        post: operations["post_enabled_connections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}/enabled_connections/{connectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connectionId: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        /**
         * Get an enabled connection for an organization
         * @description Returns one enabled link in the GA view; 404 when the organization does not exist or the connection is not enabled for it.
         */
        get: operations["get_enabled_connections_by_connectionId"];
        put?: never;
        post?: never;
        /**
         * Delete connections from an organization
         * @description Removes the enabled link (the tenant connection remains); it is then gone from both
         *     views. 204 with no body.
         */
        delete: operations["delete_enabled_connections_by_connectionId"];
        options?: never;
        head?: never;
        /**
         * Modify an organization's connection
         * @description Updates the GA members of an enabled link (`assign_membership_on_login`,
         *     `is_signup_enabled`, `show_as_button`); the EA-only members are left as they are. Every
         *     member is optional and none is nullable; an empty body changes nothing.
         */
        patch: operations["patch_enabled_connections_by_connectionId"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Auth0's error envelope. */
        Auth0Error: {
            statusCode: number;
            /** @description The HTTP reason phrase. */
            error: string;
            message: string;
            errorCode?: string;
        };
        /**
         * Format: connection-id
         * @description Connection identifier.
         * @example con_0a1b2c3d4e5f6a7b
         */
        ConnectionId: string;
        /**
         * @description Access level for the organization: `none` = tenant-admin managed, invisible to the My
         *     Organization API; `readonly` = visible but not editable; `limited` = organization
         *     admins may edit selected non-sensitive settings; `full` = they may edit all allowed
         *     settings.
         * @enum {string}
         */
        OrganizationAccessLevel: "none" | "readonly" | "limited" | "full";
        /** @description Name of the connection in the scope of this organization. */
        OrganizationConnectionName: string;
        OrganizationAllConnection: {
            connection_id: components["schemas"]["ConnectionId"];
            organization_connection_name?: components["schemas"]["OrganizationConnectionName"];
            /** @description When true, all users that log in with this connection will be automatically granted membership in the organization. */
            assign_membership_on_login?: boolean;
            /** @description Determines whether a connection should be displayed on this organization's login prompt. Only applicable for enterprise connections. Default true. */
            show_as_button?: boolean;
            /** @description Determines whether organization signup should be enabled for this organization connection. Only applicable for database connections. Default false. */
            is_signup_enabled?: boolean;
            organization_access_level?: components["schemas"]["OrganizationAccessLevel"];
            /** @description Whether the connection is enabled for the organization. */
            is_enabled?: boolean;
            connection?: {
                /** @description The name of the enabled connection. */
                name: string;
                /** @description The strategy of the enabled connection. */
                strategy: string;
            } & {
                [key: string]: unknown;
            };
        };
        ListOrganizationAllConnectionsPaginated: {
            start: number;
            limit: number;
            total: number;
            connections: components["schemas"]["OrganizationAllConnection"][];
        };
        CreateOrganizationAllConnectionRequest: {
            connection_id: components["schemas"]["ConnectionId"];
            organization_connection_name?: components["schemas"]["OrganizationConnectionName"];
            assign_membership_on_login?: boolean;
            show_as_button?: boolean;
            is_signup_enabled?: boolean;
            organization_access_level?: components["schemas"]["OrganizationAccessLevel"];
            is_enabled?: boolean;
        };
        UpdateOrganizationConnectionRequest: {
            organization_connection_name?: components["schemas"]["OrganizationConnectionName"] | null;
            assign_membership_on_login?: boolean;
            show_as_button?: boolean;
            is_signup_enabled?: boolean;
            organization_access_level?: components["schemas"]["OrganizationAccessLevel"] | null;
            is_enabled?: boolean | null;
        };
        /** @description A link as the GA view shows it (no organization_connection_name, organization_access_level or is_enabled). */
        OrganizationEnabledConnection: {
            connection_id: components["schemas"]["ConnectionId"];
            /** @description When true, all users that log in with this connection will be automatically granted membership in the organization. */
            assign_membership_on_login?: boolean;
            /** @description Determines whether a connection should be displayed on this organization's login prompt. Only applicable for enterprise connections. Default true. */
            show_as_button?: boolean;
            /** @description Determines whether organization signup should be enabled for this organization connection. Only applicable for database connections. Default false. */
            is_signup_enabled?: boolean;
            connection?: {
                /** @description The name of the enabled connection. */
                name: string;
                /** @description The strategy of the enabled connection. */
                strategy: string;
            } & {
                [key: string]: unknown;
            };
        };
        ListOrganizationEnabledConnectionsPaginated: {
            start: number;
            limit: number;
            total: number;
            enabled_connections: components["schemas"]["OrganizationEnabledConnection"][];
        };
        AddOrganizationEnabledConnectionRequest: {
            connection_id: components["schemas"]["ConnectionId"];
            assign_membership_on_login?: boolean;
            is_signup_enabled?: boolean;
            show_as_button?: boolean;
        };
        UpdateOrganizationEnabledConnectionRequest: {
            assign_membership_on_login?: boolean;
            is_signup_enabled?: boolean;
            show_as_button?: boolean;
        };
        /** TenantRecord */
        TenantRecord: {
            id: string;
            domain: string;
            /** @description The tenant's connections by id. */
            connections: {
                [key: string]: {
                    /**
                     * Format: connection-id
                     * @description Connection identifier.
                     * @example con_0a1b2c3d4e5f6a7b
                     */
                    id: string;
                    name: string;
                    strategy: string;
                };
            };
            /** @description The tenant's organizations by id. */
            organizations: {
                [key: string]: {
                    id: string;
                    name: string;
                    tenant: string;
                };
            };
        };
        /** IssuedTokenRecord */
        IssuedTokenRecord: {
            label: string;
            tenant: string;
            scopes: string[];
            /** @description The signed JWT a client sends as its bearer token. */
            token: string;
        };
    };
    responses: {
        /** @description Invalid request query string. The message is specific to the field. */
        BadRequestQuery: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description Invalid request body. The message is specific to the field. */
        BadRequestBody: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description Invalid request URI (a path parameter breaks its constraints). */
        BadRequestUri: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description Invalid token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description Insufficient scope; the message names the expected scope. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description The organization does not exist. */
        OrganizationNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description The organization or the tenant connection does not exist. */
        OrganizationOrConnectionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description The organization does not exist, or the organization connection does not exist. */
        OrganizationConnectionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description The organization connection already exists. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers. */
        TooManyRequests: {
            headers: {
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
        /** @description Unexpected server error. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Auth0Error"];
            };
        };
    };
    parameters: {
        /** @description Page index of the results to return. First page is 0. */
        Page: number;
        /** @description Number of results per page. Defaults to 50. */
        PerPage: number;
        /** @description Return results inside an object that contains the total result count (true) or as a direct array of results (false, default). */
        IncludeTotals: boolean;
        /** @description Organization identifier. */
        OrganizationId: string;
    };
    requestBodies: never;
    headers: {
        /** @description Maximum number of requests available in the current time frame. */
        "X-RateLimit-Limit": number;
        /** @description Number of remaining requests in the current time frame. */
        "X-RateLimit-Remaining": number;
        /** @description UNIX timestamp (seconds) of the expected time when the rate limit will reset. */
        "X-RateLimit-Reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    get_organization_connections: {
        parameters: {
            query?: {
                /** @description Page index of the results to return. First page is 0. */
                page?: components["parameters"]["Page"];
                /** @description Number of results per page. Defaults to 50. */
                per_page?: components["parameters"]["PerPage"];
                /** @description Return results inside an object that contains the total result count (true) or as a direct array of results (false, default). */
                include_totals?: components["parameters"]["IncludeTotals"];
                /** @description Filter connections by enabled status. */
                is_enabled?: boolean;
            };
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connections successfully retrieved. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationAllConnection"][] | components["schemas"]["ListOrganizationAllConnectionsPaginated"];
                };
            };
            400: components["responses"]["BadRequestQuery"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    post_organization_connection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationAllConnectionRequest"];
            };
        };
        responses: {
            /** @description Organization connection successfully added. */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationAllConnection"];
                };
            };
            400: components["responses"]["BadRequestBody"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationOrConnectionNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    get_organization_connection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connection_id: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connection successfully retrieved. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationAllConnection"];
                };
            };
            400: components["responses"]["BadRequestUri"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationConnectionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    delete_organization_connection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connection_id: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connection successfully removed from organization. */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequestUri"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationConnectionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    patch_organization_connection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connection_id: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationConnectionRequest"];
            };
        };
        responses: {
            /** @description Organization connection successfully updated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationAllConnection"];
                };
            };
            400: components["responses"]["BadRequestBody"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationConnectionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    get_enabled_connections: {
        parameters: {
            query?: {
                /** @description Page index of the results to return. First page is 0. */
                page?: components["parameters"]["Page"];
                /** @description Number of results per page. Defaults to 50. */
                per_page?: components["parameters"]["PerPage"];
                /** @description Return results inside an object that contains the total result count (true) or as a direct array of results (false, default). */
                include_totals?: components["parameters"]["IncludeTotals"];
            };
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connections successfully retrieved. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationEnabledConnection"][] | components["schemas"]["ListOrganizationEnabledConnectionsPaginated"];
                };
            };
            400: components["responses"]["BadRequestQuery"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    post_enabled_connections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddOrganizationEnabledConnectionRequest"];
            };
        };
        responses: {
            /** @description Organization connection successfully added. */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationEnabledConnection"];
                };
            };
            400: components["responses"]["BadRequestBody"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationOrConnectionNotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    get_enabled_connections_by_connectionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connectionId: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connection successfully retrieved. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationEnabledConnection"];
                };
            };
            400: components["responses"]["BadRequestUri"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationConnectionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    delete_enabled_connections_by_connectionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connectionId: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connection successfully removed from organization. */
            204: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequestUri"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationConnectionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    patch_enabled_connections_by_connectionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organization identifier. */
                id: components["parameters"]["OrganizationId"];
                /** @description Connection identifier. */
                connectionId: components["schemas"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationEnabledConnectionRequest"];
            };
        };
        responses: {
            /** @description Organization connection successfully updated. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationEnabledConnection"];
                };
            };
            400: components["responses"]["BadRequestBody"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["OrganizationConnectionNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
}
