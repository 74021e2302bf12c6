// The command call a checked draft turns into: exactly the fields that were filled in.
import type {
  CreateGroup_Deserialize,
  SendCarousel_Deserialize,
  SendGroupMessage_Deserialize,
  SendMessage_Deserialize,
} from "../../bindings.gen.ts";
import type { GroupAction } from "./validation.ts";

export type Outgoing =
  | { kind: "message"; message: SendMessage_Deserialize }
  | { kind: "carousel"; carousel: SendCarousel_Deserialize }
  | { kind: "group"; message: SendGroupMessage_Deserialize }
  | { kind: "create"; group: CreateGroup_Deserialize };

export interface OutgoingInput {
  recipients: readonly string[];
  groupAction: GroupAction;
  groupName: string;
  line: string;
  text: string;
  mediaUrl: string | null;
  effect: string;
  carousel: readonly string[] | null;
}

export function outgoingOf(input: OutgoingInput): Outgoing {
  const content = input.text.trim() === "" ? {} : { content: input.text };
  const media = input.mediaUrl ? { media_url: input.mediaUrl } : {};
  const style = input.effect ? { send_style: input.effect } : {};
  if (input.recipients.length > 1) {
    if (input.groupAction === "create") {
      const name = input.groupName.trim();
      return { kind: "create", group: { from_number: input.line, numbers: [...input.recipients], ...(name ? { group_name: name } : {}) } };
    }
    return { kind: "group", message: { from_number: input.line, numbers: [...input.recipients], ...content, ...media, ...style } };
  }
  const number = input.recipients[0]!;
  if (input.carousel) {
    return { kind: "carousel", carousel: { number, from_number: input.line, media_urls: [...input.carousel], ...style } };
  }
  return { kind: "message", message: { number, from_number: input.line, ...content, ...media, ...style } };
}
