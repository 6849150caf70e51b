export function getBrowser() {
    const ua = typeof navigator !== "undefined" ? navigator.userAgent : "";
    const m = ua.match(/(Firefox|Edg|OPR|Chrome|Safari)\/([\d.]+)/);
    return { name: m ? ({ Edg: "Edge", OPR: "Opera" }[m[1]] || m[1]) : "unknown", version: m ? m[2] : "" };
}
export function getPlatform() {
    const ua = typeof navigator !== "undefined" ? navigator.userAgent : "";
    return { type: /Mobi|Android|iPhone/i.test(ua) ? "mobile" : "desktop" };
}
