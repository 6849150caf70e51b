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

    /**
     * Literal pieces of each category's pattern, in the order of {@link #PATHS}, then the geo-IP hosts: one pass
     * over a string tells which few patterns can match at all.
     */
    private static final Needles NEEDLES = new Needles(List.of(
            List.of(".npmrc"),
            List.of(".ssh", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "authorized_keys", "known_hosts"),
            List.of(".aws"),
            List.of(".env"),
            List.of("Login Data", "Local State", "Web Data", "Chrome", "BraveSoftware", "Chromium", "Edge", ".mozilla",
                    "Firefox", "cookies.sqlite", "logins.json", "key4.db"),
            List.of("wallet.dat", "Exodus", "exodus.wallet", "nkbihfbeogaeaoehlefnkodbefgpgknn", "MetaMask", ".electrum",
                    "Atomic", "solana", "keystore", "Phantom", "bfnaelmomeimhlpmgjnjophhpkkoljpa",
                    "ejbalbakoplchlghecdalmeeeajnimhm"),
            List.of(".bashrc", ".zshrc", ".bash_profile", ".profile", ".zprofile", "_history"),
            List.of(".git-credentials", "hosts.yml"),
            List.of(".kube"),
            List.of(".docker"),
            List.of("gcloud", "application_default_credentials", ".azure"),
            List.of("trufflehog", "gitleaks"),
            List.of("auth"),
            List.of("ipapi", "ip-api", "ipinfo", "ipgeolocation", "ipwho", "freegeoip", "geoip", "geolocation-db",
                    "extreme-ip", "country.is", "ipdata", "IPAPI", "IPINFO", "GEOIP")));
    private static final int GEO_BIT = 1 << 13;

    /** The categories of sensitive location {@code s} names, in the fixed order above; usually empty. */
    static List<String> categories(String s) {
        return s.length() < 4 ? List.of() : categories(s, NEEDLES.find(s));
    }

    private static List<String> categories(String s, int screen) {
        if ((screen & (GEO_BIT - 1)) == 0) {
            return List.of();
        }
        List<String> out = null;
        for (int k = 0; k < PATHS.size(); k++) {
            if ((screen & 1 << k) != 0 && PATHS.get(k).pattern.matcher(s).find()) {
                if (out == null) {
                    out = new java.util.ArrayList<>(2);
                }
                out.add(PATHS.get(k).name);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The sensitive categories {@code s} names and whether it names a geo-IP service, in one pass. */
    record Screen(List<String> categories, boolean geoIp) {
    }

    private static final Screen NOTHING = new Screen(List.of(), false);

    static Screen screen(String s) {
        if (s.length() < 4) {
            return NOTHING;
        }
        int found = NEEDLES.find(s);
        if (found == 0) {
            return NOTHING;
        }
        return new Screen(categories(s, found), (found & GEO_BIT) != 0 && GEO_IP.matcher(s).find());
    }

    /** Whether {@code s} names a geo-IP lookup service. */
    static boolean geoIp(String s) {
        return s.length() >= 8 && (NEEDLES.find(s) & GEO_BIT) != 0 && GEO_IP.matcher(s).find();
    }
}
