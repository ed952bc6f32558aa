package porttracer.sim;

/** Dell Networking OS6: {@code hostname#}, Cisco-like '^' marker errors, {@code --More-- or (q)uit} pager. */
final class Os6Dialect extends Dialect {

    private final Os6Renderer render = new Os6Renderer();

    Os6Dialect() {
        command("terminal length <lines>", (v, a) -> Reply.pageLength(Integer.parseInt(a.get(0))));
        command("show mac address-table", (v, a) -> Reply.text(render.macTable(v.macTable(), true)));
        command("show mac address-table address <mac>",
                (v, a) -> Reply.text(render.macTable(v.macTable(macArgument(a.get(0))), false)));
        command("show lldp remote-device all", (v, a) -> Reply.text(render.lldpRemoteDeviceAll(v.lldpNeighbours())));
        command("show arp", (v, a) -> Reply.text(render.arp(v.arpEntries())));
        command("show interfaces status", (v, a) -> Reply.text(render.interfacesStatus(v.ports())));
        command("show interfaces description", (v, a) -> Reply.text(render.interfacesDescription(v.ports())));
        command("show vlan", (v, a) -> Reply.text(render.vlans(v.vlans())));
        command("show version", (v, a) -> Reply.text(render.version(v.sw())));
    }

    @Override
    String invalidInput(int column) {
        return caretLine(column) + "% Invalid input detected at '^' marker.\n";
    }

    @Override
    String pagerPrompt() {
        return "--More-- or (q)uit";
    }
}
