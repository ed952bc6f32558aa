package porttracer.sim;

/** Dell OS10: {@code hostname#}, no '^' marker on errors, {@code --more--} pager. */
final class Os10Dialect extends Dialect {

    private final Os10Renderer render = new Os10Renderer();

    Os10Dialect() {
        command("terminal length <lines>", (v, a) -> Reply.pageLength(Integer.parseInt(a.get(0))));
        command("show mac address-table", (v, a) -> Reply.text(render.macTable(v.macTable())));
        command("show mac address-table address <mac>",
                (v, a) -> Reply.text(render.macTable(v.macTable(macArgument(a.get(0))))));
        // Dell EMC OS10 Enterprise Edition Reference Guide 10.x, "show mac address-table", Example (Ethernet):
        // "show mac address-table interface ethernet 1/1/3" prints the same table, that port's rows only.
        command("show mac address-table interface ethernet <port>",
                (v, a) -> Reply.text(render.macTable(v.macTableOnPort("ethernet" + a.get(0)))));
        command("show lldp neighbors", (v, a) -> Reply.text(render.lldpNeighbors(v.lldpNeighbours())));
        command("show lldp neighbors detail",
                (v, a) -> Reply.text(render.lldpNeighborsDetail(v.lldpNeighbours(), v.fleet())));
        command("show interfaces status", (v, a) -> Reply.text(render.interfacesStatus(v.ports())));
        command("show version", (v, a) -> Reply.text(render.version(v.sw())));
    }

    @Override
    String invalidInput(int column) {
        return "% Error: Unrecognized command.\n";
    }

    @Override
    String pagerPrompt() {
        return "--more--";
    }
}
