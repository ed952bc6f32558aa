package porttracer.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import porttracer.domain.MacAddress;

/** Reading a request: its JSON body, required fields, MACs and whole-number or true/false parameters; bad input is a 400. */
final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** The body as a JSON object; 415 when it is not sent as JSON. */
    static JsonNode body(Context ctx) {
        if (!String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the body as application/json");
        }
        String text = ctx.body();
        if (text.isBlank()) {
            throw new ApiError(400, "a JSON body is required");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new ApiError(400, "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed JSON body: " + e.getOriginalMessage());
        }
    }

    /** The body's fields as text (null for JSON null), for validation shared with CSV lines. */
    static Map<String, String> fields(JsonNode body) {
        Map<String, String> out = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }

    static String required(JsonNode body, String field) {
        return required(body.path(field).asText(""), field);
    }

    /** The value itself, unless absent or blank. */
    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ApiError(400, name + " is required");
        }
        return value;
    }

    static MacAddress mac(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "missing " + where, Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        MacAddress mac = MacAddress.tryParse(text);
        if (mac == null) {
            throw new ApiError(400, "malformed MAC address in " + where, Map.of("accepted", MacAddress.ACCEPTED_NOTATIONS));
        }
        return mac;
    }

    /** A whole-number query parameter from min to max, {@code dflt} when absent. */
    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        return wholeNumber(ctx.queryParam(name), name, dflt, min, max);
    }

    /** A whole number from min to max, {@code dflt} when the value is absent. */
    static int wholeNumber(String value, String name, int dflt, int min, int max) {
        if (value == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new ApiError(400, name + " must be a whole number from " + min + " to " + max);
    }

    static int intPath(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " in the path must be a whole number");
        }
    }

    /** A true/false query parameter, false when absent. */
    static boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new ApiError(400, name + " must be true or false");
    }
}
