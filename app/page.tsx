import { Playground } from "@/components/playground/Playground";

export default function HomePage() {
  return <Playground />;
}
