package concur.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireTest {
    @Test
    void aRecordReadsBackAsWrittenWithTheBytesCutFromIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] text = "héllo, and more".getBytes(StandardCharsets.UTF_8);
        Wire.write(new DataOutputStream(bytes), Wire.LINE, 42, Wire.STDERR, "worker", text, 0, 6, 1_000_000_000_000L);

        Wire.Record record = Wire.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(record)
                .isEqualTo(new Wire.Record(Wire.LINE, 42, Wire.STDERR, "worker", "héllo", 6, 1_000_000_000_000L));
    }

    @Test
    void cutsUtf8OnlyBetweenCharacters() {
        byte[] euros = "a€€".getBytes(StandardCharsets.UTF_8); // 1 + 3 + 3 bytes
        assertThat(Wire.characterBoundary(euros, 0, 7)).isEqualTo(7);
        assertThat(Wire.characterBoundary(euros, 0, 6)).isEqualTo(4);
        assertThat(Wire.characterBoundary(euros, 0, 5)).isEqualTo(4);
        assertThat(Wire.characterBoundary(euros, 0, 4)).isEqualTo(4);
        assertThat(Wire.characterBoundary(euros, 0, 2)).isEqualTo(1);
        byte[] clef = "𝄞".getBytes(StandardCharsets.UTF_8);
        assertThat(Wire.characterBoundary(clef, 0, 3)).isZero();
        assertThat(Wire.characterBoundary(clef, 0, 4)).isEqualTo(4);
        assertThat(Wire.characterBoundary("x€".getBytes(StandardCharsets.UTF_8), 1, 2))
                .as("from an offset")
                .isZero();
        assertThat(Wire.characterBoundary(new byte[] {(byte) 0x80, (byte) 0x80}, 0, 2))
                .as("not UTF-8: cut anywhere")
                .isEqualTo(2);
    }

    @Test
    void refusesARecordNoHarnessWritesBeforeReadingItsText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(Wire.LINE);
        out.writeLong(0);
        out.writeByte(Wire.STDOUT);
        out.writeUTF("main");
        out.writeLong(0);
        out.writeInt(Integer.MAX_VALUE); // and no 2 GB follow

        assertThatThrownBy(() -> Wire.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                .isInstanceOf(Wire.MalformedRecordException.class)
                .hasMessage("a record of 2147483647 bytes");
    }
}
