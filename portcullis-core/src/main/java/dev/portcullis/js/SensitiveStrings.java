package dev.portcullis.js;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a string names that malware goes after: credential and secret locations ({@link FactKind#SENSITIVE_PATH},
 * by category) and geo-IP services used to pick victims by country ({@link FactKind#LOCALE_CHECK}).
 *
 * <p>Every string literal of every file passes through here, so a cheap test on characters every needle contains
 * comes before the regular expressions.
 */
final class SensitiveStrings {
    private record Category(String name, Pattern pattern) {
    }

    private static final String SEP = "(?:^|[/\\\\~'\"`\\s=:$})]|%[A-Za-z]+%)";
    private static final String END = "(?=$|[/\\\\'\"`\\s;,)])";

    private static final List<Category> PATHS = List.of(
            category("npmrc", SEP + "\\.npmrc" + END),
            category("ssh", SEP + "\\.ssh(?:" + END + "|[/\\\\])|(?:^|[/\\\\])id_(?:rsa|dsa|ecdsa|ed25519)\\b|\\bauthorized_keys\\b|\\bknown_hosts\\b"),
            category("aws", SEP + "\\.aws[/\\\\](?:credentials|config)"),
            category("env-file", SEP + "\\.env(?:\\.(?:local|production|development|prod|dev|test))?" + END),
            category("browser-profile", "Login Data|Local State|Web Data|(?:Google[/\\\\ ]Chrome|BraveSoftware|Chromium|Microsoft[/\\\\ ]Edge)[/\\\\ ]|\\.mozilla[/\\\\]firefox|Mozilla[/\\\\ ]Firefox[/\\\\]Profiles|\\bcookies\\.sqlite\\b|\\blogins\\.json\\b|\\bkey4\\.db\\b"),
            category("wallet", "\\bwallet\\.dat\\b|\\bExodus\\b|exodus\\.wallet|nkbihfbeogaeaoehlefnkodbefgpgknn|\\bMetaMask\\b|\\.electrum[/\\\\]wallets|\\bAtomic[/\\\\ ]Local Storage|\\bsolana[/\\\\]id\\.json|\\.config[/\\\\]solana[/\\\\]id\\.json|\\bkeystore[/\\\\]UTC--|\\bPhantom\\b.*\\bextension|bfnaelmomeimhlpmgjnjophhpkkoljpa|ejbalbakoplchlghecdalmeeeajnimhm"),
            category("shell-rc", SEP + "\\.(?:bashrc|zshrc|bash_profile|profile|zprofile|bash_history|zsh_history)" + END),
            category("git-credentials", SEP + "\\.git-credentials" + END + "|\\.config[/\\\\]gh[/\\\\]hosts\\.yml"),
            category("kube", SEP + "\\.kube[/\\\\]config"),
            category("docker", SEP + "\\.docker[/\\\\]config\\.json"),
            category("cloud-config", SEP + "\\.config[/\\\\]gcloud|application_default_credentials\\.json|\\.azure[/\\\\]"),
            category("secret-scanner", "\\btrufflehog\\b|\\bgitleaks\\b"),
            category("github-token", "\\bgh\\s+auth\\s+token\\b"));

    private static final Pattern GEO_IP = Pattern.compile(
            "\\b(?:ipapi\\.co|ip-api\\.com|ipinfo\\.io|ipgeolocation\\.io|ipwho\\.is|ipwhois\\.app|freegeoip\\.app|geoip\\.|geolocation-db\\.com|extreme-ip-lookup\\.com|api\\.country\\.is|ipdata\\.co)",
            Pattern.CASE_INSENSITIVE);

    private SensitiveStrings() {
    }

    private static Category category(String name, String regex) {
        return new Category(name, Pattern.compile(regex));
    }

    /** The categories of sensitive location {@code s} names, in the fixed order above; usually empty. */
    static List<String> categories(String s) {
        if (s.length() < 4 || !mayMatch(s)) {
            return List.of();
        }
        List<String> out = null;
        for (Category c : PATHS) {
            if (c.pattern.matcher(s).find()) {
                if (out == null) {
                    out = new java.util.ArrayList<>(2);
                }
                out.add(c.name);
            }
        }
        return out == null ? List.of() : out;
    }

    /** Every needle has a dot, or one of these words: a cheap filter before the regular expressions. */
    private static boolean mayMatch(String s) {
        return s.indexOf('.') >= 0 || s.contains("Data") || s.contains("State") || s.contains("xodus")
                || s.contains("Mask") || s.contains("nkbihf") || s.contains("Chrom") || s.contains("Brave")
                || s.contains("Edge") || s.contains("Phantom") || s.contains("id_") || s.contains("keys")
                || s.contains("hosts") || s.contains("truffle") || s.contains("leaks") || s.contains("auth")
                || s.contains("Atomic") || s.contains("bfnael") || s.contains("ejbalb") || s.contains("keystore");
    }

    /** Whether {@code s} names a geo-IP lookup service. */
    static boolean geoIp(String s) {
        return s.length() >= 8 && s.indexOf('.') >= 0 && GEO_IP.matcher(s).find();
    }
}
