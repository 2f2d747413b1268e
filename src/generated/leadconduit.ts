// Generated from specs/leadconduit.yaml by openapi-typescript (npm run generate). Do not edit.

export interface paths {
    "/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the calling account's reconciled connections
         * @description Returns the calling account's reconciled list of connections, merging LC-resident
         *     `account_connections` rows with the SSO `NetworkConnection` source-of-truth list.
         *     Entries in both stores are `completed`; entries only in SSO are `sso_only`.
         *
         *     When SSO is unreachable the endpoint fails open: `200 OK` with the LC-resident entries
         *     only (all `completed`) and the response header `X-Connections-Degraded: true`.
         *     When SSO answered, the header is absent.
         *
         *     The `relationship_type` filter is applied after the merge.
         */
        get: operations["listConnections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a connection by id, SSO connection id or invitation id
         * @description Retrieves a connection by its unique identifier, its SSO connection id
         *     (`external_id`) or its invitation id. All three resolve to the same record. Only the
         *     calling account's connections are found.
         */
        get: operations["getConnection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connections/repair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repair a connection missing its LC row (superuser only)
         * @description Superuser-only repair endpoint. Given a `connection_id` (the SSO connection id), fetches
         *     the corresponding `NetworkConnection` from SSO and inserts the matching
         *     `account_connections` row. Used when a Kafka invitation message was missed and the LC
         *     row was never created. Does NOT modify `account_entities`, does NOT redeploy any flow.
         *
         *     Afterwards the connection is `completed` in `GET /connections` and its id is the
         *     `connection_id` (as the published example shows).
         */
        post: operations["repairConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account_sso_sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync account data from SSO
         * @description Re-reads the calling account from the SSO service, copies the SSO values into the
         *     LeadConduit account and returns the refreshed account. `connected_buyers` and
         *     `connected_sellers` mirror the account's connections by relationship type (the same
         *     connections `GET /connections` lists); `pending_buyers` and `pending_sellers` mirror
         *     the outstanding invitations, `expired` derived from `invitation_expires_at`.
         */
        post: operations["syncAccountFromSso"];
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
        /**
         * @description A 24-character alpha-numeric BSON identifier.
         * @example 5fd4371e940df5a34a3888b2
         */
        ObjectId: string;
        /**
         * Format: date-time
         * @example 2019-08-24T14:15:22Z
         */
        Timestamp: string;
        /**
         * @description The role the connected account plays for the caller.
         * @enum {string}
         */
        RelationshipType: "seller" | "buyer";
        /** @description LeadConduit's error envelope. */
        LeadConduitError: {
            error: string;
        };
        ConnectedAccount: {
            id: components["schemas"]["ObjectId"];
            sso_id: components["schemas"]["ObjectId"];
            name: string;
        };
        UiState: {
            /** @description Flipped by `POST /onboard/buyer` once buyer delivery is set up. */
            has_setup_buyer_delivery: boolean;
        };
        /** @description The LeadConduit entity that stands for the connected account. */
        Entity: {
            id: components["schemas"]["ObjectId"];
            name: string;
            description?: string | null;
            readonly standard?: boolean;
            readonly account?: boolean;
            readonly pending?: boolean;
            /** @enum {string|null} */
            connected?: "seller" | "buyer" | "both" | null;
            connected_account_id?: components["schemas"]["ObjectId"] | null;
            readonly deprecated?: boolean;
            /** @description Replacement entity id for a deprecated entity. */
            see?: components["schemas"]["ObjectId"] | null;
            field_suffix?: string | null;
            invitation_id?: components["schemas"]["ObjectId"] | null;
            /** Format: date-time */
            invitation_expires_at?: string | null;
            expired?: boolean;
            flow_ids?: components["schemas"]["ObjectId"][];
            logo_url?: string | null;
            module_ids: string[];
            /** @enum {string|null} */
            source: "form" | "seller" | "other" | null;
            /** @enum {string|null} */
            recipient: "buyer" | "crm" | "analytics" | "enhancement" | "esp" | "other" | null;
            time_zone?: string;
            trustedform_certified_vendor?: boolean;
            created_at?: components["schemas"]["Timestamp"];
            updated_at?: components["schemas"]["Timestamp"];
        };
        CustomEntity: {
            id: components["schemas"]["ObjectId"];
            name: string;
            /** @enum {string|null} */
            source: "form" | "seller" | "other" | null;
            /** @enum {string|null} */
            recipient: "buyer" | "crm" | "analytics" | "enhancement" | "esp" | "other" | null;
        };
        /** @description One entry of the reconciled list. */
        ConnectionListEntry: {
            id: components["schemas"]["ObjectId"];
            /**
             * @description `completed`: in LC and SSO; `sso_only`: only in SSO (the LC row is missing).
             * @enum {string}
             */
            status: "completed" | "sso_only";
            relationship_type: components["schemas"]["RelationshipType"];
            invitation_id?: components["schemas"]["ObjectId"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: email */
            created_by?: string;
            ui_state?: components["schemas"]["UiState"];
            permissions: string[];
            connected_account: components["schemas"]["ConnectedAccount"];
            account_entity?: components["schemas"]["Entity"] | null;
            custom_entities: components["schemas"]["CustomEntity"][];
        };
        /** @description One connection, as `GET /connections/{id}` returns it (no `status`, `permissions`, `account_entity` or `custom_entities`). */
        ConnectionDetail: {
            id: components["schemas"]["ObjectId"];
            connected_account: components["schemas"]["ConnectedAccount"];
            external_id: components["schemas"]["ObjectId"];
            invitation_id?: components["schemas"]["ObjectId"] | null;
            relationship_type: components["schemas"]["RelationshipType"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: email */
            created_by?: string;
            ui_state?: components["schemas"]["UiState"];
        };
        RepairRequest: {
            connection_id: components["schemas"]["ObjectId"];
        };
        RepairResult: {
            id: components["schemas"]["ObjectId"];
        };
        AccountRef: {
            id: components["schemas"]["ObjectId"];
            name: string;
            sso_id: components["schemas"]["ObjectId"];
        };
        PendingAccount: {
            id: components["schemas"]["ObjectId"];
            name: string;
            expired: boolean;
            invitation_expires_at: components["schemas"]["Timestamp"];
        };
        Subscription: {
            id: components["schemas"]["ObjectId"];
            /**
             * @example active
             * @example inactive
             */
            state: string;
            product_offering_id: components["schemas"]["ObjectId"];
            /**
             * @example base
             * @example pro
             * @example partner
             */
            product_offering_component: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            active_at?: string | null;
            /** Format: date-time */
            inactive_at?: string | null;
        };
        Features: {
            seller_access: boolean;
            buyer_access: boolean;
            lead_transactions: boolean;
            conversion_feedback: boolean;
            firehose: boolean;
            third_party_add_on_services: boolean;
            real_time_bidding: boolean;
            leadconduit_trustedform_decisions: boolean;
        };
        /** @description The LeadConduit account (details of the company account). */
        Account: {
            id: components["schemas"]["ObjectId"];
            sso_id: components["schemas"]["ObjectId"];
            api_key?: string;
            name: string;
            /** @example America/New_York */
            time_zone: string;
            type?: string;
            data_retention_in_days?: number;
            /** Format: date-time */
            data_truncated_at?: string | null;
            keen_project_id?: string;
            keen_read_api_key?: string;
            keen_write_api_key?: string;
            pricing_components?: Record<string, never>[];
            /** @enum {string} */
            billing_type: "contracted" | "self_service";
            /**
             * @description Only present when `billing_type` is `contracted`.
             * @enum {string}
             */
            financial_state?: "paid" | "unpaid";
            /** Format: date-time */
            financial_state_updated_at?: string | null;
            lead_ping_enabled?: boolean;
            /** @example lcx */
            product_id?: string;
            state?: string;
            connected_buyers: components["schemas"]["AccountRef"][];
            connected_sellers: components["schemas"]["AccountRef"][];
            pending_sellers: components["schemas"]["PendingAccount"][];
            pending_buyers: components["schemas"]["PendingAccount"][];
            subscriptions: {
                base: components["schemas"]["Subscription"];
                pro: components["schemas"]["Subscription"];
                partner: components["schemas"]["Subscription"];
            };
            features: components["schemas"]["Features"];
        };
        AccountSyncResult: {
            /** @description Indicates whether the session was established successfully */
            success: boolean;
            account: components["schemas"]["Account"];
        };
        /** CredentialRecord */
        CredentialRecord: {
            api_key: string;
            /**
             * @description A 24-character alpha-numeric BSON identifier.
             * @example 5fd4371e940df5a34a3888b2
             */
            account_id: string;
            /** @description A superuser's key may act for any account. */
            superuser: boolean;
            label: string;
        };
        /** InvitationRecord */
        InvitationRecord: {
            /**
             * @description A 24-character alpha-numeric BSON identifier.
             * @example 5fd4371e940df5a34a3888b2
             */
            id: string;
            /**
             * @description A 24-character alpha-numeric BSON identifier.
             * @example 5fd4371e940df5a34a3888b2
             */
            account_id: string;
            name: string;
            /**
             * @description The role the connected account plays for the caller.
             * @enum {string}
             */
            relationship_type: "seller" | "buyer";
            /** Format: date-time */
            invitation_expires_at: string;
        };
    };
    responses: {
        /** @description Bad request — a parameter or body member is invalid; the message names it. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
        /** @description Authorization information is missing or invalid (also a non-superuser on repair). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
        /** @description No connection of the calling account has this id, SSO connection id or invitation id. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
        /** @description Conflict — an account_connections row already exists for this connection_id. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
        /** @description Unprocessable — the SSO connection cannot be found (or is visible only in another account). */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
        /** @description Unexpected server error. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
        /** @description SSO is unreachable, so the operation cannot read the source of truth; nothing was changed. */
        SsoUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LeadConduitError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listConnections: {
        parameters: {
            query?: {
                /** @description Narrow the list to connections of this relationship type. */
                relationship_type?: components["schemas"]["RelationshipType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reconciled list of connections. */
            200: {
                headers: {
                    /** @description Present, with the value `true`, only when SSO was unreachable and the list holds LC-resident rows only. */
                    "X-Connections-Degraded"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionListEntry"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["ServerError"];
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The connection's id, SSO connection id or invitation id. */
                id: components["schemas"]["ObjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    repairConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepairRequest"];
            };
        };
        responses: {
            /** @description Created — account_connections row inserted. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepairResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["SsoUnavailable"];
        };
    };
    syncAccountFromSso: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session established successfully */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSyncResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["SsoUnavailable"];
        };
    };
}
