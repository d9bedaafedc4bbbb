// Generated from the served OpenAPI document by `npm run client`; do not edit.
// Use with openapi-fetch: createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' }).
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links to the API reference, the OpenAPI document and health checks */
        get: operations["getRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links to the API reference, the OpenAPI document and health checks */
        get: operations["getApiV1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process runs */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Postgres answers and the server is not shutting down (Redis is reported) */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (role is always user) */
        post: operations["postAuthRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access and a refresh token */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token; reusing a rotated one revokes its whole family */
        post: operations["postAuthRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke one refresh token (204 also when it was already revoked or is unknown) */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every refresh token of the caller */
        post: operations["postAuthLogoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getUsersMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live products, oldest first; pass nextCursor back as cursor for the next page */
        get: operations["getProducts"];
        put?: never;
        /** Create a product (admin); currency defaults to USD */
        post: operations["postProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One live product (400 for a non-UUID id; 404 when unknown or archived) */
        get: operations["getProductsById"];
        put?: never;
        post?: never;
        /** Archive a product (admin): no longer listed, fetched, updated or orderable; order lines keep it. A second DELETE answers 404 */
        delete: operations["deleteProductsById"];
        options?: never;
        head?: never;
        /** Change any non-empty subset of fields (admin). If-Match: "<version>" (W/ tolerated, * = any) guards against lost updates: 412 when stale */
        patch: operations["patchProductsById"];
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders newest first: your own, or everyone's for an admin; pass nextCursor back as cursor for the next page */
        get: operations["getOrders"];
        put?: never;
        /** Place an order: stock is checked and taken atomically. Optional Idempotency-Key makes retries safe */
        post: operations["postOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order: the owner's or, for an admin, anyone's (404 otherwise) */
        get: operations["getOrdersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending or confirmed order (owner or admin); its stock is restored */
        post: operations["postOrdersByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship a confirmed order (admin), recording its carrier and tracking number */
        post: operations["postOrdersByIdShip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the delivery of a shipped order (admin) */
        post: operations["postOrdersByIdDeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's status history, oldest first: the owner's or, for an admin, anyone's */
        get: operations["getOrdersByIdHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints, newest first (admin); pass nextCursor back as cursor */
        get: operations["getWebhookEndpoints"];
        put?: never;
        /** Add a webhook endpoint (admin); its signing secret is in this answer only */
        post: operations["postWebhookEndpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (admin) */
        get: operations["getWebhookEndpointsById"];
        put?: never;
        post?: never;
        /** Remove a webhook endpoint and its delivery log (admin) */
        delete: operations["deleteWebhookEndpointsById"];
        options?: never;
        head?: never;
        /** Change the URL, event types, description or enabled flag (admin) */
        patch: operations["patchWebhookEndpointsById"];
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (admin); the next delivery attempt uses the new one */
        post: operations["postWebhookEndpointsByIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's delivery log, newest first, optionally by status (admin) */
        get: operations["getWebhookEndpointsByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed delivery again, with the same webhook-id (admin) */
        post: operations["postWebhookEndpointsByIdDeliveriesByDeliveryIdRetry"];
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
         * @example {
         *       "id": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
         *       "email": "demo@example.com",
         *       "name": "Demo",
         *       "role": "user",
         *       "createdAt": "2026-12-01T09:30:00.000Z"
         *     }
         */
        User: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            name: string | null;
            /** @enum {string} */
            role: "user" | "admin";
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @description Tokens for the signed-in user
         * @example {
         *       "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjZj…",
         *       "refreshToken": "mZ3vQ0c1r8mT0bE3l4pGmV0P6Jk2hXo9aQ1sW7yTz5U",
         *       "tokenType": "Bearer",
         *       "expiresIn": 900,
         *       "user": {
         *         "id": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
         *         "email": "demo@example.com",
         *         "name": "Demo",
         *         "role": "user",
         *         "createdAt": "2026-12-01T09:30:00.000Z"
         *       }
         *     }
         */
        Session: {
            /** @description JWT to send as `Authorization: Bearer <accessToken>` */
            accessToken: string;
            /** @description Opaque; exchange it at /auth/refresh (it rotates) */
            refreshToken: string;
            /** @constant */
            tokenType: "Bearer";
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            user: components["schemas"]["User"];
        };
        /**
         * @description RFC 9457 problem details; extra members (e.g. `shortages`, `productIds`) carry details
         * @example {
         *       "type": "about:blank",
         *       "title": "Bad Request",
         *       "status": 400,
         *       "code": "VALIDATION_FAILED",
         *       "detail": "The body failed validation",
         *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84",
         *       "errors": [
         *         {
         *           "path": "email",
         *           "message": "Invalid email address"
         *         }
         *       ]
         *     }
         */
        Problem: {
            /** @description Always `about:blank`: `code` says what went wrong */
            type: string;
            /** @description The HTTP reason phrase of `status` */
            title: string;
            status: number;
            /**
             * @description Stable and machine-readable: match on this
             * @enum {string}
             */
            code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "INVALID_REFRESH_TOKEN" | "FORBIDDEN" | "NOT_FOUND" | "EMAIL_TAKEN" | "SKU_TAKEN" | "INSUFFICIENT_STOCK" | "INVALID_ORDER_STATE" | "IDEMPOTENCY_KEY_IN_USE" | "INVALID_DELIVERY_STATE" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "PRODUCT_UNAVAILABLE" | "CURRENCY_MISMATCH" | "IDEMPOTENCY_KEY_REUSED" | "RATE_LIMITED" | "INTERNAL" | "SERVICE_UNAVAILABLE";
            /** @description For people; may change */
            detail: string;
            /** @description The X-Request-Id of this exchange */
            requestId: string;
            /** @description Present on VALIDATION_FAILED: one entry per failing field */
            errors?: {
                path: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Lines are ordered by productId; money in minor units of `currency`
         * @example {
         *       "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
         *       "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
         *       "status": "pending",
         *       "currency": "USD",
         *       "totalCents": 3600,
         *       "items": [
         *         {
         *           "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
         *           "name": "Enamel camp mug",
         *           "quantity": 2,
         *           "unitPriceCents": 1800,
         *           "lineTotalCents": 3600
         *         }
         *       ],
         *       "shipment": null,
         *       "createdAt": "2026-12-01T09:31:00.000Z",
         *       "updatedAt": "2026-12-01T09:31:00.000Z"
         *     }
         */
        Order: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "shipped" | "delivered" | "cancelled" | "expired";
            currency: string;
            totalCents: number;
            items: {
                /** Format: uuid */
                productId: string;
                name: string;
                quantity: number;
                unitPriceCents: number;
                lineTotalCents: number;
            }[];
            shipment: {
                carrier: string;
                trackingNumber: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description A page of orders, newest first; nextCursor is null on the last page
         * @example {
         *       "items": [
         *         {
         *           "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
         *           "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
         *           "status": "pending",
         *           "currency": "USD",
         *           "totalCents": 3600,
         *           "items": [
         *             {
         *               "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
         *               "name": "Enamel camp mug",
         *               "quantity": 2,
         *               "unitPriceCents": 1800,
         *               "lineTotalCents": 3600
         *             }
         *           ],
         *           "shipment": null,
         *           "createdAt": "2026-12-01T09:31:00.000Z",
         *           "updatedAt": "2026-12-01T09:31:00.000Z"
         *         }
         *       ],
         *       "nextCursor": null
         *     }
         */
        OrderPage: {
            items: components["schemas"]["Order"][];
            nextCursor: string | null;
        };
        /** @description A status the order reached; reason is null or a short code (payment_declined, expired, customer, admin) */
        OrderHistoryEntry: {
            /** @enum {string} */
            status: "pending" | "confirmed" | "shipped" | "delivered" | "cancelled" | "expired";
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            actor: "user" | "admin" | "system";
            reason: string | null;
        };
        /**
         * @description Every status the order reached, oldest first, starting with pending
         * @example {
         *       "items": [
         *         {
         *           "status": "pending",
         *           "at": "2026-12-01T09:31:00.000Z",
         *           "actor": "user",
         *           "reason": null
         *         },
         *         {
         *           "status": "confirmed",
         *           "at": "2026-12-01T09:31:00.120Z",
         *           "actor": "system",
         *           "reason": null
         *         },
         *         {
         *           "status": "cancelled",
         *           "at": "2026-12-01T10:02:41.503Z",
         *           "actor": "user",
         *           "reason": "customer"
         *         }
         *       ]
         *     }
         */
        OrderHistory: {
            items: components["schemas"]["OrderHistoryEntry"][];
        };
        /**
         * @example {
         *       "id": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
         *       "sku": "DEMO-MUG",
         *       "name": "Enamel camp mug",
         *       "description": "Holds 350 ml; survives campfires.",
         *       "priceCents": 1800,
         *       "currency": "USD",
         *       "stock": 120,
         *       "version": 1,
         *       "createdAt": "2026-12-01T09:30:00.000Z",
         *       "updatedAt": "2026-12-01T09:30:00.000Z"
         *     }
         */
        Product: {
            /** Format: uuid */
            id: string;
            sku: string | null;
            name: string;
            description: string | null;
            /** @description Price in minor units of `currency` */
            priceCents: number;
            /** @description ISO-4217 code */
            currency: string;
            stock: number;
            /** @description Increments on every change; the ETag is `"<version>"` */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description A page of products; nextCursor is null on the last page
         * @example {
         *       "items": [
         *         {
         *           "id": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
         *           "sku": "DEMO-MUG",
         *           "name": "Enamel camp mug",
         *           "description": "Holds 350 ml; survives campfires.",
         *           "priceCents": 1800,
         *           "currency": "USD",
         *           "stock": 120,
         *           "version": 1,
         *           "createdAt": "2026-12-01T09:30:00.000Z",
         *           "updatedAt": "2026-12-01T09:30:00.000Z"
         *         }
         *       ],
         *       "nextCursor": null
         *     }
         */
        ProductPage: {
            items: components["schemas"]["Product"][];
            nextCursor: string | null;
        };
        /**
         * @example {
         *       "id": "5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d",
         *       "url": "https://hooks.example.com/orders",
         *       "eventTypes": [
         *         "order.confirmed",
         *         "order.shipped"
         *       ],
         *       "description": "Fulfilment partner",
         *       "enabled": true,
         *       "createdAt": "2026-12-01T09:30:00.000Z",
         *       "updatedAt": "2026-12-01T09:30:00.000Z"
         *     }
         */
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            eventTypes: ("order.created" | "order.confirmed" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.expired")[];
            description: string | null;
            enabled: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description A page of endpoints, newest first; nextCursor is null on the last page
         * @example {
         *       "items": [
         *         {
         *           "id": "5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d",
         *           "url": "https://hooks.example.com/orders",
         *           "eventTypes": [
         *             "order.confirmed",
         *             "order.shipped"
         *           ],
         *           "description": "Fulfilment partner",
         *           "enabled": true,
         *           "createdAt": "2026-12-01T09:30:00.000Z",
         *           "updatedAt": "2026-12-01T09:30:00.000Z"
         *         }
         *       ],
         *       "nextCursor": null
         *     }
         */
        WebhookEndpointPage: {
            items: components["schemas"]["WebhookEndpoint"][];
            nextCursor: string | null;
        };
        /**
         * @example {
         *       "id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
         *       "eventId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
         *       "eventType": "order.confirmed",
         *       "status": "failed",
         *       "attempts": 10,
         *       "lastStatusCode": 503,
         *       "lastError": "HTTP 503",
         *       "nextAttemptAt": null,
         *       "createdAt": "2026-12-01T09:30:00.000Z",
         *       "updatedAt": "2026-12-01T09:41:12.000Z"
         *     }
         */
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Also the `webhook-id` header of every attempt
             */
            eventId: string;
            /** @enum {string} */
            eventType: "order.created" | "order.confirmed" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.expired";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            attempts: number;
            /** @description HTTP status of the last answer; null if none */
            lastStatusCode: number | null;
            lastError: string | null;
            nextAttemptAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description A page of the delivery log, newest first; nextCursor is null on the last page
         * @example {
         *       "items": [
         *         {
         *           "id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
         *           "eventId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
         *           "eventType": "order.confirmed",
         *           "status": "failed",
         *           "attempts": 10,
         *           "lastStatusCode": 503,
         *           "lastError": "HTTP 503",
         *           "nextAttemptAt": null,
         *           "createdAt": "2026-12-01T09:30:00.000Z",
         *           "updatedAt": "2026-12-01T09:41:12.000Z"
         *         }
         *       ],
         *       "nextCursor": null
         *     }
         */
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to go from here */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": "orders",
                     *       "links": {
                     *         "api": "/api/v1",
                     *         "docs": "/docs",
                     *         "openapi": "/docs/openapi.json",
                     *         "liveness": "/healthz",
                     *         "readiness": "/readyz",
                     *         "products": "/api/v1/products",
                     *         "orders": "/api/v1/orders"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        service: "orders";
                        links: {
                            api: string;
                            docs: string;
                            openapi: string;
                            liveness: string;
                            readiness: string;
                            products: string;
                            orders: string;
                        };
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiV1: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to go from here */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "service": "orders",
                     *       "links": {
                     *         "api": "/api/v1",
                     *         "docs": "/docs",
                     *         "openapi": "/docs/openapi.json",
                     *         "liveness": "/healthz",
                     *         "readiness": "/readyz",
                     *         "products": "/api/v1/products",
                     *         "orders": "/api/v1/orders"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        service: "orders";
                        links: {
                            api: string;
                            docs: string;
                            openapi: string;
                            liveness: string;
                            readiness: string;
                            products: string;
                            orders: string;
                        };
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process runs */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve; Redis may be down (rate limits then fail open) */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "checks": {
                     *         "postgres": "up",
                     *         "redis": "up"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        checks: {
                            /** @enum {string} */
                            postgres: "up" | "down";
                            /** @enum {string} */
                            redis: "up" | "down";
                        };
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery",
                 *       "name": "Ada"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The account */
            201: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "email": "demo@example.com",
                     *         "name": "Demo",
                     *         "role": "user",
                     *         "createdAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        user: components["schemas"]["User"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: problem details, `code` RATE_LIMITED */
            429: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "code": "RATE_LIMITED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "demo@example.com",
                 *       "password": "demo-password"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: problem details, `code` RATE_LIMITED */
            429: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "code": "RATE_LIMITED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "mZ3vQ0c1r8mT0bE3l4pGmV0P6Jk2hXo9aQ1sW7yTz5U"
                 *     }
                 */
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refreshToken": "mZ3vQ0c1r8mT0bE3l4pGmV0P6Jk2hXo9aQ1sW7yTz5U"
                 *     }
                 */
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthLogoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUsersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "email": "demo@example.com",
                     *         "name": "Demo",
                     *         "role": "user",
                     *         "createdAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        user: components["schemas"]["User"];
                    };
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProducts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description Case-insensitive substring of the name, taken literally (`%` and `_` too); up to 64 characters, with at least 3 letters or digits in a row */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: problem details, `code` RATE_LIMITED */
            429: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "code": "RATE_LIMITED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Requests allowed in the current window */
                    "RateLimit-Limit"?: string;
                    /** @description Requests left in the current window */
                    "RateLimit-Remaining"?: string;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Enamel camp mug",
                 *       "sku": "MUG-350",
                 *       "priceCents": 1800,
                 *       "currency": "USD",
                 *       "stock": 120
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string | null;
                    sku?: string | null;
                    priceCents: number;
                    /** @default USD */
                    currency?: string;
                    stock: number;
                };
            };
        };
        responses: {
            /** @description The product */
            201: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Path of the resource just created */
                    Location: string;
                    /** @description The version as a strong ETag, `"<version>"`; send it back in If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "product": {
                     *         "id": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *         "sku": "DEMO-MUG",
                     *         "name": "Enamel camp mug",
                     *         "description": "Holds 350 ml; survives campfires.",
                     *         "priceCents": 1800,
                     *         "currency": "USD",
                     *         "stock": 120,
                     *         "version": 1,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description The version as a strong ETag, `"<version>"`; send it back in If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "product": {
                     *         "id": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *         "sku": "DEMO-MUG",
                     *         "name": "Enamel camp mug",
                     *         "description": "Holds 350 ml; survives campfires.",
                     *         "priceCents": 1800,
                     *         "currency": "USD",
                     *         "stock": 120,
                     *         "version": 1,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchProductsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only if the product is still at this version; otherwise 412 */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "priceCents": 1950,
                 *       "stock": 100
                 *     }
                 */
                "application/json": {
                    name?: string;
                    description?: string | null;
                    sku?: string | null;
                    priceCents?: number;
                    currency?: string;
                    stock?: number;
                };
            };
        };
        responses: {
            /** @description The product */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description The version as a strong ETag, `"<version>"`; send it back in If-Match */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "product": {
                     *         "id": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *         "sku": "DEMO-MUG",
                     *         "name": "Enamel camp mug",
                     *         "description": "Holds 350 ml; survives campfires.",
                     *         "priceCents": 1800,
                     *         "currency": "USD",
                     *         "stock": 120,
                     *         "version": 1,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        product: components["schemas"]["Product"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: problem details, `code` PRECONDITION_FAILED */
            412: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Precondition Failed",
                     *       "status": 412,
                     *       "code": "PRECONDITION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrders: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "confirmed" | "shipped" | "delivered" | "cancelled" | "expired";
                /** @description Admins: only this user's orders. Anyone else may pass only their own id (else 403) */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrders: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe for 24 h: the same key and body replay the first 201 (with Idempotency-Replayed: true); errors are not stored, so a failed attempt may be retried with the same key */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                 *           "quantity": 2
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    items: {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description The order */
            201: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Path of the resource just created */
                    Location: string;
                    /** @description Present (`true`) when this is the stored answer to an earlier request */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "order": {
                     *         "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
                     *         "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "status": "pending",
                     *         "currency": "USD",
                     *         "totalCents": 3600,
                     *         "items": [
                     *           {
                     *             "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *             "name": "Enamel camp mug",
                     *             "quantity": 2,
                     *             "unitPriceCents": 1800,
                     *             "lineTotalCents": 3600
                     *           }
                     *         ],
                     *         "shipment": null,
                     *         "createdAt": "2026-12-01T09:31:00.000Z",
                     *         "updatedAt": "2026-12-01T09:31:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        order: components["schemas"]["Order"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity: problem details, `code` PRODUCT_UNAVAILABLE or CURRENCY_MISMATCH or IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unprocessable Entity",
                     *       "status": 422,
                     *       "code": "PRODUCT_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "order": {
                     *         "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
                     *         "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "status": "pending",
                     *         "currency": "USD",
                     *         "totalCents": 3600,
                     *         "items": [
                     *           {
                     *             "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *             "name": "Enamel camp mug",
                     *             "quantity": 2,
                     *             "unitPriceCents": 1800,
                     *             "lineTotalCents": 3600
                     *           }
                     *         ],
                     *         "shipment": null,
                     *         "createdAt": "2026-12-01T09:31:00.000Z",
                     *         "updatedAt": "2026-12-01T09:31:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        order: components["schemas"]["Order"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrdersByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "order": {
                     *         "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
                     *         "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "status": "pending",
                     *         "currency": "USD",
                     *         "totalCents": 3600,
                     *         "items": [
                     *           {
                     *             "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *             "name": "Enamel camp mug",
                     *             "quantity": 2,
                     *             "unitPriceCents": 1800,
                     *             "lineTotalCents": 3600
                     *           }
                     *         ],
                     *         "shipment": null,
                     *         "createdAt": "2026-12-01T09:31:00.000Z",
                     *         "updatedAt": "2026-12-01T09:31:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        order: components["schemas"]["Order"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrdersByIdShip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "carrier": "DHL",
                 *       "trackingNumber": "JD014600006281"
                 *     }
                 */
                "application/json": {
                    carrier: string;
                    trackingNumber: string;
                };
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "order": {
                     *         "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
                     *         "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "status": "pending",
                     *         "currency": "USD",
                     *         "totalCents": 3600,
                     *         "items": [
                     *           {
                     *             "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *             "name": "Enamel camp mug",
                     *             "quantity": 2,
                     *             "unitPriceCents": 1800,
                     *             "lineTotalCents": 3600
                     *           }
                     *         ],
                     *         "shipment": null,
                     *         "createdAt": "2026-12-01T09:31:00.000Z",
                     *         "updatedAt": "2026-12-01T09:31:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        order: components["schemas"]["Order"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOrdersByIdDeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "order": {
                     *         "id": "6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55",
                     *         "userId": "0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10",
                     *         "status": "pending",
                     *         "currency": "USD",
                     *         "totalCents": 3600,
                     *         "items": [
                     *           {
                     *             "productId": "9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807",
                     *             "name": "Enamel camp mug",
                     *             "quantity": 2,
                     *             "unitPriceCents": 1800,
                     *             "lineTotalCents": 3600
                     *           }
                     *         ],
                     *         "shipment": null,
                     *         "createdAt": "2026-12-01T09:31:00.000Z",
                     *         "updatedAt": "2026-12-01T09:31:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        order: components["schemas"]["Order"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrdersByIdHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderHistory"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoints: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointPage"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/orders",
                 *       "eventTypes": [
                 *         "order.confirmed",
                 *         "order.shipped"
                 *       ],
                 *       "description": "Fulfilment partner"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description http(s); in production it must resolve to public addresses
                     */
                    url: string;
                    /** @description Defaults to every event type */
                    eventTypes?: ("order.created" | "order.confirmed" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.expired")[];
                    description?: string;
                };
            };
        };
        responses: {
            /** @description The endpoint and its signing secret (shown only once) */
            201: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Path of the resource just created */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d",
                     *         "url": "https://hooks.example.com/orders",
                     *         "eventTypes": [
                     *           "order.confirmed",
                     *           "order.shipped"
                     *         ],
                     *         "description": "Fulfilment partner",
                     *         "enabled": true,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       },
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": {
                        endpoint: components["schemas"]["WebhookEndpoint"];
                        /** @description `whsec_<base64 key>`; shown only here: store it now */
                        secret: string;
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook endpoint */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d",
                     *         "url": "https://hooks.example.com/orders",
                     *         "eventTypes": [
                     *           "order.confirmed",
                     *           "order.shipped"
                     *         ],
                     *         "description": "Fulfilment partner",
                     *         "enabled": true,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        endpoint: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description http(s); in production it must resolve to public addresses
                     */
                    url?: string;
                    eventTypes?: ("order.created" | "order.confirmed" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.expired")[];
                    description?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The webhook endpoint */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d",
                     *         "url": "https://hooks.example.com/orders",
                     *         "eventTypes": [
                     *           "order.confirmed",
                     *           "order.shipped"
                     *         ],
                     *         "description": "Fulfilment partner",
                     *         "enabled": true,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        endpoint: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhookEndpointsByIdRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint and its signing secret (shown only once) */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "endpoint": {
                     *         "id": "5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d",
                     *         "url": "https://hooks.example.com/orders",
                     *         "eventTypes": [
                     *           "order.confirmed",
                     *           "order.shipped"
                     *         ],
                     *         "description": "Fulfilment partner",
                     *         "enabled": true,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:30:00.000Z"
                     *       },
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": {
                        endpoint: components["schemas"]["WebhookEndpoint"];
                        /** @description `whsec_<base64 key>`; shown only here: store it now */
                        secret: string;
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpointsByIdDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhookEndpointsByIdDeliveriesByDeliveryIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, pending again */
            202: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "delivery": {
                     *         "id": "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
                     *         "eventId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                     *         "eventType": "order.confirmed",
                     *         "status": "failed",
                     *         "attempts": 10,
                     *         "lastStatusCode": 503,
                     *         "lastError": "HTTP 503",
                     *         "nextAttemptAt": null,
                     *         "createdAt": "2026-12-01T09:30:00.000Z",
                     *         "updatedAt": "2026-12-01T09:41:12.000Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        delivery: components["schemas"]["WebhookDelivery"];
                    };
                };
            };
            /** @description Bad Request: problem details, `code` VALIDATION_FAILED */
            400: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "code": "VALIDATION_FAILED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: problem details, `code` UNAUTHENTICATED or INVALID_CREDENTIALS or INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "code": "UNAUTHENTICATED",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: problem details, `code` FORBIDDEN */
            403: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "FORBIDDEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: problem details, `code` NOT_FOUND */
            404: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "code": "NOT_FOUND",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: problem details, `code` EMAIL_TAKEN or SKU_TAKEN or INSUFFICIENT_STOCK or INVALID_ORDER_STATE or IDEMPOTENCY_KEY_IN_USE or INVALID_DELIVERY_STATE */
            409: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "code": "EMAIL_TAKEN",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Payload Too Large: problem details, `code` PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "code": "PAYLOAD_TOO_LARGE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: problem details, `code` UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "code": "UNSUPPORTED_MEDIA_TYPE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error: problem details, `code` INTERNAL */
            500: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "code": "INTERNAL",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: problem details, `code` SERVICE_UNAVAILABLE */
            503: {
                headers: {
                    /** @description Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "about:blank",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "code": "SERVICE_UNAVAILABLE",
                     *       "detail": "What went wrong, for people",
                     *       "requestId": "3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
