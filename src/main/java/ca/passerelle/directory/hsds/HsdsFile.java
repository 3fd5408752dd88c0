package ca.passerelle.directory.hsds;

import java.io.IOException;
import java.io.InputStream;

/** A file handed to the importer: its name (it tells the form) and a way to read it. */
public record HsdsFile(String name, Content content) {

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public static HsdsFile of(String name, byte[] bytes) {
        return new HsdsFile(name, () -> new java.io.ByteArrayInputStream(bytes));
    }

    public static HsdsFile of(java.nio.file.Path path) {
        return new HsdsFile(path.getFileName().toString(), () -> java.nio.file.Files.newInputStream(path));
    }
}
