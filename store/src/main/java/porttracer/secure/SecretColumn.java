package porttracer.secure;

import java.util.List;

/**
 * A database column holding sealed secrets, and how its rows are told apart: each ciphertext is bound (AES-GCM
 * associated data) to its table, column and row, so a ciphertext copied into another row or column fails to open.
 * To add a secret column (say an enable password): add its constant here and to {@link #ALL} (rotate-key and the
 * start-up migration then cover it), and seal/open its values with {@link #aad(Object)} of the row.
 */
public record SecretColumn(String table, String column, String rowKeyColumn) {

    /** Switch login passwords, per credential set (its unique name: credentials are upserted by name). */
    public static final SecretColumn CREDENTIAL = new SecretColumn("credential", "secret", "name");
    /** Enable passwords and SSH private keys of a credential set, bound to its name like its password. */
    public static final SecretColumn CREDENTIAL_ENABLE = new SecretColumn("credential", "enable_secret", "name");
    public static final SecretColumn CREDENTIAL_KEY = new SecretColumn("credential", "private_key_secret", "name");
    /** Webhook HMAC keys of alert rules, per rule id. */
    public static final SecretColumn ALERT_RULE = new SecretColumn("alert_rule", "secret", "id");

    /** Every sealed column: what rotate-key re-encrypts. */
    public static final List<SecretColumn> ALL = List.of(CREDENTIAL, CREDENTIAL_ENABLE, CREDENTIAL_KEY, ALERT_RULE);

    /** The associated data of one row's value: purpose and row, never the secret. */
    public String aad(Object rowKey) {
        return table + "." + column + "/" + rowKey;
    }
}
