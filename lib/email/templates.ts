/** The parts of a portal email; rendered to a plain-text part and a simple branded HTML part. */
export type EmailContent = {
  coopName: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the message: why it was sent, what to do if unexpected. */
  footnote?: string;
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label}:`, content.action.url, ""] : []),
    ...(content.footnote ? [content.footnote, ""] : []),
    `— ${content.coopName}`,
  ].join("\n");

  const paragraphs = content.paragraphs
    .map((paragraph) => `<p style="margin:0 0 16px">${escapeHtml(paragraph)}</p>`)
    .join("");
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#235330;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#4b544e">If the button does not work, copy this address into your browser:<br>${escapeHtml(content.action.url)}</p>`
    : "";
  const footnote = content.footnote
    ? `<p style="margin:24px 0 0;font-size:13px;color:#4b544e">${escapeHtml(content.footnote)}</p>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.heading)}</title></head>
<body style="margin:0;background:#fbfaf5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2421">
<div style="max-width:560px;margin:0 auto;padding:24px">
<div style="background:#235330;color:#ffffff;padding:16px 20px;font-weight:bold;font-size:18px;border-radius:6px 6px 0 0">${escapeHtml(content.coopName)}</div>
<div style="background:#ffffff;padding:24px 20px;border:1px solid #d8ead9;border-top:0;border-radius:0 0 6px 6px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>${paragraphs}${action}${footnote}
</div></div></body></html>`;
  return { text, html };
}
