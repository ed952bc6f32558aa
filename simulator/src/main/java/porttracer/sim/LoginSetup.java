package porttracer.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.DefaultKeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/** Applies a switch's SSH-level login behaviour to its MINA server: auth methods offered, legacy-only algorithms. */
final class LoginSetup {

    private LoginSetup() {
    }

    static void apply(SshServer sshd, SwitchLogin login, String username, Path rsaKeyFile) {
        List<UserAuthFactory> auth = new ArrayList<>();
        if (login.authMethods().contains("publickey")) {
            sshd.setPublickeyAuthenticator((user, key, session) -> username.equals(user)
                    && org.apache.sshd.common.config.keys.KeyUtils.compareKeys(login.authorizedKey(), key));
            auth.add(UserAuthPublicKeyFactory.INSTANCE);
        }
        if (login.authMethods().contains("password")) {
            auth.add(UserAuthPasswordFactory.INSTANCE);
        }
        if (login.authMethods().contains("keyboard-interactive")) {
            // MINA's default asks one echo-off "Password: " and checks it with the password authenticator.
            sshd.setKeyboardInteractiveAuthenticator(DefaultKeyboardInteractiveAuthenticator.INSTANCE);
            auth.add(UserAuthKeyboardInteractiveFactory.INSTANCE);
        }
        if (login.authMethods().contains("none")) {
            auth.add(new AuthNoneService.Accept());
            sshd.setServiceFactories(List.of(new AuthNoneService.Factory(),
                    org.apache.sshd.server.session.ServerConnectionServiceFactory.INSTANCE));
        }
        sshd.setUserAuthFactories(auth);
        if (login.legacyOnly()) {
            legacyOnly(sshd, rsaKeyFile);
        }
    }

    /**
     * What old PowerConnect/OS9 firmware offers: diffie-hellman-group1/14-sha1, aes-cbc and 3des-cbc, an RSA host key
     * signed with ssh-rsa (SHA-1), hmac-sha1 (OpenSSH legacy.html lists these as the algorithms of such devices).
     */
    @SuppressWarnings("deprecation")
    private static void legacyOnly(SshServer sshd, Path rsaKeyFile) {
        sshd.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                List.of(BuiltinDHFactories.dhg1, BuiltinDHFactories.dhg14), ServerBuilder.DH2KEX));
        sshd.setCipherFactories(new ArrayList<>(List.of(BuiltinCiphers.aes128cbc, BuiltinCiphers.aes256cbc,
                BuiltinCiphers.tripledescbc)));
        sshd.setSignatureFactories(new ArrayList<>(List.of(BuiltinSignatures.rsa)));
        SimpleGeneratorHostKeyProvider keys = rsaKeyFile == null ? new SimpleGeneratorHostKeyProvider()
                : new SimpleGeneratorHostKeyProvider(rsaKeyFile);
        keys.setAlgorithm("RSA");
        keys.setKeySize(2048);
        sshd.setKeyPairProvider(keys);
    }
}
