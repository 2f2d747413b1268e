// Generated from specs/mycreditapp.yaml by openapi-typescript (npm run generate). Do not edit.

export interface paths {
    "/host-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get host connections
         * @description The target organization's connections to its hosts. `statuses` (OR-ed), `archived`
         *     (absent = both) and `active_action_types` (OR-ed) filter; `search_text` matches a
         *     case-insensitive substring of `search_field`; `order_by`/`order_dir` sort (text
         *     case-insensitively; ties broken by `host_organization_id` in the same direction; nulls
         *     last in both directions); `total_items` counts the filtered records before
         *     `limit`/`offset` apply.
         */
        get: operations["getHostConnections"];
        put?: never;
        /**
         * Create host connection
         * @description The guest (Self) accepts a host's invitation: the invitation token is consumed once,
         *     the invitation becomes `accepted`, and the connection record is created `connected`.
         */
        post: operations["createHostConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/host-connections/{host_org_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The host organization's id. */
                host_org_id: string;
            };
            cookie?: never;
        };
        /**
         * Get host connection
         * @description The target guest's connection to one host. In the Host scenario the host may read only its own connection (host_org_id = requester).
         */
        get: operations["getHostConnection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Patch host connection
         * @description The guest (Self only) connects or disconnects. A change of status moves `updated_at`; setting the current status again changes nothing.
         */
        patch: operations["patchHostConnection"];
        trace?: never;
    };
    "/guest-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get guest connections
         * @description The target host's connections to its guests; filters, search, sort and paging as on `GET /host-connections`, over the guest_* fields.
         */
        get: operations["getGuestConnections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/guest-connections/{guest_org_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The guest organization's id. */
                guest_org_id: string;
            };
            cookie?: never;
        };
        /**
         * Get guest connection
         * @description The target host's connection to one guest (Self only).
         */
        get: operations["getGuestConnection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Patch guest connection
         * @description The host archives (`true`) or unarchives (`false`) a guest. Archiving sets `archived_at`
         *     and unarchiving clears it; a change moves `updated_at`. The record is shared, so the
         *     guest's `/host-connections` view shows the same `archived` state.
         */
        patch: operations["patchGuestConnection"];
        trace?: never;
    };
    "/guest-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get guest invitations
         * @description The target host's invitations, newest first, optionally filtered by status.
         */
        get: operations["getGuestInvitations"];
        put?: never;
        /**
         * Create guest invitation
         * @description The host (Self) invites a prospective guest by e-mail. The answer carries the
         *     `invitation_token` the guest sends to `POST /host-connections`.
         *
         *     Besides the schema, two rules hold, each answering 422 with one `detail` item per broken
         *     rule (`type: value_error`):
         *     - `expired_at` must lie in the future (`loc: [body, expired_at]`,
         *       `msg: "Value error, expired_at must be in the future"`);
         *     - `parent_organization_id`, when not null, must name an existing organization
         *       (`loc: [body, parent_organization_id]`, `msg: "Value error, unknown organization"`).
         */
        post: operations["createGuestInvitation"];
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
        /** @description MyCreditApp's error envelope. */
        MyCreditAppError: {
            detail: components["schemas"]["ErrorItem"][];
        };
        ErrorItem: {
            /** @description Where the problem is (`[query, limit]`); empty when not tied to an input. */
            loc: (string | number)[];
            msg: string;
            type: string;
            code: string;
        };
        /** @enum {string} */
        ConnectionStatus: "connected" | "disconnected";
        /** @enum {string} */
        ActiveActionType: "documents_update_request" | "analytics_request";
        /** @enum {string} */
        InvitationStatus: "sent" | "accepted" | "expired";
        /** Format: date-time */
        Timestamp: string;
        /** Format: date-time */
        NullableTimestamp: string | null;
        ConnectionCommon: {
            /** Format: uuid */
            host_organization_id: string;
            /** Format: uuid */
            guest_organization_id: string;
            /** Format: email */
            owner_email: string;
            status: components["schemas"]["ConnectionStatus"];
            archived: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            archived_at: components["schemas"]["NullableTimestamp"];
            active_action_type: components["schemas"]["ActiveActionType"] | null;
            active_action_updated_at: components["schemas"]["NullableTimestamp"];
        };
        /** @description A guest's view of its connection to a host. */
        HostConnection: components["schemas"]["ConnectionCommon"] & {
            host_name: string;
            /** Format: email */
            host_email: string;
        };
        /** @description A host's view of its connection to a guest. */
        GuestConnection: components["schemas"]["ConnectionCommon"] & {
            guest_name: string;
            /** Format: email */
            guest_email: string;
            total_score: number | null;
            score_updated_at: components["schemas"]["NullableTimestamp"];
            /** Format: uuid */
            parent_organization_id: string | null;
            parent_organization_name: string | null;
        };
        HostConnectionPage: {
            items: components["schemas"]["HostConnection"][];
            total_items: number;
        };
        GuestConnectionPage: {
            items: components["schemas"]["GuestConnection"][];
            total_items: number;
        };
        HostConnectionCreate: {
            /** Format: uuid */
            host_organization_id: string;
            invitation_token: string;
        };
        HostConnectionPatch: {
            status: components["schemas"]["ConnectionStatus"];
        };
        GuestConnectionPatch: {
            archived: boolean;
        };
        GuestInvitationCreate: {
            /** Format: email */
            email: string;
            /** @description When the invitation expires; must lie in the future. */
            expired_at: components["schemas"]["Timestamp"];
            /**
             * Format: uuid
             * @description The parent organization of the guest to be; when not null, an existing organization's id.
             */
            parent_organization_id?: string | null;
        };
        GuestInvitation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            host_organization_id: string;
            /** Format: email */
            email: string;
            first_invitation_sent_at: components["schemas"]["Timestamp"];
            last_invitation_sent_at: components["schemas"]["Timestamp"];
            expired_at: components["schemas"]["Timestamp"];
            expired: boolean;
            status: components["schemas"]["InvitationStatus"];
            invitation_token: string;
            archived: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            accepted_at: components["schemas"]["NullableTimestamp"];
            archived_at: components["schemas"]["NullableTimestamp"];
            /** Format: uuid */
            parent_organization_id: string | null;
            parent_organization_name: string | null;
        };
        GuestInvitationPage: {
            items: components["schemas"]["GuestInvitation"][];
            total_items: number;
        };
        /** OrgRecord */
        OrgRecord: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string;
            owner_email: string;
            /** Format: uuid */
            parent_organization_id: string | null;
        };
        /** ClientRecord */
        ClientRecord: {
            label: string;
            /** Format: uuid */
            organization_id: string;
            /** @description The signed JWT a client sends as its bearer token. */
            access_token: string;
        };
    };
    responses: {
        /** @description The bearer token is missing, malformed, expired or not signed by MyCreditApp. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description The requester may not act on the target organization in this operation. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description The addressed connection or invitation does not exist for the target organization. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description The invitation cannot be used (accepted or expired), or the organizations are already connected. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description Validation Error — one item per problem, `loc` naming the field. */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description Validation Error — the body breaks its schema, `expired_at` is not in the future, or `parent_organization_id` names no organization; one item per problem. */
        InvitationValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description Unexpected server error. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
        /** @description The service is under maintenance. */
        Maintenance: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MyCreditAppError"];
            };
        };
    };
    parameters: {
        /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
        RequesterOrganizationId: string;
        /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
        TargetOrganizationId: string;
        /** @description Only connections in one of these statuses (repeated key, at least one). */
        Statuses: components["schemas"]["ConnectionStatus"][];
        /** @description Case-insensitive substring searched in `search_field`. Absent = no search. */
        SearchText: string;
        /** @description Sort direction. */
        OrderDir: "asc" | "desc";
        /** @description Only archived (`true`) or only unarchived (`false`) connections; absent = both. */
        Archived: boolean;
        /** @description Only connections whose active action is one of these (repeated key); absent = no filter. */
        ActiveActionTypes: components["schemas"]["ActiveActionType"][];
        /** @description Page size, at most 100. */
        Limit: number;
        /** @description Number of records to skip. */
        Offset: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHostConnections: {
        parameters: {
            query: {
                /** @description Only connections in one of these statuses (repeated key, at least one). */
                statuses: components["parameters"]["Statuses"];
                /** @description The field `search_text` is matched against. */
                search_field?: "host_name" | "host_email" | "owner_email";
                /** @description Case-insensitive substring searched in `search_field`. Absent = no search. */
                search_text?: components["parameters"]["SearchText"];
                /** @description The field to sort by. */
                order_by?: "host_name" | "host_email" | "owner_email" | "created_at" | "updated_at" | "archived_at" | "active_action_updated_at";
                /** @description Sort direction. */
                order_dir?: components["parameters"]["OrderDir"];
                /** @description Only archived (`true`) or only unarchived (`false`) connections; absent = both. */
                archived?: components["parameters"]["Archived"];
                /** @description Only connections whose active action is one of these (repeated key); absent = no filter. */
                active_action_types?: components["parameters"]["ActiveActionTypes"];
                /** @description Page size, at most 100. */
                limit: components["parameters"]["Limit"];
                /** @description Number of records to skip. */
                offset: components["parameters"]["Offset"];
            };
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostConnectionPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    createHostConnection: {
        parameters: {
            query?: never;
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HostConnectionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    getHostConnection: {
        parameters: {
            query?: never;
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path: {
                /** @description The host organization's id. */
                host_org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    patchHostConnection: {
        parameters: {
            query?: never;
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path: {
                /** @description The host organization's id. */
                host_org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HostConnectionPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    getGuestConnections: {
        parameters: {
            query: {
                /** @description Only connections in one of these statuses (repeated key, at least one). */
                statuses: components["parameters"]["Statuses"];
                /** @description The field `search_text` is matched against. */
                search_field?: "guest_name" | "guest_email" | "owner_email";
                /** @description Case-insensitive substring searched in `search_field`. Absent = no search. */
                search_text?: components["parameters"]["SearchText"];
                /** @description The field to sort by. */
                order_by?: "guest_name" | "guest_email" | "owner_email" | "total_score" | "created_at" | "updated_at" | "archived_at" | "active_action_updated_at";
                /** @description Sort direction. */
                order_dir?: components["parameters"]["OrderDir"];
                /** @description Only archived (`true`) or only unarchived (`false`) connections; absent = both. */
                archived?: components["parameters"]["Archived"];
                /** @description Only connections whose active action is one of these (repeated key); absent = no filter. */
                active_action_types?: components["parameters"]["ActiveActionTypes"];
                /** @description Page size, at most 100. */
                limit: components["parameters"]["Limit"];
                /** @description Number of records to skip. */
                offset: components["parameters"]["Offset"];
            };
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuestConnectionPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    getGuestConnection: {
        parameters: {
            query?: never;
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path: {
                /** @description The guest organization's id. */
                guest_org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuestConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    patchGuestConnection: {
        parameters: {
            query?: never;
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path: {
                /** @description The guest organization's id. */
                guest_org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuestConnectionPatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuestConnection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    getGuestInvitations: {
        parameters: {
            query: {
                /** @description Only invitations in one of these statuses (repeated key). */
                invitation_statuses?: components["schemas"]["InvitationStatus"][];
                /** @description Page size, at most 100. */
                limit: components["parameters"]["Limit"];
                /** @description Number of records to skip. */
                offset: components["parameters"]["Offset"];
            };
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuestInvitationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
    createGuestInvitation: {
        parameters: {
            query?: never;
            header: {
                /** @description The unique identifier of the organization making the request. This ID is used to authorize the requester within the system. */
                "Requester-Organization-ID": components["parameters"]["RequesterOrganizationId"];
                /** @description The unique identifier of the organization that is the target of the request. It may match the Requester-Organization-ID (Self); otherwise the requester needs a connection with the target and the operation must allow the scenario. */
                "Target-Organization-ID": components["parameters"]["TargetOrganizationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuestInvitationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuestInvitation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["InvitationValidationError"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["Maintenance"];
        };
    };
}
