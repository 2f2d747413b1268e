// Generated from specs/wingfield.yaml by openapi-typescript (npm run generate). Do not edit.

export interface paths {
    "/external-services/{externalServiceId}/organization-relations/claim": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description External service ID (UUID). */
                externalServiceId: components["parameters"]["ExternalServiceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim organization relation
         * @description Claim or confirm an organization relation using a connect token. The token is
         *     consumed. If the service has no relation with the token's organization, one is created
         *     with `externalOrganizationId`; if it has one with the same `externalOrganizationId`,
         *     that relation is confirmed (`updatedAt` moves) and returned.
         *
         *     Checks after authentication, service and scope, in order: body schema (400
         *     `invalid_schema`), token format (422 `malformed_connect_token`), token exists (404
         *     `connect_token_not_found`), token issued to this service (403
         *     `organization_access_denied`), token not expired (410 `expired_connect_token`),
         *     token still open (409 `connect_token_unusable`: claimed, cancelled or consumed),
         *     existing relation's external id (409 `external_organization_id_mismatch`), external
         *     id free (409 `external_organization_id_already_in_use`).
         */
        post: operations["claimOrganizationRelation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-services/{externalServiceId}/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description External service ID (UUID). */
                externalServiceId: components["parameters"]["ExternalServiceId"];
            };
            cookie?: never;
        };
        /**
         * List organizations for external service
         * @description Retrieve organizations linked to a specific external service, oldest relation first, paged by `offset`/`limit`; `totalCount` counts them all.
         */
        get: operations["listExternalServiceOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{organizationId}/users/{userId}/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id. */
                organizationId: string;
                /** @description The user's id. */
                userId: string;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Link user to organization or update subscription
         * @description Link a user to an organization or update the user's subscription within that
         *     organization. If `subscription` is `PRO`, the membership is marked as externally
         *     managed and takes one of the external service's PRO seats; over the quota answers
         *     403 `pro_user_quota_exceeded`. `FREE` frees the seat and clears the flag. Setting
         *     the current subscription again is a no-op. The service comes from the token.
         */
        put: operations["upsertOrganizationUserSubscription"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-services/{externalServiceId}/organizations/{organizationId}/relation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description External service ID (UUID). */
                externalServiceId: components["parameters"]["ExternalServiceId"];
                /** @description The organization's id. */
                organizationId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink organization
         * @description Deletes the service's relation with the organization; later organization-scoped calls answer 403 `organization_access_denied`, and a second unlink 404. The memberships the service managed lose their externally-managed flag and PRO seats.
         */
        delete: operations["deleteOrganizationRelation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Wingfield's error envelope. Clients ignore unknown extra members. */
        WingfieldError: {
            error: {
                type: string;
                message: string;
                issues?: components["schemas"]["Issue"][];
            };
        };
        /** @description One validation problem (Zod-style). */
        Issue: {
            code: string;
            path: (string | number)[];
            message: string;
        };
        ErrorInvalidSchema: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @constant */
                type?: "invalid_schema";
            };
        };
        ErrorUnauthorized: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @enum {unknown} */
                type?: "missing_api_token" | "invalid_api_token";
            };
        };
        ErrorClaimForbidden: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @enum {unknown} */
                type?: "scope_permission_denied" | "external_service_access_denied" | "organization_access_denied";
            };
        };
        ErrorServiceForbidden: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @enum {unknown} */
                type?: "scope_permission_denied" | "external_service_access_denied";
            };
        };
        ErrorSubscriptionForbidden: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @enum {unknown} */
                type?: "scope_permission_denied" | "organization_access_denied" | "pro_user_quota_exceeded";
            };
        };
        ErrorConnectTokenNotFound: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @constant */
                type?: "connect_token_not_found";
            };
        };
        ErrorOrganizationOrUserNotFound: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @enum {unknown} */
                type?: "organization_not_found" | "user_not_found";
            };
        };
        ErrorRelationNotFound: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @constant */
                type?: "organization_relation_not_found";
            };
        };
        ErrorClaimConflict: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @enum {unknown} */
                type?: "connect_token_unusable" | "external_organization_id_mismatch" | "external_organization_id_already_in_use";
            };
        };
        ErrorExpiredConnectToken: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @constant */
                type?: "expired_connect_token";
            };
        };
        ErrorMalformedConnectToken: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @constant */
                type?: "malformed_connect_token";
            };
        };
        ErrorInternal: components["schemas"]["WingfieldError"] & {
            error?: {
                /** @constant */
                type?: "internal_server_error";
            };
        };
        /** @description An empty object. */
        Empty: Record<string, never>;
        OrganizationRelation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            externalServiceId: string;
            /** Format: uuid */
            organizationId: string;
            externalOrganizationId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrganizationWithRelation: {
            /** Format: uuid */
            id: string;
            name: string;
            relation: components["schemas"]["OrganizationRelation"];
        };
        OrganizationPage: {
            items: components["schemas"]["OrganizationWithRelation"][];
            totalCount: number;
        };
        ClaimOrganizationRelationRequest: {
            /**
             * @description The connect token the organization handed out: `wct_` and 32 letters or digits. A
             *     string that breaks only this pattern answers 422 `malformed_connect_token` (not 400
             *     `invalid_schema`).
             * @example wct_3Fh8Kq2LmN5pR7sT9vW1xY4zA6bC8dE0
             */
            connectToken: string;
            /** @description The partner's own id for the organization. */
            externalOrganizationId: string;
        };
        SubscriptionRequest: {
            /** @enum {string} */
            subscription: "FREE" | "PRO";
        };
        /** ExternalServiceRecord */
        ExternalServiceRecord: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description How many PRO seats the service may hold across organizations. */
            pro_quota: number;
        };
        /** ApiTokenRecord */
        ApiTokenRecord: {
            token: string;
            label: string;
            /** Format: uuid */
            external_service_id: string;
            scopes: {
                /**
                 * @description `write` satisfies `read`.
                 * @enum {string}
                 */
                user: "none" | "read" | "write";
                /**
                 * @description `write` satisfies `read`.
                 * @enum {string}
                 */
                organization: "none" | "read" | "write";
                /**
                 * @description `write` satisfies `read`.
                 * @enum {string}
                 */
                "court-booking": "none" | "read" | "write";
            };
            expires_at: string | null;
        };
        /** UserRecord */
        UserRecord: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
        };
    };
    responses: {
        /** @description Request validation failed. */
        InvalidSchema: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorInvalidSchema"];
            };
        };
        /** @description No authentication token provided, or an invalid or expired one. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorUnauthorized"];
            };
        };
        /** @description Insufficient permissions, a token of another external service, or a connect token not issued to this service. */
        ClaimForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorClaimForbidden"];
            };
        };
        /** @description Insufficient permissions, or a token of another external service. */
        ServiceForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorServiceForbidden"];
            };
        };
        /** @description Insufficient permissions, no relation with the organization, or the PRO quota is used up. */
        SubscriptionForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorSubscriptionForbidden"];
            };
        };
        /** @description Connect token was not found. */
        ConnectTokenNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorConnectTokenNotFound"];
            };
        };
        /** @description The organization or the user does not exist. */
        OrganizationOrUserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorOrganizationOrUserNotFound"];
            };
        };
        /** @description The service has no relation with this organization. */
        RelationNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorRelationNotFound"];
            };
        };
        /** @description The token is already claimed, cancelled or consumed, or the external organization id conflicts. */
        ClaimConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorClaimConflict"];
            };
        };
        /** @description Connect token has expired. */
        ExpiredConnectToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorExpiredConnectToken"];
            };
        };
        /** @description Connect token format is invalid. */
        MalformedConnectToken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorMalformedConnectToken"];
            };
        };
        /** @description Unexpected server error. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorInternal"];
            };
        };
    };
    parameters: {
        /** @description External service ID (UUID). */
        ExternalServiceId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    claimOrganizationRelation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description External service ID (UUID). */
                externalServiceId: components["parameters"]["ExternalServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimOrganizationRelationRequest"];
            };
        };
        responses: {
            /** @description The created or confirmed organization relation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationRelation"];
                };
            };
            400: components["responses"]["InvalidSchema"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ClaimForbidden"];
            404: components["responses"]["ConnectTokenNotFound"];
            409: components["responses"]["ClaimConflict"];
            410: components["responses"]["ExpiredConnectToken"];
            422: components["responses"]["MalformedConnectToken"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listExternalServiceOrganizations: {
        parameters: {
            query?: {
                /** @description Number of items to skip. */
                offset?: number;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description External service ID (UUID). */
                externalServiceId: components["parameters"]["ExternalServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organizations linked to the service. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationPage"];
                };
            };
            400: components["responses"]["InvalidSchema"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ServiceForbidden"];
            500: components["responses"]["InternalServerError"];
        };
    };
    upsertOrganizationUserSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id. */
                organizationId: string;
                /** @description The user's id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionRequest"];
            };
        };
        responses: {
            /** @description Linked or updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["InvalidSchema"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["SubscriptionForbidden"];
            404: components["responses"]["OrganizationOrUserNotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteOrganizationRelation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description External service ID (UUID). */
                externalServiceId: components["parameters"]["ExternalServiceId"];
                /** @description The organization's id. */
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlinked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Empty"];
                };
            };
            400: components["responses"]["InvalidSchema"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ServiceForbidden"];
            404: components["responses"]["RelationNotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
