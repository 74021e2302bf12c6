import { useState, type FormEvent } from "react";
import { Button } from "../../components/Button.tsx";
import { Card } from "../../components/Card.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useActiveProfile } from "../../hooks/useActiveProfile.ts";
import { useCreateGroup } from "../../hooks/useCreateGroup.ts";
import { useSendCarousel } from "../../hooks/useSendCarousel.ts";
import { useSendGroupMessage } from "../../hooks/useSendGroupMessage.ts";
import { useSendMessage } from "../../hooks/useSendMessage.ts";
import { useLiveConfirmedSend } from "../../hooks/useLiveConfirmedSend.ts";
import { pathQuery, usePath } from "../../router.ts";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import type { PhoneRules } from "../settings/countries.ts";
import { attachmentFromLink, attachmentProblems, AttachmentPanel, type Attachment } from "./AttachmentPanel.tsx";
import { CarouselEditor, carouselUrls } from "./CarouselEditor.tsx";
import { useContactFor } from "./contacts.ts";
import { EffectPicker } from "./EffectPicker.tsx";
import { humanError, type HumanError } from "./errors.ts";
import { GroupOptions } from "./GroupOptions.tsx";
import { LinePicker } from "./LinePicker.tsx";
import { defaultLine, useSendLines } from "./lines.ts";
import { checkMediaUrl } from "./media.ts";
import { MessageText } from "./MessageText.tsx";
import { outgoingOf, type Outgoing } from "./outgoing.ts";
import { RecipientField, type Recipient } from "./RecipientField.tsx";
import { ServiceCheck, useServiceGuess } from "./ServiceCheck.tsx";
import { StatusCard, type SentMessage } from "./StatusCard.tsx";
import { resolveRecipients, validateDraft, type ComposeCheck, type GroupAction } from "./validation.ts";

/** The number of a deep link (`#/compose?number=+1415…`); a bare `+` arrives as a space. */
function linkedNumber(path: string, phone: PhoneRules): string | null {
  const raw = pathQuery(path).get("number");
  if (!raw) return null;
  return phone.toE164(raw.replace(/^ (?=\d)/, "+"));
}

