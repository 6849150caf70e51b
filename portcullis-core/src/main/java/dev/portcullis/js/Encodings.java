package dev.portcullis.js;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Recognises and decodes the encodings payloads hide in (hex, base64), and judges what came out: printable text is
 * worth analysing again, long high-entropy strings are a sign of encrypted or packed payloads.
 */
final class Encodings {
    /** Shortest hex literal decoded: 8 bytes, shorter ones are ids and colours. */
    static final int MIN_HEX = 16;
    /** Shortest base64 literal decoded: shorter ones are usually words or ids. */
    static final int MIN_BASE64 = 24;
    /** Shortest literal judged by entropy. */
    static final int MIN_ENTROPY_LENGTH = 200;

    private Encodings() {
    }

    static boolean isHex(String s) {
        if (s.length() < MIN_HEX || (s.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of a hex string (any length, even or odd), or null. */
    static byte[] hexBytes(String s) {
        if ((s.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /**
     * Whether {@code s} looks like base64 worth decoding: long enough, only the alphabet (standard or URL-safe) and
     * padding, a length that decodes, and both cases or digits mixed in (plain words do not).
     */
    static boolean looksBase64(String s) {
        int n = s.length();
        if (n < MIN_BASE64) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int pad = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                pad++;
                if (i < n - 2) {
                    return false;
                }
            } else if (pad > 0) {
                return false;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '/' && c != '-' && c != '_') {
                return false;
            }
        }
        return upper && lower && (digit || pad > 0 || n % 4 == 0) && n % 4 != 1;
    }

    /** Base64 (standard or URL-safe, padding optional) decoded, or null. */
    static byte[] base64Bytes(String s) {
        String t = s.strip();
        if (t.indexOf('-') >= 0 || t.indexOf('_') >= 0) {
            t = t.replace('-', '+').replace('_', '/');
        }
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '=') {
            end--;
        }
        t = t.substring(0, end);
        if (t.length() % 4 == 1) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(t + "==".substring(0, (4 - t.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decoded bytes as text when they are printable text (UTF-8 with few control characters), else null. */
    static String printableText(byte[] bytes) {
        if (bytes == null || bytes.length < 4) {
            return null;
        }
        int bad = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 0x20 && v != '\n' && v != '\r' && v != '\t' || v == 0x7F) {
                bad++;
            }
        }
        if (bad * 20 > bytes.length) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return isPrintable(text) ? text : null;
    }

    /** At least 95% printable ASCII, common whitespace or letters; no NUL. */
    static boolean isPrintable(String s) {
        if (s.length() < 4) {
            return false;
        }
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == 0xFFFD) {
                bad += 20;
            } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7F && c < 0xA0) {
                bad++;
            } else if (c >= 0xA0 && !Character.isLetterOrDigit(c) && !Character.isSpaceChar(c)) {
                bad++;
            }
        }
        return bad * 20 <= s.length();
    }

    /** Shannon entropy in bits per character, over chars (the alphabet of encoded data is ASCII). */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double n = s.length();
        double h = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                h -= p * Math.log(p);
            }
        }
        if (other > 0) {
            double p = other / n;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    /**
     * Whether a long literal looks like encrypted or packed data: no spaces, and near the maximum entropy of its
     * alphabet (hex carries at most 4 bits a character, base64 6; English text and code stay near 4.2 with spaces).
     */
    static boolean highEntropy(String s) {
        if (s.length() < MIN_ENTROPY_LENGTH || s.indexOf(' ') >= 0) {
            return false;
        }
        double h = entropy(s);
        if (isHex(s)) {
            return h > 3.7;
        }
        return h > 5.0;
    }
}
