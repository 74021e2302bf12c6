// Failures as the people who send messages should read them: what happened and what to do,
// never a code. Branches on the AppError's `code` and Sendblue's `detail.error_code`/`message`.
import type { AppError_Serialize } from "../../bindings.gen.ts";

export interface HumanError {
  title: string;
  body: string;
  /** Which part of the form it is about, when it is about one. */
  field?: "recipient" | "text" | "media" | "line" | "carousel";
}

const OPTED_OUT = /opt(ed)?[\s_-]?out|unsubscribed|replied stop/i;
const NOT_VERIFIED = /not verified|verified contact/i;

function upstream(error: AppError_Serialize): string {
  return [error.detail?.error_code, error.detail?.message].filter(Boolean).join(" ");
}

function seconds(ms: number | null | undefined): number | null {
  return ms ? Math.max(1, Math.ceil(ms / 1000)) : null;
}

/** What went wrong sending (or creating a group), in plain words. */
export function humanError(error: AppError_Serialize, action: "send" | "carousel" | "group" = "send"): HumanError {
  const said = upstream(error);
  if (OPTED_OUT.test(said)) {
    return { title: "This person opted out of messages", body: "They replied STOP, so Sendblue won't send them messages from this account.", field: "recipient" };
  }
  switch (error.detail?.error_code) {
    case "line_not_registered":
      return { title: "This line isn't in that group", body: "Choose a line that is part of the group conversation.", field: "line" };
    case "ambiguous_sending_line":
      return { title: "Choose which line sends", body: "Several of your lines are in this group. Pick one under “Send from”.", field: "line" };
    case "unsupported_line":
      return { title: "This line can't do that", body: "Choose another line and try again.", field: "line" };
    default:
      break;
  }
  switch (error.code) {
    case "Forbidden":
      return { title: "Not available on your plan", body: "Your Sendblue plan or this line doesn't include this. Ask an admin, or choose another line.", field: action === "carousel" ? "carousel" : undefined };
    case "RateLimited": {
      const wait = seconds(error.detail?.retry_after_ms);
      return { title: "Too many messages right now", body: wait ? `Sendblue asked to slow down. Try again in ${wait} seconds.` : "Sendblue asked to slow down. Wait a moment and try again." };
    }
    case "Unauthorized":
      return { title: "Sendblue didn't accept this account's key", body: "Ask an admin to check the profile in Settings." };
    case "PaymentRequired":
      return { title: "The charge didn't go through", body: "Ask an admin to check billing with Sendblue." };
    case "Network":
      return { title: "Couldn't reach Sendblue", body: "Check the internet connection and try again. The message wasn't sent." };
    case "Upstream":
      return { title: "Sendblue had a problem", body: "Try again in a little while." };
    case "NotFound":
      return { title: "Sendblue couldn't find that", body: error.message };
    case "Validation":
      return validation(error, action);
    default:
      return { title: "Couldn't send", body: error.message };
  }
}

function validation(error: AppError_Serialize, action: "send" | "carousel" | "group"): HumanError {
  const said = upstream(error);
  const field = error.detail?.field ?? "";
  if (NOT_VERIFIED.test(said)) {
    return { title: "This person isn't verified yet", body: "On this plan you can only message verified contacts. Verify them on the Contacts page first.", field: "recipient" };
  }
  if (action === "carousel" && /v2|mac|carousel|line/i.test(said) && !/at least|at most|https/i.test(said)) {
    return {
      title: "This line can't send carousels",
      body: "Carousels need one of Sendblue's newer iMessage lines, and this one isn't. Choose another line, or send the pictures one at a time.",
      field: "carousel",
    };
  }
  if (field === "from_number" || /from_number|sending line|not registered/i.test(said)) {
    return { title: "This line can't send messages", body: "Choose another line under “Send from”.", field: "line" };
  }
  if (field === "number" || field === "numbers") {
    return { title: "Sendblue didn't accept this recipient", body: error.message, field: "recipient" };
  }
  if (field === "media_url" || field === "media_urls" || /media/i.test(said)) {
    return { title: "Sendblue didn't accept the attachment", body: error.message, field: action === "carousel" ? "carousel" : "media" };
  }
  if (field === "content") return { title: "Check the message", body: error.message, field: "text" };
  return { title: "Sendblue couldn't accept this message", body: error.message };
}

/** Why a sent message failed or was refused, from its status and numeric code (§2.6). */
export function deliveryProblem(status: string, errorCode: number | null, errorMessage: string | null, optedOut: boolean | null): string | null {
  if (status !== "ERROR" && status !== "DECLINED") return null;
  if (optedOut || OPTED_OUT.test(errorMessage ?? "")) return "This person opted out of messages, so it wasn't sent.";
  switch (errorCode) {
    case 4001:
    case 5003:
      return "Too many messages for now (a sending limit was reached). Try again later.";
    case 4002:
      return "This number can't receive messages (for example, an emergency number).";
    case 4000:
      return errorMessage ? `Sendblue couldn't accept it: ${errorMessage}` : "Sendblue couldn't accept it.";
    default:
      return errorMessage ? `It couldn't be delivered: ${errorMessage}` : "It couldn't be delivered.";
  }
}
