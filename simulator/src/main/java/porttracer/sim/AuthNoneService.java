package porttracer.sim;

import java.io.IOException;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.auth.AbstractUserAuthServiceFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.auth.AbstractUserAuth;
import org.apache.sshd.server.auth.AbstractUserAuthFactory;
import org.apache.sshd.server.auth.UserAuth;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;

/**
 * SSH auth "none" accepted, as PowerConnect does before asking for the login in the shell (Netmiko
 * dell_powerconnect.py: "the ssh server use the (none) auth mechanism"). RFC 4252 section 5.2 lets a
 * server accept "none"; MINA always answers it with a failure, so a "none" request is handed to MINA
 * under an internal method name whose authenticator accepts it.
 */
final class AuthNoneService extends ServerUserAuthService {

    static final String ACCEPTED_NONE = "none-accepted@porttracer.sim";

    AuthNoneService(Session session) throws IOException {
        super(session);
    }

    @Override
    public synchronized void process(int cmd, Buffer buffer) throws Exception {
        if (cmd == SshConstants.SSH_MSG_USERAUTH_REQUEST) {
            int pos = buffer.rpos();
            String user = buffer.getString();
            String service = buffer.getString();
            String method = buffer.getString();
            buffer.rpos(pos);
            if ("none".equals(method)) {
                Buffer renamed = new ByteArrayBuffer();
                renamed.putString(user);
                renamed.putString(service);
                renamed.putString(ACCEPTED_NONE);
                super.process(cmd, renamed);
                return;
            }
        }
        super.process(cmd, buffer);
    }

    /** The service factory that replaces MINA's user-auth service on a switch that accepts "none". */
    static final class Factory extends AbstractUserAuthServiceFactory {
        @Override
        public Service create(Session session) throws IOException {
            return new AuthNoneService(session);
        }
    }

    /** The authenticator behind {@link #ACCEPTED_NONE}: anyone, since the shell asks for the login. */
    static final class Accept extends AbstractUserAuthFactory {
        Accept() {
            super(ACCEPTED_NONE);
        }

        @Override
        public UserAuth createUserAuth(ServerSession session) {
            return new AbstractUserAuth(ACCEPTED_NONE) {
                @Override
                protected Boolean doAuth(Buffer buffer, boolean init) {
                    return Boolean.TRUE;
                }
            };
        }
    }
}
