package porttracer.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A switch as an answer names it. {@code ip}, its management address, is written only for roles that
 * manage switches, and then even when unknown (null, as on a movement event's place).
 */
@JsonSerialize(using = SwitchRef.Writer.class)
record SwitchRef(int id, String name, boolean showsIp, String ip, String site, String floor) {

    static SwitchRef of(int id, String name, String host, String site, String floor, Role role) {
        return new SwitchRef(id, name, role.seesManagement(), role.seesManagement() ? host : null, site, floor);
    }

    /** Field by field, because "hidden" and "unknown" differ: the key is absent or its value is null. */
    static final class Writer extends StdSerializer<SwitchRef> {
        Writer() {
            super(SwitchRef.class);
        }

        @Override
        public void serialize(SwitchRef s, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeNumberField("id", s.id());
            g.writeStringField("name", s.name());
            if (s.showsIp()) {
                g.writeStringField("ip", s.ip());
            }
            g.writeStringField("site", s.site());
            g.writeStringField("floor", s.floor());
            g.writeEndObject();
        }
    }
}
