package porttracer.sim;

/** PowerConnect 55xx: {@code hostname#}, {@code terminal datadump} turns paging off. */
final class PowerConnectDialect extends Dialect {

    private final PowerConnectRenderer render = new PowerConnectRenderer();

    PowerConnectDialect() {
        command("terminal datadump", (v, a) -> Reply.pageLength(0));
        command("no terminal datadump", (v, a) -> Reply.pageLength(Session.DEFAULT_PAGE_LENGTH));
        command("show mac address-table", (v, a) -> Reply.text(render.macTable(v.macTable())));
        command("show mac address-table address <mac>",
                (v, a) -> Reply.text(render.macTable(v.macTable(macArgument(a.get(0))))));
        command("show lldp neighbors", (v, a) -> Reply.text(render.lldpNeighbors(v.lldpNeighbours())));
        command("show interfaces status", (v, a) -> Reply.text(render.interfacesStatus(v.ports())));
        command("show interfaces description", (v, a) -> Reply.text(render.interfacesDescription(v.ports())));
        command("show vlan", (v, a) -> Reply.text(render.vlans(v.vlans())));
        command("show version", (v, a) -> Reply.text(render.version()));
    }

    @Override
    String invalidInput(int column) {
        return "% Unrecognized command\n";
    }

    @Override
    String pagerPrompt() {
        return "More: <space>,  Quit: q or CTRL+Z, One line: <return> ";
    }
}
