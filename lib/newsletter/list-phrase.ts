/** The lists a campaign email came from, as one phrase: the list “Sales” / the lists “Sales” and “Classes”. Pure: pages, the one-click answer and the browser share it. */
export function listPhrase(lists: string[]) {
  const quoted = lists.map((name) => `“${name}”`);
  return quoted.length <= 1 ? `the list ${quoted[0] ?? ""}` : `the lists ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
