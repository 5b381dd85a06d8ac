import { ShortLinkProblem } from "@/components/share/ShortLinkProblem";

export default function ShortLinkNotFound() {
  return (
    <ShortLinkProblem title="No spell behind this short link">
      This short link does not exist on this server. It may have been mistyped or cut off, or made on another playground
      server. Ask for the link again, or start a new spell.
    </ShortLinkProblem>
  );
}
