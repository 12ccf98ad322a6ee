package io.parley.call.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Audio in a directory of the local filesystem (or a mounted volume): one file per object. */
public final class FilesystemStorage implements AudioStorage {

    private final Path root;

    public FilesystemStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void write(String key, InputStream bytes) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        // written beside its place, then moved there at once: a reader never sees half a file
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                bytes.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        FileChannel in = FileChannel.open(path(key), StandardOpenOption.READ);
        in.position(offset);
        return new BoundedInputStream(Channels.newInputStream(in), length);
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = path(key);
        Files.deleteIfExists(file);
        try {
            Files.deleteIfExists(file.getParent()); // the call's folder, once it holds nothing
        } catch (DirectoryNotEmptyException stillUsed) {
            // other files of the call
        }
    }

    @Override
    public String location(String key) {
        return path(key).toString();
    }

    private Path path(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return path;
    }
}
