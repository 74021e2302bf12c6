import { Input } from "../../components/Input.tsx";
import type { GroupAction } from "./validation.ts";

export interface GroupOptionsProps {
  count: number;
  action: GroupAction;
  onAction: (action: GroupAction) => void;
  name: string;
  onName: (name: string) => void;
}

/** Several recipients: send them one group message, or only set up the group chat. */
export function GroupOptions({ count, action, onAction, name, onName }: GroupOptionsProps) {
  return (
    <fieldset className="compose-group" data-testid="compose-group">
      <legend>{count} people — what would you like to do?</legend>
      <label className="compose-group__choice">
        <input type="radio" name="compose-group-action" value="send" checked={action === "send"} onChange={() => onAction("send")} data-testid="compose-group-send" />
        <span>
          <strong>Send as a group</strong>
          <span className="muted"> — everyone gets this message in one shared conversation and sees each other's replies.</span>
        </span>
      </label>
      <label className="compose-group__choice">
        <input type="radio" name="compose-group-action" value="create" checked={action === "create"} onChange={() => onAction("create")} data-testid="compose-group-create" />
        <span>
          <strong>Create a group</strong>
          <span className="muted"> — sets up the shared conversation (with a name if you like) without sending a message yet.</span>
        </span>
      </label>
      {action === "create" && <Input label="Group name (optional)" testId="compose-group-name" value={name} onChange={(e) => onName(e.target.value)} />}
    </fieldset>
  );
}
