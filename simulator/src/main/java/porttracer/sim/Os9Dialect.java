package porttracer.sim;

/** Dell Networking OS9 / FTOS: {@code hostname#}, '^' marker errors. */
final class Os9Dialect extends Dialect {

    private final Os9Renderer render = new Os9Renderer();

    Os9Dialect() {
        command("terminal length <lines>", (v, a) -> Reply.pageLength(Integer.parseInt(a.get(0))));
        for (String table : new String[] {"show mac-address-table", "show mac address-table"}) {
            command(table, (v, a) -> Reply.text(render.macTable(v.macTable())));
            command(table + " address <mac>",
                    (v, a) -> Reply.text(render.macTable(v.macTable(macArgument(a.get(0))))));
        }
        command("show lldp neighbors", (v, a) -> Reply.text(render.lldpNeighbors(v.lldpNeighbours())));
        command("show lldp neighbors detail", (v, a) -> Reply.text(render.lldpNeighborsDetail(v.lldpNeighbours())));
        command("show interfaces status", (v, a) -> Reply.text(render.interfacesStatus(v.ports())));
        command("show interfaces switchport", (v, a) -> Reply.text(render.interfacesSwitchport(v.ports(), v.portChannels())));
        command("show vlan", (v, a) -> Reply.text(render.vlans(v.vlans())));
        command("show version", (v, a) -> Reply.text(render.version(v.sw())));
    }

    @Override
    String invalidInput(int column) {
        return caretLine(column) + "% Error: Invalid input at \"^\" marker.\n";
    }

    @Override
    String pagerPrompt() {
        return " --More-- ";
    }
}
