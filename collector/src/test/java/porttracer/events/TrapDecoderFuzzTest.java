package porttracer.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/** The trap decoder reads v1/v2c link traps and turns any other bytes into Malformed, never anything else. */
class TrapDecoderFuzzTest {

    static byte[] message(int version, PDU pdu) throws Exception {
        Integer32 v = new Integer32(version);
        OctetString community = new OctetString("public");
        int len = v.getBERLength() + community.getBERLength() + pdu.getBERLength();
        ByteBuffer buf = ByteBuffer.allocate(len + BER.getBERLengthOfLength(len) + 1);
        BEROutputStream out = new BEROutputStream(buf);
        BER.encodeHeader(out, BER.SEQUENCE, len);
        v.encodeBER(out);
        community.encodeBER(out);
        pdu.encodeBER(out);
        return Arrays.copyOf(buf.array(), buf.position());
    }

    static byte[] v2cTrap(OID trapOid) throws Exception {
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(42)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, trapOid));
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.5"), new Integer32(5)));
        return message(SnmpConstants.version2c, pdu);
    }

    static byte[] v1Trap(int generic) throws Exception {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDU.V1TRAP);
        pdu.setGenericTrap(generic);
        pdu.setEnterprise(SnmpConstants.snmpTraps);
        return message(SnmpConstants.version1, pdu);
    }

    @Test
    void linkTrapsOfBothVersionsAreLinkChanges() throws Exception {
        for (byte[] m : new byte[][] {v2cTrap(SnmpConstants.linkUp), v2cTrap(SnmpConstants.linkDown),
                v1Trap(PDUv1.LINKUP), v1Trap(PDUv1.LINKDOWN)}) {
            TrapDecoder.Trap t = TrapDecoder.decode(m, m.length);
            assertThat(t.linkChange()).isTrue();
            assertThat(new String(t.community())).isEqualTo("public");
        }
        byte[] cold = v2cTrap(SnmpConstants.coldStart);
        assertThat(TrapDecoder.decode(cold, cold.length).linkChange()).isFalse();
        byte[] v1cold = v1Trap(PDUv1.COLDSTART);
        assertThat(TrapDecoder.decode(v1cold, v1cold.length).linkChange()).isFalse();
    }

    @Test
    void anyOtherBytesAreMalformedAndNothingElse() throws Exception {
        byte[][] seeds = {v2cTrap(SnmpConstants.linkUp), v1Trap(PDUv1.LINKDOWN)};
        Random random = new Random(2863);
        int malformed = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] seed = seeds[i % 2];
            byte[] b;
            switch (i % 4) {
                case 0 -> {
                    b = new byte[random.nextInt(200)];
                    random.nextBytes(b);
                }
                case 1 -> b = Arrays.copyOf(seed, random.nextInt(seed.length));
                case 2 -> {
                    b = seed.clone();
                    for (int k = 1 + random.nextInt(4); k > 0; k--) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    // A huge or overlong length somewhere.
                    b = seed.clone();
                    int at = 1 + random.nextInt(b.length - 1);
                    b[at] = (byte) (0x80 | (1 + random.nextInt(8)));
                }
            }
            try {
                TrapDecoder.decode(b, b.length);
            } catch (TrapDecoder.Malformed e) {
                malformed++;
            }
        }
        assertThat(malformed).isGreaterThan(50_000);
        assertThatThrownBy(() -> TrapDecoder.decode(new byte[0], 0)).isInstanceOf(TrapDecoder.Malformed.class);
        byte[] v3 = v2cTrap(SnmpConstants.linkUp);
        v3[4] = 3; // version 3 (SNMPv3 is not accepted here)
        assertThatThrownBy(() -> TrapDecoder.decode(v3, v3.length)).isInstanceOf(TrapDecoder.Malformed.class);
    }
}
