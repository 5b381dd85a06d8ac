/** The header's dialog buttons (share, compare, help, settings): one list for the header row and its "⋯" menu. */
import { CompareIcon, GearIcon, HelpIcon, ShareIcon } from "@/components/ui/icons";
import { displayKeys } from "@/lib/store/shortcuts";

export interface DialogAction {
  dialog: "share" | "compare" | "help" | "settings";
  /** The button's accessible name (e2e tests and screen readers use it). */
  label: string;
  Icon: typeof ShareIcon;
  /** The tooltip. */
  title(isMac: boolean): string;
}

export const DIALOG_ACTIONS: DialogAction[] = [
  {
    dialog: "share",
    label: "Share",
    Icon: ShareIcon,
    title: (isMac) => `Share (${displayKeys("Mod+S", isMac)} copies a link)`,
  },
  {
    dialog: "compare",
    label: "Compare",
    Icon: CompareIcon,
    title: () => "Compare: run this spell with two models side by side",
  },
  { dialog: "help", label: "Help and shortcuts", Icon: HelpIcon, title: () => "Help and shortcuts" },
  { dialog: "settings", label: "Settings", Icon: GearIcon, title: () => "Settings" },
];
