import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The https certificate of the add-in's dev server. Excel on Windows (WebView2) and Mac
 * (WKWebView) load a sideloaded add-in only from a certificate the system trusts; accepting a
 * self-signed one in a browser tab does not count. `npm run addin:certs` (office-addin-dev-certs
 * install, on a desktop: it asks to trust a developer CA) writes the CA and a localhost
 * certificate to ~/.office-addin-dev-certs, which the dev server uses when they are there and
 * valid (PARINDEX_DEV_CERTS names another directory). Without them it falls back to a
 * self-signed certificate and says what that means.
 */
export const DEV_CERT_DIR = process.env.PARINDEX_DEV_CERTS ?? join(homedir(), ".office-addin-dev-certs");

export interface DevCertificate {
  key: string;
  cert: string;
  ca: string;
  validTo: Date;
}

export type CertificateLookup = { ok: true; certificate: DevCertificate } | { ok: false; reason: string };

const dayMonthYear = (d: Date) => `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;

export function devCertificate(dir: string = DEV_CERT_DIR, now: Date = new Date()): CertificateLookup {
  const files = { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
  const missing = Object.values(files).filter((f) => !existsSync(f));
  if (missing.length) return { ok: false, reason: `không có / missing ${missing.join(", ")}` };
  const [ca, cert, key] = [files.ca, files.cert, files.key].map((f) => readFileSync(f, "utf8")) as [string, string, string];
  const x509 = new X509Certificate(cert);
  const validTo = new Date(x509.validTo);
  if (validTo <= now) return { ok: false, reason: `hết hạn ngày / expired on ${dayMonthYear(validTo)}` };
  if (!x509.checkHost("localhost")) return { ok: false, reason: `${files.cert} không cấp cho localhost / is not issued for localhost` };
  if (!x509.checkIssued(new X509Certificate(ca))) return { ok: false, reason: `${files.cert} không do ${files.ca} cấp / was not issued by ${files.ca}` };
  return { ok: true, certificate: { key, cert, ca, validTo } };
}

export function fallbackNotice(reason: string): string {
  return [
    `Chưa có chứng chỉ phát triển tin cậy (${reason}): dùng chứng chỉ tự ký.`,
    "  Excel trên web chạy được sau khi mở trang add-in một lần và chấp nhận chứng chỉ; Excel trên Windows và Mac sẽ KHÔNG tải add-in.",
    "  Chạy một lần trên máy có giao diện: npm run addin:certs (README, \"Chứng chỉ phát triển\").",
    `No trusted development certificate (${reason}): using a self-signed one.`,
    "  Excel on the web works once the add-in page was opened and the certificate accepted; Excel on Windows and Mac will NOT load the add-in.",
    "  Run once on a desktop: npm run addin:certs (README, \"Development certificate\").",
  ].join("\n");
}
