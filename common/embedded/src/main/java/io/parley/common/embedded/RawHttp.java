package io.parley.common.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP read off the socket, for tests that check how a body is framed ({@code Content-Length}, {@code
 * Transfer-Encoding}, interim answers), which every client library hides.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status line and headers (lower case) of a GET with these header lines; the connection then closes. */
    public static String get(String host, int port, String pathAndQuery, String... headerLines) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return head(socket.getInputStream());
        }
    }

    /** The next status line and headers, lower case, up to the blank line that ends them. */
    public static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString().toLowerCase(Locale.ROOT);
    }
}
