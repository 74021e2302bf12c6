// The 13 expressive effects (§2.3), with the names people know from their iPhone. They show on
// iMessage only; SMS and RCS ignore them.

export interface Effect {
  value: string;
  label: string;
  group: "bubble" | "screen";
}

export const EFFECTS: readonly Effect[] = [
  { value: "slam", label: "Slam", group: "bubble" },
  { value: "loud", label: "Loud", group: "bubble" },
  { value: "gentle", label: "Gentle", group: "bubble" },
  { value: "invisible", label: "Invisible ink", group: "bubble" },
  { value: "echo", label: "Echo", group: "screen" },
  { value: "spotlight", label: "Spotlight", group: "screen" },
  { value: "balloons", label: "Balloons", group: "screen" },
  { value: "confetti", label: "Confetti", group: "screen" },
  { value: "love", label: "Love", group: "screen" },
  { value: "lasers", label: "Lasers", group: "screen" },
  { value: "fireworks", label: "Fireworks", group: "screen" },
  { value: "shooting_star", label: "Shooting star", group: "screen" },
  { value: "celebration", label: "Celebration", group: "screen" },
];
