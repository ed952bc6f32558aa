package porttracer.parse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import porttracer.domain.ArpEntry;
import porttracer.domain.LldpNeighbor;
import porttracer.domain.MacEntry;
import porttracer.domain.Platform;
import porttracer.domain.PortInfo;
import porttracer.domain.PortName;
import porttracer.domain.VersionInfo;
import porttracer.domain.VlanInfo;

/**
 * Parses one command's output from standard input and prints the rows as a JSON array:
 * {@code ParseCli --platform <os10|os9|os6|powerconnect> <mac-table|interfaces|description|switchport|lldp|lldp-detail|arp|vlan|version>}.
 * The number of unparsed lines goes to standard error; bad arguments exit with status 2.
 */
public final class ParseCli {
    static final String USAGE = "usage: ParseCli --platform <os10|os9|os6|powerconnect> "
            + "<mac-table|interfaces|description|switchport|lldp|lldp-detail|arp|vlan|version>  (command output on standard input)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParseCli() {
    }

    public static void main(String[] args) throws IOException {
        int status = run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 3 || !args[0].equals("--platform")) {
            err.println("error: expected --platform <platform> <command>");
            err.println(USAGE);
            return 2;
        }
        try {
            // Checked so that a typo is reported; the parsers read every family's tables alike.
            Platform.of(args[1]);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String command = args[2];
        String input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        ArrayNode rows = JSON.createArrayNode();
        List<String> unparsed;
        switch (command) {
            case "mac-table" -> unparsed = emit(Parsers.macTable(input), rows, ParseCli::mac);
            case "interfaces" -> unparsed = emit(Parsers.interfaces(input), rows, ParseCli::port);
            case "description" -> unparsed = emit(Parsers.description(input), rows, ParseCli::port);
            case "switchport" -> unparsed = emit(Parsers.switchport(input), rows, ParseCli::port);
            case "arp" -> unparsed = emit(Parsers.arp(input), rows, ParseCli::arp);
            case "lldp" -> unparsed = emit(Parsers.lldp(input), rows, ParseCli::lldp);
            case "lldp-detail" -> unparsed = emit(Parsers.lldpDetail(input), rows, ParseCli::lldp);
            case "vlan" -> unparsed = emit(Parsers.vlans(input), rows, ParseCli::vlan);
            case "version" -> {
                version(Parsers.version(input), rows.addObject());
                unparsed = List.of();
            }
            default -> {
                err.println("error: unknown command '" + command + "'");
                err.println(USAGE);
                return 2;
            }
        }
        out.print(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n");
        out.flush();
        err.println("unparsed lines: " + unparsed.size());
        return 0;
    }

    private static <T> List<String> emit(ParseResult<T> result, ArrayNode rows, BiConsumer<T, ObjectNode> writer) {
        for (T row : result.rows()) {
            writer.accept(row, rows.addObject());
        }
        return result.unparsedLines();
    }

    private static void mac(MacEntry m, ObjectNode o) {
        o.put("mac", m.mac().toString());
        o.put("vlan", m.vlan());
        o.put("port", m.port());
        o.put("type", m.type());
    }

    private static void port(PortInfo p, ObjectNode o) {
        o.put("port", p.port().raw());
        o.put("key", p.port().key());
        o.put("description", p.description());
        o.put("linkState", p.linkState());
        o.put("speed", p.speed());
        o.put("duplex", p.duplex());
        o.put("mode", p.mode());
        o.put("pvid", p.pvid());
        if (p.vlans() == null) {
            o.putNull("vlans");
        } else {
            ArrayNode v = o.putArray("vlans");
            p.vlans().forEach(v::add);
        }
    }

    private static void lldp(LldpNeighbor n, ObjectNode o) {
        o.put("localPort", n.localPort().raw());
        o.put("chassisId", n.chassisId());
        o.put("portId", n.portId());
        o.put("systemName", n.systemName());
        ArrayNode caps = o.putArray("capabilities");
        n.capabilities().stream().sorted().forEach(caps::add);
    }

    private static void arp(ArpEntry a, ObjectNode o) {
        o.put("ip", a.ip());
        o.put("mac", a.mac().toString());
        o.put("iface", a.iface());
        o.put("vlan", a.vlan());
        o.put("type", a.type());
    }

    private static void vlan(VlanInfo v, ObjectNode o) {
        o.put("vlan", v.id());
        o.put("name", v.name());
        o.put("status", v.status());
        o.put("type", v.type());
        ports(o, "ports", v.ports());
        ports(o, "tagged", v.taggedPorts());
        ports(o, "untagged", v.untaggedPorts());
    }

    private static void ports(ObjectNode o, String field, List<PortName> ports) {
        if (ports == null) {
            o.putNull(field);
        } else {
            ArrayNode a = o.putArray(field);
            ports.forEach(p -> a.add(p.raw()));
        }
    }

    private static void version(VersionInfo v, ObjectNode o) {
        o.put("model", v.model());
        o.put("osVersion", v.osVersion());
        o.put("serviceTag", v.serviceTag());
        o.put("serial", v.serial());
        o.put("platform", v.detectedPlatform() == null ? null : v.detectedPlatform().id());
    }
}