/** Send a one-off message: to one person, a group, or as a carousel; then watch it arrive. */
export function ComposePage() {
  const path = usePath();
  const phoneRules = usePhoneRules();
  const link = linkedNumber(path, phoneRules);
  const [seenLink, setSeenLink] = useState<string | null>(null);
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [pending, setPending] = useState("");
  // A deep link fills in the recipient (once per link).
  if (link !== seenLink) {
    setSeenLink(link);
    if (link && !recipients.some((r) => r.phone === link)) setRecipients([{ phone: link, name: null, optedOut: false }]);
  }

  const [groupAction, setGroupAction] = useState<GroupAction>("send");
  const [groupName, setGroupName] = useState("");
  const [text, setText] = useState("");
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [mediaLink, setMediaLink] = useState<string | null>(null);
  const [effect, setEffect] = useState("");
  const [carouselOn, setCarouselOn] = useState(false);
  const [carouselText, setCarouselText] = useState("");
  const [chosenLine, setChosenLine] = useState<string | null>(null);
  const [checked, setChecked] = useState<ComposeCheck | null>(null);
  const [sendError, setSendError] = useState<HumanError | null>(null);
  const [sent, setSent] = useState<SentMessage | null>(null);
  const [createdGroup, setCreatedGroup] = useState<string | null>(null);

  const toast = useToast();
  const profile = useActiveProfile().data;
  const live = profile?.profile.kind === "Live";
  const sendMessage = useSendMessage();
  const sendCarousel = useSendCarousel();
  const sendGroup = useSendGroupMessage();
  const createGroup = useCreateGroup();
  const busy = sendMessage.isPending || sendCarousel.isPending || sendGroup.isPending || createGroup.isPending;

  const all = resolveRecipients(
    recipients.map((r) => r.phone),
    pending,
    phoneRules,
  );
  const single = all.length === 1 ? all[0]! : null;
  const group = all.length > 1;
  const service = useServiceGuess(single);
  const contact = useContactFor(single);
  const contactLine = contact?.sendblue_number ?? null;
  const { lines, loading: linesLoading, failed: linesFailed } = useSendLines();
  const line = chosenLine && lines?.some((l) => l.number === chosenLine) ? chosenLine : defaultLine(lines ?? [], contactLine);

  const linkAttachment = !attachment && mediaLink && mediaLink.trim() !== "" ? attachmentFromLink(mediaLink) : null;
  const media = attachment ?? linkAttachment;
  const linkError = !attachment && mediaLink && mediaLink.trim() !== "" && !linkAttachment ? (checkMediaUrl(mediaLink) as { error: string }).error : null;
  const mediaError = linkError ?? (media ? attachmentProblems(media, service.service).error : null);
  const carousel = carouselOn ? carouselUrls(carouselText) : null;

  function draftCheck(): ComposeCheck {
    return validateDraft({
      recipients: recipients.map((r) => r.phone),
      pending,
      groupAction,
      text,
      mediaError,
      hasMedia: media !== null,
      carousel,
      line,
      phone: phoneRules,
    });
  }
  // After a first try, the messages follow the edits.
  const errors = checked ? draftCheck().errors : {};

  function addRecipient(recipient: Recipient) {
    setRecipients((old) => (old.some((r) => r.phone === recipient.phone) ? old : [...old, recipient]));
    setPending("");
  }

  function toName(phones: readonly string[]): string {
    const names = phones.map((p) => recipients.find((r) => r.phone === p)?.name ?? p);
    return names.length <= 2 ? names.join(" and ") : `${names[0]} and ${names.length - 1} others`;
  }

  async function copyGroupId(id: string) {
    try {
      await navigator.clipboard.writeText(id);
      toast.show({ tone: "success", title: "Copied", body: "The group's reference is on the clipboard." });
    } catch {
      toast.show({ tone: "error", title: "Couldn't copy", body: "Copying isn't available here." });
    }
  }

  function finishSend(message: SentMessage) {
    setSent(message);
    setCreatedGroup(null);
    setText("");
    setAttachment(null);
    setMediaLink(null);
    setEffect("");
    setCarouselText("");
    setChecked(null);
    toast.show({ tone: "success", title: "Sent", body: `On its way to ${message.to}.` });
  }

  const sender = useLiveConfirmedSend<Outgoing>(
    async (outgoing, confirmLive) => {
      setSendError(null);
      switch (outgoing.kind) {
        case "message": {
          const answer = await sendMessage.mutateAsync({ message: outgoing.message, confirmLive });
          finishSend({ handle: answer.message_handle, to: toName([outgoing.message.number]), kind: "message" });
          break;
        }
        case "carousel": {
          const answer = await sendCarousel.mutateAsync({ carousel: outgoing.carousel, confirmLive });
          finishSend({ handle: answer.message_handle, to: toName([outgoing.carousel.number]), kind: "carousel" });
          break;
        }
        case "group": {
          const answer = await sendGroup.mutateAsync({ message: outgoing.message, confirmLive });
          finishSend({ handle: answer.message_handle, to: toName(outgoing.message.numbers ?? []), kind: "group" });
          break;
        }
        case "create": {
          const answer = await createGroup.mutateAsync(outgoing.group);
          setCreatedGroup(answer.group_id ?? "");
          toast.show({ tone: "success", title: "Group created", body: toName(outgoing.group.numbers) });
          break;
        }
      }
    },
    (appError, outgoing) => {
      setSendError(humanError(appError, outgoing.kind === "carousel" ? "carousel" : outgoing.kind === "message" ? "send" : "group"));
    },
  );
  const confirming = sender.confirming;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const check = draftCheck();
    setChecked(check);
    setSendError(null);
    if (Object.keys(check.errors).length > 0) return;
    // A whole number left in the box becomes a recipient (it stays for the next message).
    if (pending.trim() !== "") {
      setRecipients(check.recipients.map((phone) => recipients.find((r) => r.phone === phone) ?? { phone, name: null, optedOut: false }));
      setPending("");
    }
    const outgoing = outgoingOf({
      recipients: check.recipients,
      groupAction,
      groupName,
      line,
      text,
      mediaUrl: media?.url ?? null,
      effect,
      carousel,
    });
    // Creating a group sends nothing, so it needs no Live confirmation.
    await sender.start(outgoing, { skipCheck: outgoing.kind === "create" });
  }

  function onNew() {
    setSent(null);
    setRecipients([]);
    setPending("");
    setSendError(null);
    setCreatedGroup(null);
  }

  return (
    <div className="page page--wide compose" data-testid="compose-page">
      <header className="page__header">
        <h1>New message</h1>
        {live && (
          <p className="compose-live" data-testid="compose-live-note">
            <strong>Live account:</strong> messages go to real phones.
          </p>
        )}
      </header>

      <div className="compose__layout">
      <form className="compose-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="New message">
        <Card title="Who gets it">
          <RecipientField
            recipients={recipients}
            pending={pending}
            onPendingChange={setPending}
            onAdd={addRecipient}
            onRemove={(phone) => setRecipients((old) => old.filter((r) => r.phone !== phone))}
            error={errors.recipient}
          />
          <ServiceCheck state={service} group={group} />
          {single && contact?.opt_out === true && (
            <p className="compose-warning" data-testid="compose-opted-out">
              This person opted out of messages. Sendblue won't deliver to them.
            </p>
          )}
          {group && <GroupOptions count={all.length} action={groupAction} onAction={setGroupAction} name={groupName} onName={setGroupName} />}
        </Card>

        {!(group && groupAction === "create") && (
          <Card title="What it says">
            <MessageText value={text} onChange={setText} service={group ? "unknown" : service.service} error={errors.text} />
            {!group && (
              <label className="compose-toggle">
                <input type="checkbox" checked={carouselOn} onChange={(e) => setCarouselOn(e.target.checked)} data-testid="compose-carousel-toggle" />
                <span>Send several pictures as a swipeable carousel (2 to 20)</span>
              </label>
            )}
            {carouselOn && !group ? (
              <CarouselEditor text={carouselText} onChange={setCarouselText} error={errors.carousel} />
            ) : (
              <AttachmentPanel
                attachment={attachment}
                onAttach={setAttachment}
                link={mediaLink}
                onLinkChange={setMediaLink}
                service={group ? "unknown" : service.service}
                error={errors.media}
              />
            )}
            <EffectPicker value={effect} onChange={setEffect} service={group ? "unknown" : service.service} />
          </Card>
        )}

        <Card title="Which line sends it">
          <LinePicker
            lines={lines}
            loading={linesLoading}
            failed={linesFailed}
            value={line}
            onChange={setChosenLine}
            contactLine={contactLine}
            error={errors.line}
          />
        </Card>

        {sendError && (
          <div className="error-notice compose-error" role="alert" data-testid="compose-error">
            <p className="error-notice__message">
              <strong>{sendError.title}.</strong> {sendError.body}
            </p>
          </div>
        )}

        <div className="compose-actions">
          <Button type="submit" variant="primary" busy={busy} data-testid="compose-send">
            {group && groupAction === "create" ? "Create group" : carouselOn && !group ? "Send carousel" : "Send"}
          </Button>
        </div>
      </form>

      <aside className="compose__aside" aria-label="What happened">
        {createdGroup !== null && (
          <Card title="Group created" testId="compose-group-created">
            <p>The group conversation is ready. Send it a message from here by choosing “Send as a group”.</p>
            {createdGroup && (
              <p className="muted">
                Technical reference (for Sendblue support):{" "}
                <Button size="sm" onClick={() => void copyGroupId(createdGroup)} data-testid="compose-group-copy-id">
                  Copy reference
                </Button>
              </p>
            )}
          </Card>
        )}
        {sent && <StatusCard key={sent.handle} sent={sent} onNew={onNew} />}
      </aside>
      </div>

      <Dialog
        open={confirming !== null}
        onClose={sender.cancel}
        title="Send to a real phone?"
        testId="compose-confirm-live"
        description={`“${profile?.profile.name ?? "This profile"}” is a Live account: this message goes to a real person's phone and may be charged. The console asks once each time it starts.`}
        footer={
          <>
            <Button onClick={sender.cancel} data-testid="compose-confirm-live-cancel">
              Cancel
            </Button>
            <Button
              variant="primary"
              busy={busy}
              data-testid="compose-confirm-live-send"
              onClick={() => void sender.confirm()}
            >
              Send it
            </Button>
          </>
        }
      />
    </div>
  );
}
