package porttracer.store;

import java.util.Optional;
import javax.sql.DataSource;
import porttracer.secure.SecretBox;
import porttracer.secure.SecretColumn;

/** Named switch login sets in PostgreSQL; passwords, enable passwords and keys sealed, bound to the set's name. */
public final class CredentialStore {

    private final DataSource db;
    private final SecretBox secrets;

    public CredentialStore(DataSource db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    /** Adds or replaces (by name) a login set; returns its id. */
    public int put(String name, String username, String password) {
        return Sql.id(db, "writing credential " + name, null, "insert into credential(name, username, secret) values (?, ?, ?) "
                        + "on conflict (name) do update set username = excluded.username, secret = excluded.secret returning id",
                name, username, secrets.seal(password, SecretColumn.CREDENTIAL.aad(name)));
    }

    /** Sets the login set's enable password and private key, sealed like its password (null: none). */
    public void setExtras(String name, String enablePassword, String privateKey) {
        Sql.update(db, "writing credential " + name, null,
                "update credential set enable_secret = ?, private_key_secret = ? where name = ?",
                enablePassword == null ? null : secrets.seal(enablePassword, SecretColumn.CREDENTIAL_ENABLE.aad(name)),
                privateKey == null ? null : secrets.seal(privateKey, SecretColumn.CREDENTIAL_KEY.aad(name)), name);
    }

    /** The login set's id, or null when there is none of that name. */
    public Integer id(String name) {
        return Sql.first(db, "reading credentials", "select id from credential where name = ?", rs -> rs.getInt(1), name)
                .orElse(null);
    }

    /** The switch's own login set, else its site's, opened. */
    public Optional<Credentials> forSwitch(int switchId) {
        return Sql.first(db, "reading credentials of switch " + switchId,
                "select cr.username, cr.secret, cr.name, cr.enable_secret, cr.private_key_secret from switch s "
                        + "join site si on si.id = s.site_id "
                        + "join credential cr on cr.id = coalesce(s.credential_id, si.credential_id) where s.id = ?",
                rs -> {
                    String name = rs.getString(3);
                    byte[] enable = rs.getBytes(4);
                    byte[] key = rs.getBytes(5);
                    return new Credentials(rs.getString(1),
                            secrets.open(rs.getBytes(2), SecretColumn.CREDENTIAL.aad(name)),
                            enable == null ? null : secrets.open(enable, SecretColumn.CREDENTIAL_ENABLE.aad(name)),
                            key == null ? null : secrets.open(key, SecretColumn.CREDENTIAL_KEY.aad(name)));
                }, switchId);
    }
}
