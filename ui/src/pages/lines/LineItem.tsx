import { useState, type FormEvent } from "react";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { Input } from "../../components/Input.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useCallForwarding } from "../../hooks/useCallForwarding.ts";
import { useClearCallForwarding } from "../../hooks/useClearCallForwarding.ts";
import { useSetCallForwarding } from "../../hooks/useSetCallForwarding.ts";
import { toAppError } from "../../ipc.ts";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import { assignmentWords, healthWords, sinceWords, type LineView } from "./lineWords.ts";

/** One line: its number, health in words, how it belongs to the account, and call forwarding. */
export function LineItem({ line }: { line: LineView }) {
  const [editing, setEditing] = useState(false);
  const forwarding = useCallForwarding(line.number);
  const health = healthWords(line.state?.status);
  const since = sinceWords(line.state);
  const assignment = assignmentWords(line.state);
  const code = forwarding.error ? toAppError(forwarding.error).code : null;
  const unavailable = code === "Forbidden" || code === "NotFound";

  return (
    <li className="line-item" data-testid="line-item" data-number={line.number}>
      <div className="line-item__main">
        <span className="line-item__number mono">{line.number}</span>
        <Badge tone={health.tone} data-testid="line-item-state" data-status={line.state?.status ?? "UNKNOWN"}>
          {health.text}
        </Badge>
        {since && <span className="muted">{since}</span>}
      </div>
      {assignment && <p className="muted line-item__assignment">{assignment}</p>}
      <div className="line-item__forwarding">
        <span data-testid="line-forwarding-current">
          {forwarding.isPending ? (
            <Skeleton width="12rem" height="1rem" label="Loading call forwarding…" />
          ) : unavailable ? (
            "Call forwarding isn't available for this line (it works on dedicated lines only)."
          ) : forwarding.error ? (
            `Call forwarding couldn't be read: ${toAppError(forwarding.error).message}`
          ) : forwarding.data?.forwarding_number ? (
            `Calls are forwarded to ${forwarding.data.forwarding_number}.`
          ) : (
            "Calls aren't forwarded."
          )}
        </span>
        <Button size="sm" disabled={unavailable} onClick={() => setEditing(true)} data-testid="line-forwarding" aria-label={`Call forwarding for ${line.number}`}>
          Call forwarding
        </Button>
      </div>
      {editing && <ForwardingDialog number={line.number} current={forwarding.data?.forwarding_number ?? null} onClose={() => setEditing(false)} />}
    </li>
  );
}

function ForwardingDialog({ number, current, onClose }: { number: string; current: string | null; onClose: () => void }) {
  const [value, setValue] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);
  const set = useSetCallForwarding();
  const clear = useClearCallForwarding();
  const toast = useToast();
  const phone = usePhoneRules();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = phone.error(value);
    const e164 = phone.toE164(value);
    if (problem || !e164) {
      setError(problem ?? "Enter a phone number.");
      return;
    }
    if (e164 === number) {
      setError("A line can't forward its calls to itself. Enter another number.");
      return;
    }
    setError(null);
    try {
      await set.mutateAsync({ number, forwardTo: e164 });
      toast.show({ tone: "success", title: "Call forwarding saved", body: `${number} → ${e164}` });
      onClose();
    } catch (err) {
      setError(toAppError(err).message);
    }
  }

  async function onClear() {
    try {
      await clear.mutateAsync(number);
      toast.show({ tone: "success", title: "Calls are no longer forwarded", body: number });
      onClose();
    } catch (err) {
      setError(toAppError(err).message);
    }
  }

  const e164 = phone.toE164(value);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Call forwarding for ${number}`}
      description="Calls to this line ring at the number you choose. A teammate's own forwarding number, when set, comes first."
      testId="line-forwarding-dialog"
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Input
          label="Forward calls to"
          testId="line-forwarding-number"
          value={value}
          inputMode="tel"
          autoComplete="off"
          onChange={(e) => setValue(phone.format(e.target.value))}
          error={error}
          hint={e164 ? `Saved as ${e164}` : phone.hint}
        />
        <div className="dialog__footer">
          {current && (
            <Button variant="danger" busy={clear.isPending} onClick={() => void onClear()} data-testid="line-forwarding-clear">
              Stop forwarding
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={set.isPending} data-testid="line-forwarding-save">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
