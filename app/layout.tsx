import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SITE_DESCRIPTION, SITE_NAME, sharePreview } from "./share-metadata";

/**
 * Icons and the share preview (public/, rendered by scripts/render-brand-images.mjs). Preview URLs are absolute
 * against `LLMSPELL_SITE_URL` (the deployment's public address), read on the server only.
 */
export const metadata: Metadata = {
  metadataBase: new URL(process.env.LLMSPELL_SITE_URL || "http://127.0.0.1:3000"),
  title: SITE_NAME,
  description: SITE_DESCRIPTION,
  icons: { icon: "/icon.svg", apple: "/apple-touch-icon.png" },
  ...sharePreview({ title: SITE_NAME, description: SITE_DESCRIPTION }),
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * Applies the saved theme before the first paint (no flash of the wrong theme). It reads the versioned settings
 * blob the settings store writes; anything unexpected falls back to the OS preference.
 */
const THEME_SCRIPT = `(function(){try{var t="system";var raw=localStorage.getItem("llmspell.settings");if(raw){var s=JSON.parse(raw);var d=s&&s.data;if(d&&(d.theme==="light"||d.theme==="dark"||d.theme==="system"))t=d.theme;if(d&&d.theme==="auto")t="system";}var dark=t==="dark"||(t==="system"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var r=document.documentElement;if(dark)r.classList.add("dark");r.style.colorScheme=dark?"dark":"light";r.dataset.theme=dark?"dark":"light";}catch(e){}})();`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="h-full bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">{children}</body>
    </html>
  );
}
