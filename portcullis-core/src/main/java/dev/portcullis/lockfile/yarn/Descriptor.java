package dev.portcullis.lockfile.yarn;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A yarn descriptor {@code name@range} ({@code @scope/name@npm:^1.0.0}, {@code is-num@npm:is-number@7.0.0}) or
 * locator {@code name@reference}: the name ends at the first {@code @} after its first character.
 */
public record Descriptor(String name, String range) {
    public Descriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
    }

    /** The descriptor, or null when the text has no name or no {@code @} after it. */
    public static Descriptor parse(String text) {
        int at = text.indexOf('@', 1);
        if (at <= 0) {
            return null;
        }
        return new Descriptor(text.substring(0, at), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return name + "@" + range;
    }

    /**
     * Decodes the {@code %XX} escapes yarn berry writes inside {@code patch:} references and {@code ::} parameters
     * (encodeURIComponent); a {@code +} stays a plus, unlike form decoding. A malformed escape is kept as written.
     */
    public static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] out = new byte[text.length() * 4];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int hi = i + 2 < text.length() && c == '%' ? Character.digit(text.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                // a surrogate pair is encoded together; a lone surrogate becomes '?', as String.getBytes does
                int end = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1)) ? i + 2 : i + 1;
                byte[] bytes = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, out, n, bytes.length);
                n += bytes.length;
                i = end - 1;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** JavaScript's encodeURIComponent, which yarn berry uses for the {@code ::locator=} parameter it binds. */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
