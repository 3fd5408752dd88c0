package ca.passerelle;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Where Passerelle keeps its data: an external PostgreSQL server when {@code url} is given,
 * otherwise an embedded PostgreSQL whose files live in {@code dataDir}.
 *
 * @param url JDBC URL of an external server ({@code PASSERELLE_DB_URL}); empty for the embedded one
 * @param user user of the external server ({@code PASSERELLE_DB_USER})
 * @param password password of the external server ({@code PASSERELLE_DB_PASSWORD})
 * @param dataDir folder of the embedded server's files ({@code PASSERELLE_DATA_DIR})
 * @param ephemeral an embedded server in a throwaway folder, without fsync: for tests only
 */
@ConfigurationProperties("passerelle.database")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        @DefaultValue("./data") Path dataDir,
        boolean ephemeral) {

    public boolean embedded() {
        return !StringUtils.hasText(url);
    }
}
