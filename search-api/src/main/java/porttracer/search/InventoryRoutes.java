package porttracer.search;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Sites, floors, switches (one by one or as CSV), port overrides and host keys: for superadmin only. */
record InventoryRoutes(InventoryAdmin admin, InventorySettings siteSettings, HostKeyReview hostKeys,
                       SwitchDirectory switches, AuditTrail audit) {

    void register(Routes routes) {
        Role su = Role.SUPERADMIN;
        routes.add(GET, "/api/v1/sites", su, ctx -> ctx.json(siteSettings.sites()))
                .add(POST, "/api/v1/sites", su, this::createSite)
                .add(PUT, "/api/v1/sites/{id}", su, this::updateSite)
                .add(DELETE, "/api/v1/sites/{id}", su, deleting("site", admin::deleteSite))
                .add(POST, "/api/v1/sites/{id}/floors", su, this::createFloor)
                .add(DELETE, "/api/v1/floors/{id}", su, deleting("floor", admin::deleteFloor))
                .add(PUT, "/api/v1/floors/{id}", su, this::renameFloor)
                .add(POST, "/api/v1/sites/import", su, this::importSites)
                .add(POST, "/api/v1/switches", su, this::createSwitch)
                .add(PUT, "/api/v1/switches/{id}", su, this::updateSwitch)
                .add(DELETE, "/api/v1/switches/{id}", su, deleting("switch", admin::deleteSwitch))
                .add(POST, "/api/v1/switches/import", su, this::importSwitches)
                .add(GET, "/api/v1/switches/{id}/overrides", su,
                        ctx -> ctx.json(admin.portOverrides(Requests.intPath(ctx, "id"))))
                .add(PUT, "/api/v1/switches/{id}/overrides", su, this::putOverride)
                .add(DELETE, "/api/v1/switches/{id}/overrides", su, this::deleteOverride)
                .add(PUT, "/api/v1/switches/{id}/host-key", su, this::acceptHostKey)
                .add(GET, "/api/v1/switches/{id}/host-key", su,
                        ctx -> ctx.header("Cache-Control", "no-store").json(hostKeys.view(Requests.intPath(ctx, "id"))))
                .add(POST, "/api/v1/switches/{id}/host-key/accept-offered", su, this::acceptOfferedHostKey);
    }

    private void createSite(Context ctx) {
        int id = admin.createSite(Requests.body(ctx).path("name").asText(null));
        changed(ctx, "site " + id + " created");
        ctx.status(201).json(Map.of("id", id));
    }

    private void updateSite(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        siteSettings.updateSite(id, Requests.fields(Requests.body(ctx)));
        changed(ctx, "site " + id + " updated");
        ctx.status(204);
    }

    private void createFloor(Context ctx) {
        int site = Requests.intPath(ctx, "id");
        int id = admin.createFloor(site, Requests.body(ctx).path("name").asText(null));
        changed(ctx, "floor " + id + " created on site " + site);
        ctx.status(201).json(Map.of("id", id));
    }

    private void renameFloor(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        siteSettings.renameFloor(id, Requests.body(ctx).path("name").asText(null));
        changed(ctx, "floor " + id + " renamed");
        ctx.status(204);
    }

    private void importSites(Context ctx) {
        csvBody(ctx, "sites", InventorySettings.SITE_CSV_COLUMNS);
        Map<String, Object> result = siteSettings.importSites(ctx.body());
        changed(ctx, "site import: " + result.get("created") + " created, " + result.get("updated") + " updated, "
                + ((List<?>) result.get("errors")).size() + " lines refused");
        ctx.json(result);
    }

    /** DELETE of an inventory record by the id in its path. */
    private Handler deleting(String what, IntConsumer delete) {
        return ctx -> {
            int id = Requests.intPath(ctx, "id");
            delete.accept(id);
            changed(ctx, what + " " + id + " deleted");
            ctx.status(204);
        };
    }

    private void createSwitch(Context ctx) {
        Map<String, String> fields = Requests.fields(Requests.body(ctx));
        InventoryAdmin.SwitchInput in = admin.switchInput(fields::get);
        Boolean routing = InventorySettings.routingFlag(fields.get("routing"));
        int id = admin.createSwitch(in);
        siteSettings.routing(id, routing);
        changed(ctx, "switch " + id + " " + in.name() + " created");
        ctx.status(201).json(Map.of("id", id));
    }

    private void updateSwitch(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        Map<String, String> fields = Requests.fields(Requests.body(ctx));
        InventoryAdmin.SwitchInput in = admin.switchInput(fields::get);
        Boolean routing = InventorySettings.routingFlag(fields.get("routing"));
        admin.updateSwitch(id, in);
        siteSettings.routing(id, routing);
        changed(ctx, "switch " + id + " " + in.name() + " updated");
        ctx.status(204);
    }

    private void importSwitches(Context ctx) {
        csvBody(ctx, "switches", InventoryAdmin.CSV_COLUMNS);
        InventorySettings.checkRouting(ctx.body());
        Map<String, Object> result = admin.importCsv(ctx.body());
        siteSettings.importRouting(ctx.body(), admin::switchIdByName);
        changed(ctx, "switch import: " + result.get("created") + " created, " + result.get("updated")
                + " updated, " + ((List<?>) result.get("errors")).size() + " lines refused");
        ctx.json(result);
    }

    private static void csvBody(Context ctx, String what, List<String> columns) {
        if (!String.valueOf(ctx.contentType()).startsWith("text/csv")) {
            throw new ApiError(415, "send the " + what + " as text/csv with a header line: " + String.join(",", columns));
        }
    }

    private void putOverride(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        JsonNode body = Requests.body(ctx);
        String port = Requests.required(body, "port");
        admin.putPortOverride(id, port, Requests.required(body, "role"), body.path("note").asText(null));
        changed(ctx, "switch " + id + " port " + port + " override " + body.path("role").asText());
        ctx.status(204);
    }

    private void deleteOverride(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        String port = ctx.queryParam("port");
        if (port == null || port.isBlank()) {
            throw new ApiError(400, "missing query parameter port");
        }
        admin.deletePortOverride(id, port);
        changed(ctx, "switch " + id + " port " + port + " override removed");
        ctx.status(204);
    }

    private void acceptHostKey(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        JsonNode key = Requests.body(ctx).path("hostKey");
        if (key.isMissingNode()) {
            throw new ApiError(400, "give hostKey: the OpenSSH public key to pin, or null to learn it on the next connection");
        }
        admin.acceptHostKey(id, key.isNull() ? null : key.asText());
        changed(ctx, "switch " + id + " host key " + (key.isNull() ? "reset" : "pinned"));
        ctx.status(204);
    }

    private void acceptOfferedHostKey(Context ctx) {
        int id = Requests.intPath(ctx, "id");
        String expected = ctx.body().isBlank() ? null : Requests.body(ctx).path("sha256").asText(null);
        Map<String, Object> pinned = hostKeys.acceptOffered(id, expected);
        changed(ctx, "switch " + id + " offered host key " + pinned.get("sha256") + " pinned");
        ctx.json(Map.of("switchId", id, "pinned", pinned));
    }

    /** The switch directory reloads, and the change is audited. */
    private void changed(Context ctx, String detail) {
        switches.invalidate();
        audit.record(ctx, "inventory", detail, "ok");
    }
}
