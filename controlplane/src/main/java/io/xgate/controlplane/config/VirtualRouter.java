package io.xgate.controlplane.config;

import java.util.List;

public record VirtualRouter(String name, List<StaticRoute> staticRoutes) implements Named {
    public VirtualRouter {
        staticRoutes = List.copyOf(staticRoutes);
    }
}
