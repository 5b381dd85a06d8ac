/**
 * The share preview (Open Graph and Twitter card) every page gives, in one place: the site name and the preview
 * image (public/og.png, rendered by scripts/render-brand-images.mjs). A page's `openGraph` replaces the layout's
 * whole, so each page builds its own from here.
 */
import type { Metadata } from "next";

export const SITE_NAME = "LLMSpell Playground";

export const SITE_DESCRIPTION =
  "Write, run and share spells: Lua and JavaScript scripts that drive LLM agents, tools and workflows.";

const PREVIEW_IMAGE = { url: "/og.png", width: 1200, height: 630, alt: SITE_NAME };

/** `openGraph` and `twitter` metadata of a page titled `title` (the card's title, without the site name). */
export function sharePreview({
  title,
  description,
  path,
}: {
  title: string;
  description: string;
  /** The page's address, absolute against `metadataBase`. */
  path?: string;
}): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
      title,
      description,
      images: [PREVIEW_IMAGE],
      ...(path ? { url: path } : {}),
    },
    twitter: { card: "summary_large_image", title, description, images: [PREVIEW_IMAGE.url] },
  };
}
