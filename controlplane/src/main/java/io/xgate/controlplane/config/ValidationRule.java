package io.xgate.controlplane.config;

/** One group of related checks over a whole config. */
interface ValidationRule {
    void check(DeviceConfig config, ErrorCollector errors);
}
