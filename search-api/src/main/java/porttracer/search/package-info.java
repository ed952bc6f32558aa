/**
 * The HTTP API and the web page: who may ask (authentication, roles, quotas, audit) and the answers to
 * "where is this MAC, what is on this port" read from the index.
 *
 * <p>How a request travels: {@link porttracer.search.ApiServer} builds everything from one
 * {@link porttracer.search.ApiConfig}; {@link porttracer.search.Admission} is the one before-handler
 * (headers, load shedding, cross-site guard, login, the role a route declares); the route groups
 * ({@code LookupRoutes}, {@code LiveTraceRoutes}, {@code AccountRoutes}, {@code InventoryRoutes},
 * {@code AlertRoutes}, {@code OperationRoutes}) each register their routes and read input through
 * {@code Requests}; the answering classes ({@code Traces}, {@code Search}, {@code PortViews},
 * {@code PortHistory}, {@code SwitchDirectory}, {@code LiveTraces}...) know nothing of HTTP but
 * {@code ApiError}. One package, so that the answering classes stay package-private.
 *
 * <p>May use: core ({@code porttracer.domain}, {@code porttracer.config}), {@code porttracer.store},
 * {@code porttracer.index} (its {@code LiveLookup} for live traces), {@code porttracer.alert}; never collect (no
 * SSH or Quartz here); Javalin, Jackson, Prometheus, bcrypt and UnboundID LDAP. Route groups hold no SQL; nothing
 * outside the app module's composition root depends on this package.
 */
package porttracer.search;
