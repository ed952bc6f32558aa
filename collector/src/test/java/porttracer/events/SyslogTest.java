package porttracer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import porttracer.config.EventsConfig;
import porttracer.config.Settings;

/** Syslog lines by the default link pattern, and RFC 6587 framing of TCP streams. */
class SyslogTest {

    private final SyslogLine lines = new SyslogLine(EventsConfig.from(Settings.load(Map.of(), Map.of())).syslogPattern());

    @Test
    void aLinkChangeLineNamesItsPortAtItsEnd() {
        assertThat(lines.port("<189> DEC 03 04:50:00 10.1.1.2-1 TRAPMGR[0x5c3ea0b0]: traputil.c(721) 1042 %% Link Up: Gi1/0/5"))
                .isEqualTo("Gi1/0/5");
        assertThat(lines.port("<185>Dec 03 04:50:00 sw9: %IFM-1-OSTATE_DN: changed interface state to down:Te 0/5"))
                .isEqualTo("Te 0/5");
        assertThat(lines.port("<189>1 2026-12-03T04:50:00Z sw10 dn_alm 1000 - - Node.1-Unit.1:PRI [event], Dell EMC (OS10) "
                + "%IFM_OSTATE_UP: Interface operational state is up :ethernet1/1/12:1")).isEqualTo("ethernet1/1/12:1");
        assertThat(lines.port("<189>Dec 03 04:50:00 sw9: %SNMP-5-SNMP_COLD_START: SNMP COLD_START trap sent.")).isNull();
        assertThat(lines.port("<189>1 x: up :ethernet1/1/5 and more")).isNull();
    }

    @Test
    void defaultPatternFindsDellLinkChangesOnly() {
        // Formats of Dell's docs (see syslog.pattern in porttracer-defaults.properties).
        assertThat(lines.classify("<189> DEC 03 04:50:00 10.1.1.2-1 TRAPMGR[0x5c3ea0b0]: traputil.c(721) 1042 %% Link Up: Gi1/0/5"))
                .isEqualTo(SyslogLine.LINK_CHANGE);
        assertThat(lines.classify("<189> DEC 03 04:50:00 10.1.1.2-1 TRAPMGR[0x5c3ea0b0]: traputil.c(721) 1043 %% Link Down: Te1/0/1"))
                .isEqualTo(SyslogLine.LINK_CHANGE);
        assertThat(lines.classify("<185>Dec 03 04:50:00 sw9: %IFM-1-OSTATE_DN: changed interface state to down:Te 0/5"))
                .isEqualTo(SyslogLine.LINK_CHANGE);
        assertThat(lines.classify("<189>Dec 03 04:50:00 sw9: %IFM-5-CSTATE_UP: Changed interface Physical state to up: Te 0/5"))
                .isEqualTo(SyslogLine.LINK_CHANGE);
        assertThat(lines.classify("<189>1 2026-12-03T04:50:00Z sw10 dn_alm 1000 - - Node.1-Unit.1:PRI [event], Dell EMC (OS10) "
                + "%IFM_OSTATE_UP: Interface operational state is up :ethernet1/1/5")).isEqualTo(SyslogLine.LINK_CHANGE);
        assertThat(lines.classify("<189>Dec 03 04:50:00 sw9: %SNMP-5-SNMP_COLD_START: SNMP COLD_START trap sent."))
                .isEqualTo(SyslogLine.IGNORED);
        assertThat(lines.classify("<190> DEC 03 04:50:00 10.1.1.2-1 CLI_WEB[0x1]: cli_txt_cfg.c(1) 7 %% User admin logged in"))
                .isEqualTo(SyslogLine.IGNORED);
        for (String bad : List.of("", "<", "<>", "<192>x", "<1a>x", "<0012>x", "%% Link Up: Gi1/0/5", "<1", "x<1>")) {
            assertThat(lines.classify(bad)).as(bad).isEqualTo(SyslogLine.MALFORMED);
        }
    }

    @Test
    void octetCountingAndNonTransparentFramesMixed() throws Exception {
        String a = "<189> x %% Link Up: Gi1/0/5";
        String b = "<189> y line with\nnewline inside";
        String stream = a.length() + " " + a + "<14>plain line\r\n" + b.getBytes(StandardCharsets.UTF_8).length + " " + b + "\n<1>last";
        SyslogFraming f = new SyslogFraming(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), 8192);
        List<String> got = new ArrayList<>();
        String m;
        while ((m = f.next()) != null) {
            got.add(m);
        }
        assertThat(got).containsExactly(a, "<14>plain line", b, "<1>last");
    }

    @Test
    void badStreamsAreMalformedNeverAnythingElse() throws Exception {
        for (String bad : List.of("x", "12x<1>a", "99999 <1>a", "5 <1>", "0 ")) {
            SyslogFraming f = new SyslogFraming(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), 8192);
            assertThatThrownBy(() -> {
                while (f.next() != null) {
                    // read on
                }
            }).as(bad).isInstanceOf(SyslogFraming.Malformed.class);
        }
        SyslogFraming longLine = new SyslogFraming(new ByteArrayInputStream(("<1>" + "a".repeat(9000)).getBytes()), 8192);
        assertThatThrownBy(longLine::next).isInstanceOf(SyslogFraming.Malformed.class);
        Random random = new Random(6587);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            SyslogFraming f = new SyslogFraming(new ByteArrayInputStream(b), 256);
            try {
                String m;
                while ((m = f.next()) != null) {
                    lines.classify(m);
                }
            } catch (SyslogFraming.Malformed expected) {
                // dropped, as it should be
            }
        }
    }
}
