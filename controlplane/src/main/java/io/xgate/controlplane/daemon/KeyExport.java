package io.xgate.controlplane.daemon;

import io.xgate.controlplane.ike.sa.IkeSaRecord;
import io.xgate.controlplane.ike.session.EstablishedChild;
import io.xgate.dataplane.capture.EspSaKeys;
import io.xgate.dataplane.capture.IkeSaKeys;
import io.xgate.dataplane.capture.WiresharkKeyTables;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code device.debug.key-export-dir}: Wireshark's {@code ikev2_decryption_table} and {@code esp_sa} for every SA
 * this daemon negotiated, rewritten as SAs come (owner-only files). Old SAs stay listed, so a capture that spans a
 * rekey still decrypts. Off unless configured: it puts keys on disk.
 */
final class KeyExport {
    private static final System.Logger LOG = System.getLogger(KeyExport.class.getName());

    private final Path directory;
    private final List<IkeSaKeys> ike = new ArrayList<>();
    private final List<EspSaKeys> esp = new ArrayList<>();

    KeyExport(final Path directory) {
        this.directory = directory;
        LOG.log(Level.WARNING, "exporting IKE and ESP keys to {0} (device.debug.key-export-dir): for labs only", directory);
    }

    void ikeSa(final IkeSaRecord sa) {
        ike.add(sa.keys().forCapture(sa.initiatorSpi(), sa.responderSpi()));
        write();
    }

    void childSa(final EstablishedChild child, final AutoKeySas sas) {
        for (final var spec : List.of(sas.outbound(), sas.inbound())) {
            final boolean out = spec == sas.outbound();
            esp.add(new EspSaKeys(out ? child.local() : child.peer(), out ? child.peer() : child.local(), spec.spi(),
                spec.encryption(), spec.encryptionKey(), spec.integrity(), spec.integrityKey()));
        }
        write();
    }

    private void write() {
        try {
            WiresharkKeyTables.write(directory, esp, ike);
        } catch (final IOException e) {
            LOG.log(Level.WARNING, "cannot write the key tables to {0}: {1}", directory, e.getMessage());
        }
    }
}
