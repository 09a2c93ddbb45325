package io.xgate.controlplane.config;

import java.util.List;

/**
 * Checks what the YAML types cannot: ranges, name rules, references between objects, key lengths and the
 * rules that span several objects. Every error is reported, none stops the others.
 */
public final class ConfigValidator {
    private static final List<ValidationRule> RULES = List.of(
            new DeviceRules(),
            new NameRules(),
            new InterfaceRules(),
            new RouteRules(),
            new CryptoProfileRules(),
            new CertificateRules(),
            new GatewayRules(),
            new TunnelRules(),
            new ManualKeyRules(),
            new MonitorRules());

    private ConfigValidator() {
    }

    public static List<ConfigError> validate(final DeviceConfig config) {
        final ErrorCollector errors = new ErrorCollector();
        RULES.forEach(rule -> rule.check(config, errors));
        return errors.errors();
    }
}
