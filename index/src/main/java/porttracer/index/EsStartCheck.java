package porttracer.index;

import java.io.IOException;
import javax.net.ssl.SSLException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import porttracer.config.StartupException;

/**
 * Asks Elasticsearch once at start whether it accepts our credentials and we trust its certificate, so a wrong
 * password or CA stops the node with one line naming the setting instead of failing every write later.
 * An unreachable cluster is not a start failure: the collector spools until it returns.
 */
public final class EsStartCheck {

    private EsStartCheck() {
    }

    /** Throws {@link StartupException} for refused credentials, missing privileges or an untrusted certificate. */
    public static void verify(Elastic elastic, EsAccess access) {
        try {
            elastic.rest().performRequest(new Request("GET", "/_cluster/health"));
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 401) {
                throw new StartupException("Elasticsearch at " + access.url() + " refused the credentials: check "
                        + access.credentialSetting(), e);
            }
            if (status == 403) {
                throw new StartupException("Elasticsearch at " + access.url() + " accepted the credentials of "
                        + access.credentialSetting() + " but denies cluster monitor privilege (see README, Elasticsearch security)", e);
            }
        } catch (IOException e) {
            if (causedBy(e, SSLException.class)) {
                throw new StartupException("Elasticsearch at " + access.url() + " presented a certificate that is not trusted: check "
                        + access.trustSetting() + " (" + rootMessage(e) + ")", e);
            }
            // Unreachable: not a configuration error; writes spool until it answers.
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
