package porttracer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.domain.Platform;
import porttracer.domain.PortName;
import porttracer.domain.VlanInfo;

class VlanTest {
    private static final String OS9 = "dell_force10/show_vlan/";
    private static final String PC = "dell_powerconnect/show_vlan/";

    private static List<VlanInfo> parse(Platform p, String fixture) {
        ParseResult<VlanInfo> r = Parsers.vlans(Fixtures.raw(fixture));
        assertThat(r.unparsedLines()).as(fixture).isEmpty();
        return r.rows();
    }

    private static List<String> keys(List<PortName> ports) {
        return ports.stream().map(PortName::key).toList();
    }

    /** ntc keeps OS9 ports per Q letter and type as "0/42-43"; expanded they must be ours. */
    private static List<String> ntcPorts(JsonNode row, String q) {
        List<String> out = new ArrayList<>();
        for (String[] type : new String[][] {{"te", "Te"}, {"fo", "Fo"}, {"gi", "Gi"}, {"ma", "Ma"}}) {
            String list = row.get("ports_" + q + "_" + type[0]).asText();
            if (!list.isEmpty()) {
                out.addAll(keys(PortList.expand(type[1] + " " + list)));
            }
        }
        return out;
    }

    @Test
    void os9MatchesNtc() {
        for (String name : new String[] {"ntc_dell_force10_show_vlan", "ntc_dell_force10_show_vlan_1"}) {
            List<VlanInfo> vlans = parse(Platform.OS9, OS9 + name + ".raw");
            JsonNode expected = Fixtures.ntcSample(OS9 + name + ".yml");
            assertThat(vlans).as(name).hasSize(expected.size());
            for (int i = 0; i < vlans.size(); i++) {
                VlanInfo v = vlans.get(i);
                JsonNode e = expected.get(i);
                assertThat(v.id()).isEqualTo(e.get("vlan_id").asInt());
                assertThat(v.name() == null ? "" : v.name()).isEqualTo(e.get("vlan_name").asText());
                assertThat(v.status()).isEqualTo(e.get("status").asText().toLowerCase());
                assertThat(v.type()).isNull();
                assertThat(keys(v.untaggedPorts())).containsExactlyInAnyOrderElementsOf(ntcPorts(e, "u"));
                assertThat(keys(v.taggedPorts())).containsExactlyInAnyOrderElementsOf(ntcPorts(e, "t"));
            }
        }
    }

    @Test
    void os9ContinuationLinesAndRanges() {
        VlanInfo v100 = parse(Platform.OS9, OS9 + "ntc_dell_force10_show_vlan_1.raw").get(4);
        assertThat(v100.name()).isEqualTo("pixelrebel is awesome");
        assertThat(v100.taggedPorts()).extracting(PortName::raw).containsExactly("Te 0/30");
        assertThat(v100.untaggedPorts()).extracting(PortName::raw).containsExactly("Te 0/40", "Te 0/41", "Te 0/44", "Fo 0/52");
        assertThat(v100.ports()).extracting(PortName::raw)
                .containsExactly("Te 0/30", "Te 0/40", "Te 0/41", "Te 0/44", "Fo 0/52");
    }

    @Test
    void os6MatchesNapalm() {
        String dir = "dell_os6/show_vlan/";
        List<VlanInfo> vlans = parse(Platform.OS6, dir + "napalm_dellos6_n4032.raw");
        JsonNode expected = Fixtures.json(dir + "napalm_dellos6_n4032.napalm_get_vlans.json");
        assertThat(vlans).extracting(VlanInfo::id).containsExactly(1, 666, 699, 707, 710, 3840, 4000, 4001, 4002);
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            VlanInfo v = vlans.stream().filter(x -> x.id() == Integer.parseInt(e.getKey())).findFirst().orElseThrow();
            assertThat(v.name()).isEqualTo(e.getValue().get("name").asText());
            List<String> exp = new ArrayList<>();
            e.getValue().get("interfaces").forEach(i -> exp.add(PortName.keyOf(i.asText())));
            // NAPALM lists only the port-channels that exist; the switch prints every member it is configured with.
            assertThat(keys(v.ports())).containsAll(exp);
            assertThat(keys(v.ports()).stream().filter(k -> !k.startsWith("po")).toList())
                    .containsExactlyInAnyOrderElementsOf(exp.stream().filter(k -> !k.startsWith("po")).toList());
            assertThat(v.taggedPorts()).isNull();
        }
        assertThat(vlans.get(0).type()).isEqualTo("default");
        assertThat(vlans.get(0).ports()).hasSize(49 + 78 + 18 + 1 + 18 + 1);
        assertThat(vlans.get(1).ports()).extracting(PortName::raw).containsExactly("Po1", "Po50");
        assertThat(vlans.get(1).type()).isEqualTo("static");
    }

    @Test
    void powerConnectMatchesNoc() {
        for (String name : new String[] {"noc_powerconnect_5548_4.1.0.1", "noc_powerconnect_pct6224_3.2.0.7"}) {
            List<VlanInfo> vlans = parse(Platform.POWERCONNECT, PC + name + ".raw");
            JsonNode expected = Fixtures.json(PC + name + ".noc_get_vlans.json");
            List<String> exp = new ArrayList<>();
            expected.forEach(e -> exp.add(e.get("vlan_id").asInt() + "=" + e.get("name").asText()));
            // NOC drops VLAN 1 on the 55xx, whose default VLAN is named "1"
            assertThat(vlans.stream().map(v -> v.id() + "=" + v.name()).toList()).as(name)
                    .containsAll(exp).hasSize(3);
        }
    }

    @Test
    void powerConnect55xxTaggedAndUntagged() {
        List<VlanInfo> vlans = parse(Platform.POWERCONNECT, PC + "noc_powerconnect_5548_4.1.0.1.raw");
        VlanInfo one = vlans.get(0);
        assertThat(one.taggedPorts()).isEmpty();
        assertThat(one.untaggedPorts()).hasSize(46 + 2 + 7 * (48 + 2) + 32);
        assertThat(one.untaggedPorts().get(one.untaggedPorts().size() - 1).raw()).isEqualTo("Po32");
        assertThat(one.type()).isEqualTo("default");
        assertThat(vlans.get(1)).isEqualTo(new VlanInfo(504, "itm-lab", null, "permanent",
                List.of(PortName.of("gi1/0/47"), PortName.of("gi1/0/48")),
                List.of(PortName.of("gi1/0/47"), PortName.of("gi1/0/48")), List.of()));
    }

    @Test
    void powerConnectFastpathRanges() {
        List<VlanInfo> vlans = parse(Platform.POWERCONNECT, PC + "noc_powerconnect_pct6224_3.2.0.7.raw");
        assertThat(vlans.get(0).ports()).hasSize(48 + 21 + 2);
        assertThat(vlans.get(0).ports().get(48).raw()).isEqualTo("1/g2");
        assertThat(vlans.get(0).ports().get(70).raw()).isEqualTo("1/xg4");
        assertThat(vlans.get(2).ports()).extracting(PortName::raw).containsExactly("1/g1", "1/g23", "1/g24");
    }

    @Test
    void portListsRejectGarbage() {
        assertThat(PortList.expand("Te1/0/3-20,Te1/0/22")).hasSize(19);
        assertThat(PortList.expand("5-7")).isNull();
        assertThat(PortList.expand("Te1/0/1-99999")).isNull();
        assertThat(PortList.expand("Zz 0/1")).isNull();
    }
}
