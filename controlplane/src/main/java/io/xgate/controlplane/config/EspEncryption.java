package io.xgate.controlplane.config;

/**
 * ESP encryption transforms an IPsec crypto profile may offer to IKE. Wider than the data plane's
 * {@link io.xgate.dataplane.crypto.EncryptionAlgorithm} (PAN-OS lists aes-128-ccm): a profile names what
 * may be negotiated, a manual key names what is programmed, so manual keys use the data-plane enum.
 */
public enum EspEncryption implements ConfigEnum {
    DES3 {
        @Override
        public String configName() {
            return "3des";
        }
    },
    AES_128_CBC, AES_192_CBC, AES_256_CBC, AES_128_CCM, AES_128_GCM, AES_256_GCM, NULL
}
