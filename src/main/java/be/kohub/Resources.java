package be.kohub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Files the build packages into the jar (pages, contexts, model files, the conformance pack), read at start. */
public final class Resources {
    private Resources() {}

    /** The bytes of a resource, e.g. {@code /web/validatie/index.html}; fails at start when the build left it out. */
    public static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of resources as a path to walk: in the jar (a zip file system) or, in tests, in target/classes. */
    public static Path folder(String folder) {
        var url = Resources.class.getResource(folder);
        if (url == null)
            throw new IllegalStateException("missing resource folder " + folder);
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme()))
                return Path.of(uri);
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return fs.getPath(folder);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list resources under " + folder, e);
        }
    }
}
