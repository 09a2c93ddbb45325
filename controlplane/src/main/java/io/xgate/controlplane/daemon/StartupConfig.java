package io.xgate.controlplane.daemon;

import io.xgate.controlplane.commit.ConfigService;
import io.xgate.controlplane.config.ConfigLoader;
import io.xgate.controlplane.config.LoadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which config a starting gateway runs. The state directory is the truth once it has one: a running config stored
 * there (by an earlier commit) runs, and {@code --config} is ignored (and logged as such), so a restart never
 * undoes an admin's commits. An empty state directory takes the {@code --config} file, committed as the first
 * version once the gateway is up. To start over from a file (e.g. to change ports, which a running gateway
 * refuses), stop the gateway and remove {@code running.yaml} from the state directory: history stays, and the file
 * becomes the next version.
 *
 * @param yaml   the config the ports are opened with
 * @param seed   the {@code --config} file's text when it is to be committed, empty when the state dir's runs
 * @param source where {@code yaml} came from, for messages
 */
public record StartupConfig(Path stateDir, Path configFile, String yaml, Optional<String> seed, String source) {

    public static StartupConfig choose(final Path stateDir, final Path configFile) throws IOException {
        final Optional<String> stored = ConfigService.storedRunning(stateDir);
        if (stored.isPresent()) {
            return new StartupConfig(stateDir, configFile, stored.get(), Optional.empty(),
                    stateDir.resolve("running.yaml").toString());
        }
        final String file = Files.readString(configFile, StandardCharsets.UTF_8);
        return new StartupConfig(stateDir, configFile, file, Optional.of(file), configFile.toString());
    }

    public LoadResult load() {
        return ConfigLoader.load(yaml, source);
    }
}
