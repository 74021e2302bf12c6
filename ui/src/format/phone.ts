// How a phone number reads on screen. Pages keep the raw E.164 number in data attributes
// (`data-number`, `data-phone`) and links; this is only for people.

/** "+1 415 555 0123" for "+14155550123" (North American numbers); others as they are. */
export function prettyNumber(number: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return m ? `+1 ${m[1]} ${m[2]} ${m[3]}` : number;
}
