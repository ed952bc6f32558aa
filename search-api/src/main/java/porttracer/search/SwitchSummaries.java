package porttracer.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import porttracer.index.Elastic;
import porttracer.store.SwitchRecord;
import porttracer.store.SwitchStatus;

/** A switch as the API lists it: inventory, last poll, staleness and login method; management details for netadmin up. */
final class SwitchSummaries {

    private final SwitchDirectory switches;
    private final InventoryAdmin admin;

    SwitchSummaries(SwitchDirectory switches, InventoryAdmin admin) {
        this.switches = switches;
        this.admin = admin;
    }

    /** Every switch, by id. */
    List<Map<String, Object>> all(Instant now, Role role) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Integer, Map<String, Object>> logins = admin.logins();
        switches.all().values().stream().sorted((a, b) -> Integer.compare(a.sw().id(), b.sw().id()))
                .forEach(e -> out.add(SwitchLoginView.with(summary(e, now, role), e.sw(), logins.get(e.sw().id()))));
        return out;
    }

    /** One switch; a mutable map, so that a caller can add to it. */
    Map<String, Object> one(SwitchDirectory.Entry e, Instant now, Role role) {
        return SwitchLoginView.with(summary(e, now, role), e.sw(), admin.logins().get(e.sw().id()));
    }

    private Map<String, Object> summary(SwitchDirectory.Entry e, Instant now, Role role) {
        Map<String, Object> m = new LinkedHashMap<>();
        SwitchRecord sw = e.sw();
        m.put("id", sw.id());
        m.put("name", sw.name());
        if (role.seesManagement()) {
            m.put("host", sw.host());
            m.put("sshPort", sw.sshPort());
        }
        m.put("platform", sw.platform() == null ? null : sw.platform().id());
        m.put("model", sw.model());
        m.put("site", sw.site());
        m.put("floor", sw.floor());
        m.put("enabled", sw.enabled());
        m.put("pollIntervalSeconds", sw.pollIntervalSeconds());
        m.put("routing", sw.collectArp());
        SwitchStatus s = e.status();
        if (s != null) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("at", Elastic.time(s.lastPollAt()));
            last.put("outcome", s.lastOutcome());
            if (role.seesManagement()) {
                last.put("error", s.lastError());
            }
            last.put("durationMs", s.lastDurationMs());
            last.put("entries", s.lastEntries());
            m.put("lastPoll", last);
            m.put("lastOkAt", s.lastOkAt() == null ? null : Elastic.time(s.lastOkAt()));
            m.put("consecutiveFailures", s.consecutiveFailures());
        } else {
            m.put("lastPoll", null);
        }
        String stale = switches.staleReason(e, now, role);
        m.put("stale", stale != null);
        m.put("staleReason", stale);
        return m;
    }
}
