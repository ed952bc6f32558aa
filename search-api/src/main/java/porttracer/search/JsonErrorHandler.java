package porttracer.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answers to requests it refuses before Javalin sees them (a raw non-UTF-8 byte or a NUL in the URI, a
 * bad escape): JSON {"error": ...} like every other API error, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String BODY = "{\"error\":\"malformed request: the URI or a header is not valid "
            + "(bad percent-encoding, a byte that is not UTF-8, or a NUL)\"}";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        response.setContentType("application/json");
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
        baseRequest.setHandled(true);
    }
}
