package dev.xiaoer.platform.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;

/**
 * What makes two requests "the same" for an idempotency key: method, path with query, content type
 * and body, as a SHA-256. A plain body is hashed while the handler reads it, so nothing is
 * buffered. Form and multipart bodies are parsed by the servlet container outside any wrapper (and
 * uploaded parts are deleted once the handler is done), so those are hashed up front from their
 * parsed parameters and parts; the container keeps them parsed for the handler.
 */
final class RequestFingerprint {

    private final HttpServletRequest request;
    private final MessageDigest digest = sha256();
    private final MessageDigest body = sha256();
    private final HashingRequest hashing;
    private final boolean parsedByContainer;

    private RequestFingerprint(HttpServletRequest request) {
        this.request = request;
        this.hashing = new HashingRequest(request, body);
        var contentType = request.getContentType();
        this.parsedByContainer = isA(contentType, MediaType.MULTIPART_FORM_DATA)
                || isA(contentType, MediaType.APPLICATION_FORM_URLENCODED);
        update(digest, request.getMethod());
        update(digest, request.getRequestURI());
        update(digest, request.getQueryString());
        // A multipart boundary is chosen afresh for each attempt; the parts are what count.
        update(digest, isA(contentType, MediaType.MULTIPART_FORM_DATA) ? MediaType.MULTIPART_FORM_DATA_VALUE
                : contentType);
    }

    /** Starts fingerprinting a request; pass {@link #request()} on so the body is seen as it is read. */
    static RequestFingerprint of(HttpServletRequest request) throws IOException {
        var fingerprint = new RequestFingerprint(request);
        if (fingerprint.parsedByContainer) {
            fingerprint.hashParsedBody();
        }
        return fingerprint;
    }

    HttpServletRequest request() {
        return parsedByContainer ? request : hashing;
    }

    /** Reads what the handler left unread (or the whole body, when no handler ran) and returns the hash. */
    String finish() throws IOException {
        if (!parsedByContainer) {
            hashing.drain();
            update(digest, HexFormat.of().formatHex(body.digest()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void hashParsedBody() throws IOException {
        try {
            if (isA(request.getContentType(), MediaType.MULTIPART_FORM_DATA)) {
                for (var part : request.getParts()) {
                    update(digest, part.getName());
                    update(digest, part.getSubmittedFileName());
                    update(digest, part.getContentType());
                    try (var in = part.getInputStream()) {
                        update(digest, hash(in));
                    }
                }
            } else {
                for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
                    update(digest, parameter.getKey());
                    for (var value : parameter.getValue()) {
                        update(digest, value);
                    }
                }
            }
        } catch (ServletException | IllegalStateException unreadable) {
            // Too large or malformed: the handler meets the same failure and answers with an error,
            // which is never stored; a retry with a readable body is a different request.
            update(digest, "unreadable body");
        }
    }

    private static boolean isA(String contentType, MediaType type) {
        try {
            return contentType != null && type.includes(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String hash(InputStream in) throws IOException {
        var digest = new DigestInputStream(in, sha256());
        digest.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }

    /** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(HexFormat.of().toHexDigits(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Passes the body through unchanged while feeding it to the digest. */
    private static final class HashingRequest extends HttpServletRequestWrapper {

        private final MessageDigest digest;
        private HashingInputStream stream;
        private BufferedReader reader;

        HashingRequest(HttpServletRequest request, MessageDigest digest) {
            super(request);
            this.digest = digest;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new HashingInputStream(super.getInputStream(), digest);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                var encoding = getCharacterEncoding();
                var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        void drain() throws IOException {
            getInputStream().transferTo(OutputStream.nullOutputStream());
        }
    }

    private static final class HashingInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final MessageDigest digest;

        HashingInputStream(ServletInputStream in, MessageDigest digest) {
            this.in = in;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            var b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var n = in.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
