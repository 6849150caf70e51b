package dev.portcullis.js;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a string names that malware goes after: credential and secret locations ({@link FactKind#SENSITIVE_PATH},
 * by category) and geo-IP services used to pick victims by country ({@link FactKind#LOCALE_CHECK}).
 *
 * <p>Every string literal of every file passes through here, so a literal prefilter ({@link PatternScreen}) comes
 * before the regular expressions.
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
            // a bare ".profile" is also a property path (webpack's stats options); it counts after a separator only
            category("shell-rc", SEP + "\\.(?:bashrc|zshrc|bash_profile|zprofile|bash_history|zsh_history)" + END
                    + "|[/\\\\~]\\.profile" + END),
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

    /**
     * The categories' patterns, then the geo-IP one, behind a literal prefilter whose needles come from the patterns
     * themselves.
     */
    private static final PatternScreen SCREEN;
    private static final int GEO = PATHS.size();

    static {
        List<Pattern> patterns = new java.util.ArrayList<>();
        List<java.util.Set<String>> needles = new java.util.ArrayList<>();
        for (Category category : PATHS) {
            patterns.add(category.pattern);
            needles.add(null);
        }
        patterns.add(GEO_IP);
        needles.add(null);
        SCREEN = new PatternScreen(patterns, needles);
    }

    /** Each category's expression in order, then the geo-IP one: what the screen must agree with. */
    static List<Pattern> expressions() {
        List<Pattern> out = new java.util.ArrayList<>();
        PATHS.forEach(c -> out.add(c.pattern));
        out.add(GEO_IP);
        return out;
    }

    /** The category names, in order. */
    static List<String> names() {
        return PATHS.stream().map(Category::name).toList();
    }

    /** The patterns that run on every string (a test keeps this empty). */
    static java.util.BitSet unscreened() {
        return SCREEN.unscreened();
    }

    /** The categories of sensitive location {@code s} names, in the fixed order above; usually empty. */
    static List<String> categories(String s) {
        return s.length() < 4 ? List.of() : categories(SCREEN.matches(s));
    }

    private static List<String> categories(java.util.BitSet found) {
        if (found.isEmpty() || found.nextSetBit(0) >= GEO) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>(2);
        for (int k = found.nextSetBit(0); k >= 0 && k < GEO; k = found.nextSetBit(k + 1)) {
            out.add(PATHS.get(k).name);
        }
        return out;
    }

    /** The sensitive categories {@code s} names and whether it names a geo-IP service, in one pass. */
    record Screen(List<String> categories, boolean geoIp) {
    }

    private static final Screen NOTHING = new Screen(List.of(), false);

    static Screen screen(String s) {
        if (s.length() < 4) {
            return NOTHING;
        }
        java.util.BitSet found = SCREEN.matches(s);
        if (found.isEmpty()) {
            return NOTHING;
        }
        return new Screen(categories(found), found.get(GEO));
    }

    /** Whether {@code s} names a geo-IP lookup service. */
    static boolean geoIp(String s) {
        return s.length() >= 8 && SCREEN.matches(s).get(GEO);
    }
}
