package porttracer.search;

import com.unboundid.util.ssl.PEMFileTrustManager;
import java.io.File;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** TLS client contexts trusting a PEM CA file, or the JVM's default trust store when none is given. */
final class TlsTrust {

    private TlsTrust() {
    }

    static SSLContext context(String caFile) throws GeneralSecurityException {
        TrustManager[] trust;
        if (!caFile.isBlank()) {
            trust = new TrustManager[] {new PEMFileTrustManager(new File(caFile.strip()))};
        } else {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            trust = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trust, null);
        return ctx;
    }
}
