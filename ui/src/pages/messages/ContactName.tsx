import { useContactName } from "../../hooks/useContactName.ts";

export { useContactName };

/** "Ada Lovelace" over the number when the mirror knows them; the number alone otherwise. */
export function ContactLabel({ number, compact = false }: { number: string; compact?: boolean }) {
  const name = useContactName(number);
  if (!name) return <span className="mono">{number || "Unknown number"}</span>;
  return (
    <span className={compact ? "msg-contact msg-contact--compact" : "msg-contact"}>
      <span className="msg-contact__name">{name}</span> <span className="msg-contact__number mono">{number}</span>
    </span>
  );
}
