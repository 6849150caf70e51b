export const required = (v) => v !== undefined && v !== null && String(v).trim() !== '';
export const email = (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v));
export const minLength = (n) => (v) => String(v ?? '').length >= n;
