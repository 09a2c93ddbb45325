package io.xgate.controlplane.config;

/** IKE SA encryption transforms offered in an IKE crypto profile. */
public enum IkeEncryption implements ConfigEnum {
    DES3 {
        @Override
        public String configName() {
            return "3des";
        }
    },
    AES_128_CBC, AES_192_CBC, AES_256_CBC, AES_128_GCM, AES_256_GCM
}
