package porttracer.config;

/**
 * Alert webhooks ({@code alert.*}, {@code kibana.url}): delivery attempts and the first retry delay (doubling),
 * deliveries queued at once, days a delivery record is kept, the private ranges webhooks may reach, and
 * Kibana's URL (its host is never a webhook target).
 */
public record AlertConfig(int maxAttempts, int retryBaseMs, int maxQueued, int deliveryRetentionDays,
                          String webhookAllowedNetworks, String kibanaUrl) {

    public static AlertConfig from(Settings s) {
        return new AlertConfig(s.intAtLeast("alert.max-attempts", 1), s.intAtLeast("alert.retry-base-ms", 0),
                s.intAtLeast("alert.max-queued", 0), s.intAtLeast("alert.delivery-retention-days", 1),
                s.text("alert.webhook-allowed-networks"), s.text("kibana.url"));
    }
}
