package io.xgate.dataplane.crypto;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AlgorithmNamesProperties {
    @Property(tries = 50)
    boolean blockSizeIsAtLeastFour(@ForAll EncryptionAlgorithm a) {
        return a.blockSize() >= 4 && a.blockSize() % 4 == 0;
    }
}
